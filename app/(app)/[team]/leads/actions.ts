"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/auth/team-action";
import { createLead } from "@/lib/leads/create-lead";
import { createLeadSchema, tagLeadsSchema } from "@/lib/leads/lead-fields.schema";
import { tagLeads } from "@/lib/leads/tag-leads";

export const createLeadAction = teamAction({ name: "createLead", schema: createLeadSchema, permission: "data:write" }, async ({ input, ctx }) => {
  const lead = await createLead({ teamId: ctx.teamId, actorUserId: ctx.user.id, input });
  revalidatePath(`/${ctx.team.slug}/leads`);
  return { id: lead.id, email: lead.email };
});

export const tagLeadsAction = teamAction({ name: "tagLeads", schema: tagLeadsSchema, permission: "data:write" }, async ({ input, ctx }) => {
  const result = await tagLeads({ teamId: ctx.teamId, actorUserId: ctx.user.id, input });
  revalidatePath(`/${ctx.team.slug}/leads`);
  return { ...result, tag: input.tag, mode: input.mode };
});
