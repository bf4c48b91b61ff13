"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { teamAction } from "@/lib/auth/team-action";
import { archiveCampaign } from "@/lib/campaigns/archive-campaign";
import { campaignFormSchema, campaignIdSchema, leadSelectionPreviewSchema, updateCampaignSchema } from "@/lib/campaigns/campaign.schema";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { duplicateCampaign } from "@/lib/campaigns/duplicate-campaign";
import { previewCampaignLeads } from "@/lib/campaigns/preview-campaign-leads";
import { pauseCampaign } from "@/lib/campaigns/pause-campaign";
import { resumeCampaign } from "@/lib/campaigns/resume-campaign";
import { startCampaign } from "@/lib/campaigns/start-campaign";
import { stopCampaign } from "@/lib/campaigns/stop-campaign";
import { updateCampaign } from "@/lib/campaigns/update-campaign";

export const createCampaignAction = teamAction({ name: "createCampaign", schema: campaignFormSchema, permission: "data:write" }, async ({ input, ctx }) => {
  const campaign = await createCampaign({ teamId: ctx.teamId, actorUserId: ctx.user.id, settings: input });
  revalidatePath(`/${ctx.team.slug}/campaigns`);
  redirect(`/${ctx.team.slug}/campaigns/${campaign.id}`);
});

export const updateCampaignAction = teamAction({ name: "updateCampaign", schema: updateCampaignSchema, permission: "data:write" }, async ({ input, ctx }) => {
  const { campaignId, ...settings } = input;
  await updateCampaign({ teamId: ctx.teamId, actorUserId: ctx.user.id, campaignId, settings });
  revalidatePath(`/${ctx.team.slug}/campaigns`, "layout");
  redirect(`/${ctx.team.slug}/campaigns/${campaignId}`);
});

export const previewCampaignLeadsAction = teamAction({ name: "previewCampaignLeads", schema: leadSelectionPreviewSchema, permission: "data:read" }, async ({ input, ctx }) =>
  previewCampaignLeads({ teamId: ctx.teamId, selection: input }),
);

export const duplicateCampaignAction = teamAction({ name: "duplicateCampaign", schema: campaignIdSchema, permission: "data:write" }, async ({ input, ctx }) => {
  const copy = await duplicateCampaign({ teamId: ctx.teamId, actorUserId: ctx.user.id, campaignId: input.campaignId });
  revalidatePath(`/${ctx.team.slug}/campaigns`);
  redirect(`/${ctx.team.slug}/campaigns/${copy.id}/edit`);
});

export const archiveCampaignAction = teamAction({ name: "archiveCampaign", schema: campaignIdSchema, permission: "data:write" }, async ({ input, ctx }) => {
  const { outcome } = await archiveCampaign({ teamId: ctx.teamId, actorUserId: ctx.user.id, campaignId: input.campaignId });
  revalidatePath(`/${ctx.team.slug}/campaigns`, "layout");
  if (outcome === "deleted") redirect(`/${ctx.team.slug}/campaigns`);
  return { outcome };
});

export const startCampaignAction = teamAction({ name: "startCampaign", schema: campaignIdSchema, permission: "data:write" }, async ({ input, ctx }) => {
  await startCampaign({ teamId: ctx.teamId, campaignId: input.campaignId, actorUserId: ctx.user.id });
  revalidatePath(`/${ctx.team.slug}/campaigns`, "layout");
  redirect(`/${ctx.team.slug}/campaigns/${input.campaignId}`);
});

/** Pause, resume and stop: the runner's verbs, same input, same refresh. */
function lifecycleAction(name: string, verb: typeof pauseCampaign) {
  return teamAction({ name, schema: campaignIdSchema, permission: "data:write" }, async ({ input, ctx }) => {
    const result = await verb({ teamId: ctx.teamId, campaignId: input.campaignId, actorUserId: ctx.user.id });
    revalidatePath(`/${ctx.team.slug}/campaigns`, "layout");
    return result;
  });
}
export const pauseCampaignAction = lifecycleAction("pauseCampaign", pauseCampaign);
export const resumeCampaignAction = lifecycleAction("resumeCampaign", resumeCampaign);
export const stopCampaignAction = lifecycleAction("stopCampaign", stopCampaign);
