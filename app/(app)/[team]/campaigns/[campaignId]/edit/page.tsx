import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { campaignToFormValues } from "@/lib/campaigns/campaign-form-values";
import { listCampaignFormOptions } from "@/lib/campaigns/list-campaign-form-options";
import { refuseEditMessage } from "@/lib/campaigns/update-campaign";
import { updateCampaignAction } from "../../actions";
import { CampaignForm } from "../../campaign-form";
import { loadCampaignPage } from "../load-campaign-page";

export const metadata: Metadata = { title: "Edit campaign" };

export default async function EditCampaignPage({ params }: { params: Promise<{ team: string; campaignId: string }> }) {
  const { slug, ctx, campaign } = await loadCampaignPage(params, "/edit");
  const refusal = refuseEditMessage(campaign.status);
  const options = refusal ? null : await listCampaignFormOptions({ teamId: ctx.teamId });
  return (
    <>
      <PageHeader title={`Edit ${campaign.name}`} description="Changes apply to emails not yet sent." />
      {refusal || !options ? (
        <Alert>
          <AlertTitle>This campaign cannot be edited now</AlertTitle>
          <AlertDescription>
            {refusal} <Link className="underline" href={`/${slug}/campaigns/${campaign.id}`}>Back to the campaign</Link>
          </AlertDescription>
        </Alert>
      ) : (
        <CampaignForm
          teamSlug={slug}
          action={updateCampaignAction.bind(null, slug)}
          values={campaignToFormValues(campaign, campaign.mailboxes)}
          options={options}
          timeZones={Intl.supportedValuesOf("timeZone")}
          campaignId={campaign.id}
          submitLabel="Save changes"
        />
      )}
    </>
  );
}
