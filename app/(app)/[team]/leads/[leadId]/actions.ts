"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { teamAction } from "@/lib/auth/team-action";
import { markLeadReplied } from "@/lib/campaigns/mark-lead-replied";
import { addLeadFact, deleteLeadFact, updateLeadFact } from "@/lib/leads/edit-lead-facts";
import { eraseLead } from "@/lib/leads/erase-lead";
import { addLeadFactSchema, deleteLeadFactSchema, requestLeadResearchSchema, updateLeadFactSchema } from "@/lib/leads/lead-facts.schema";
import { updateLeadSchema } from "@/lib/leads/lead-fields.schema";
import { requestLeadResearch } from "@/lib/leads/request-lead-research";
import { updateLead } from "@/lib/leads/update-lead";

const leadIdSchema = z.object({ leadId: z.uuid() });
const leadPath = (slug: string, leadId: string) => `/${slug}/leads/${leadId}`;

export const updateLeadAction = teamAction({ name: "updateLead", schema: updateLeadSchema, permission: "data:write" }, async ({ input, ctx }) => {
  await updateLead({ teamId: ctx.teamId, actorUserId: ctx.user.id, input });
  revalidatePath(leadPath(ctx.team.slug, input.leadId));
  return null;
});

export const addLeadFactAction = teamAction({ name: "addLeadFact", schema: addLeadFactSchema, permission: "data:write" }, async ({ input, ctx }) => {
  await addLeadFact({ teamId: ctx.teamId, actorUserId: ctx.user.id, input });
  revalidatePath(leadPath(ctx.team.slug, input.leadId));
  return null;
});

export const updateLeadFactAction = teamAction({ name: "updateLeadFact", schema: updateLeadFactSchema, permission: "data:write" }, async ({ input, ctx }) => {
  await updateLeadFact({ teamId: ctx.teamId, actorUserId: ctx.user.id, input });
  revalidatePath(leadPath(ctx.team.slug, input.leadId));
  return null;
});

export const deleteLeadFactAction = teamAction({ name: "deleteLeadFact", schema: deleteLeadFactSchema, permission: "data:write" }, async ({ input, ctx }) => {
  await deleteLeadFact({ teamId: ctx.teamId, actorUserId: ctx.user.id, input });
  revalidatePath(leadPath(ctx.team.slug, input.leadId));
  return null;
});

export const requestLeadResearchAction = teamAction({ name: "requestLeadResearch", schema: requestLeadResearchSchema, permission: "data:write" }, async ({ input, ctx }) => {
  await requestLeadResearch({ teamId: ctx.teamId, input });
  revalidatePath(leadPath(ctx.team.slug, input.leadId));
  return null;
});

export const markLeadRepliedAction = teamAction({ name: "markLeadReplied", schema: leadIdSchema, permission: "data:write" }, async ({ input, ctx }) => {
  const result = await markLeadReplied({ teamId: ctx.teamId, leadId: input.leadId, actorUserId: ctx.user.id });
  revalidatePath(leadPath(ctx.team.slug, input.leadId));
  return result;
});

export const eraseLeadAction = teamAction({ name: "eraseLead", schema: leadIdSchema, permission: "data:write" }, async ({ input, ctx }) => {
  await eraseLead({ teamId: ctx.teamId, leadId: input.leadId, actorUserId: ctx.user.id });
  revalidatePath(`/${ctx.team.slug}/leads`);
  redirect(`/${ctx.team.slug}/leads?erased=1`);
});
