import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { users } from "@/db/schema/auth";
import { invitations, teamMembers, type Team } from "@/db/schema/teams";
import { InvitationEmail } from "@/emails/invitation";
import { renderEmail } from "@/emails/render-email";
import { recordAudit } from "@/lib/audit/record-audit";
import { sendSystemMail } from "@/lib/email/send-system-mail";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { enforceRateLimit } from "@/lib/ratelimit";
import { INVITATION_TTL_MS, newInvitationToken } from "./invitation-token";
import type { InviteMemberInput } from "./invite-member.schema";
import { teamScope } from "./team-scope";

/** Invite by email with a role; a newer invitation to the same address replaces the pending one. */
export async function inviteMember({
  teamId,
  team,
  inviter,
  input,
}: {
  teamId: string;
  team: Team;
  inviter: { id: string; name?: string | null; email: string };
  input: InviteMemberInput;
}) {
  await enforceRateLimit("invite", teamId);
  const { token, tokenHash } = newInvitationToken();
  const invitation = await teamScope(teamId, async (tx) => {
    const member = await tx
      .select({ id: teamMembers.id })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(and(eq(teamMembers.teamId, teamId), eq(users.email, input.email)))
      .limit(1);
    if (member[0]) throw new AppError("conflict", `${input.email} is already a member of this team.`, { fields: { email: ["Already a member."] } });

    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.teamId, teamId), eq(invitations.email, input.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    const [created] = await tx
      .insert(invitations)
      .values({ teamId, email: input.email, role: input.role, tokenHash, invitedByUserId: inviter.id, expiresAt: new Date(Date.now() + INVITATION_TTL_MS) })
      .returning();
    await recordAudit(tx, { teamId, actorUserId: inviter.id, action: "invitation.created", targetType: "invitation", targetId: created.id, metadata: { email: input.email, role: input.role } });
    return created;
  });

  const url = `${env().APP_URL}/invite/${token}`;
  const { html, text } = await renderEmail(
    InvitationEmail({ url, teamName: team.name, inviterName: inviter.name || inviter.email, role: input.role }),
  );
  await sendSystemMail({ kind: "invitation", teamId, to: input.email, subject: `Join ${team.name} on Sales Copilot`, html, text });
  return invitation;
}
