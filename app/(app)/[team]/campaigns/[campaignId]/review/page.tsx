import type { Metadata } from "next";
import Link from "next/link";
import { ReviewSummary } from "@/components/campaigns/review-summary";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import { reviewCampaign } from "@/lib/campaigns/review-campaign";
import { loadCampaignPage } from "../load-campaign-page";
import { StartCampaignButton } from "./start-campaign-button";

export const metadata: Metadata = { title: "Review campaign" };

export default async function ReviewCampaignPage({ params }: { params: Promise<{ team: string; campaignId: string }> }) {
  const { slug, ctx, campaign } = await loadCampaignPage(params, "/review");
  const review = await reviewCampaign({ teamId: ctx.teamId, campaignId: campaign.id });
  const base = `/${slug}/campaigns/${campaign.id}`;
  return (
    <>
      <PageHeader
        title={`Review ${campaign.name}`}
        description="Who will be emailed, and anything to fix before the first email goes out."
        actions={<Button asChild variant="outline" size="sm"><Link href={`${base}/edit`}>Edit campaign</Link></Button>}
      />
      <div className="grid gap-6">
        <ReviewSummary teamSlug={slug} review={review} />
        {campaign.status === "draft" ? (
          <StartCampaignButton teamSlug={slug} campaignId={campaign.id} blocked={review.blockers.length > 0} />
        ) : (
          <p className="text-sm text-muted-foreground">This campaign is {campaign.status}. <Link className="underline" href={base}>Back to the campaign</Link></p>
        )}
      </div>
    </>
  );
}
