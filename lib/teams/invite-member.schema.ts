import { z } from "zod";

export const inviteMemberSchema = z.object({
  email: z
    .email("Enter a valid email address.")
    .transform((v) => v.trim().toLowerCase()),
  role: z.enum(["admin", "member"], "Choose a role: admin or member."),
});
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;
