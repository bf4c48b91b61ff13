import { z } from "zod";

export const changeRoleSchema = z.object({
  memberId: z.uuid("Unknown member."),
  role: z.enum(["owner", "admin", "member"], "Choose a role."),
});
export const removeMemberSchema = z.object({ memberId: z.uuid("Unknown member.") });
export const revokeInvitationSchema = z.object({ invitationId: z.uuid("Unknown invitation.") });
