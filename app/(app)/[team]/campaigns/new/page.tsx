import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { NEW_CAMPAIGN_VALUES } from "@/lib/campaigns/campaign-form-values";
import { listCampaignFormOptions } from "@/lib/campaigns/list-campaign-form-options";
import { createCampaignAction } from "../actions";
import { CampaignForm } from "../campaign-form";

export const metadata: Metadata = { title: "New campaign" };

export default async function NewCampaignPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const ctx = await requireTeamPage(slug, `/${slug}/campaigns/new`);
  const options = await listCampaignFormOptions({ teamId: ctx.teamId });
  return (
    <>
      <PageHeader title="New campaign" description="Saved as a draft. Nothing is sent until you review and start it." />
      <CampaignForm teamSlug={slug} action={createCampaignAction.bind(null, slug)} values={NEW_CAMPAIGN_VALUES} options={options} timeZones={Intl.supportedValuesOf("timeZone")} submitLabel="Create campaign" />
    </>
  );
}
