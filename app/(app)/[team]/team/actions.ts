"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { teamAction } from "@/lib/auth/team-action";
import { inviteMember } from "@/lib/teams/invite-member";
import { inviteMemberSchema } from "@/lib/teams/invite-member.schema";
import { changeMemberRole, removeMember, revokeInvitation } from "@/lib/teams/manage-members";
import { changeRoleSchema, removeMemberSchema, revokeInvitationSchema } from "@/lib/teams/manage-members.schema";

export const inviteMemberAction = teamAction(
  { name: "inviteMember", schema: inviteMemberSchema, permission: "team:invite" },
  async ({ input, ctx }) => {
    await inviteMember({ teamId: ctx.teamId, team: ctx.team, inviter: ctx.user, input });
    revalidatePath(`/${ctx.team.slug}/team`);
    return { email: input.email };
  },
);

export const changeRoleAction = teamAction(
  { name: "changeRole", schema: changeRoleSchema, permission: "team:manage-members" },
  async ({ input, ctx }) => {
    await changeMemberRole({ teamId: ctx.teamId, actor: { userId: ctx.user.id, role: ctx.role }, memberId: input.memberId, role: input.role });
    revalidatePath(`/${ctx.team.slug}/team`);
    return null;
  },
);

export const removeMemberAction = teamAction(
  { name: "removeMember", schema: removeMemberSchema, permission: "data:read" },
  async ({ input, ctx }) => {
    const removed = await removeMember({ teamId: ctx.teamId, actor: { userId: ctx.user.id, role: ctx.role }, memberId: input.memberId });
    if (removed.userId === ctx.user.id) redirect("/");
    revalidatePath(`/${ctx.team.slug}/team`);
    return null;
  },
);

export const revokeInvitationAction = teamAction(
  { name: "revokeInvitation", schema: revokeInvitationSchema, permission: "team:invite" },
  async ({ input, ctx }) => {
    await revokeInvitation({ teamId: ctx.teamId, actor: { userId: ctx.user.id, role: ctx.role }, invitationId: input.invitationId });
    revalidatePath(`/${ctx.team.slug}/team`);
    return null;
  },
);
