// The campaign pages' shared first step: the team context and the campaign, or Next's 404 for another team's id.
import "server-only";
import { notFound } from "next/navigation";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import { AppError } from "@/lib/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadCampaignPage(params: Promise<{ team: string; campaignId: string }>, subpath = "") {
  const { team: slug, campaignId } = await params;
  const ctx = await requireTeamPage(slug, `/${slug}/campaigns/${campaignId}${subpath}`);
  if (!UUID.test(campaignId)) notFound();
  const campaign = await getCampaign({ teamId: ctx.teamId, campaignId }).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return { slug, ctx, campaign };
}
