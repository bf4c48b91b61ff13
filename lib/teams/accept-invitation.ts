import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { invitations, teamMembers, teams } from "@/db/schema/teams";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { hashInvitationToken } from "./invitation-token";

/** Looks an invitation up by its token; a usable one comes back with its team. */
export async function findInvitation({ token }: { token: string }) {
  const db = await getDb();
  const rows = await db
    .select({ invitation: invitations, team: teams })
    .from(invitations)
    .innerJoin(teams, eq(teams.id, invitations.teamId))
    .where(eq(invitations.tokenHash, hashInvitationToken(token)))
    .limit(1);
  const row = rows[0];
  if (!row) return { state: "missing" as const };
  const { invitation } = row;
  if (invitation.acceptedAt) return { state: "accepted" as const, ...row };
  if (invitation.revokedAt) return { state: "revoked" as const, ...row };
  if (invitation.expiresAt.getTime() < Date.now()) return { state: "expired" as const, ...row };
  return { state: "pending" as const, ...row };
}

export async function acceptInvitation({ token, user }: { token: string; user: { id: string; email: string } }) {
  const found = await findInvitation({ token });
  if (found.state !== "pending") throw new AppError("not_found", "This invitation is no longer valid. Ask for a new one.");
  const { invitation, team } = found;
  if (invitation.email !== user.email.toLowerCase()) {
    throw new AppError("forbidden", `This invitation was sent to ${invitation.email}. Sign in with that address to accept it.`);
  }
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.insert(teamMembers).values({ teamId: team.id, userId: user.id, role: invitation.role }).onConflictDoNothing();
    await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitation.id));
    await recordAudit(tx, { teamId: team.id, actorUserId: user.id, action: "invitation.accepted", targetType: "invitation", targetId: invitation.id });
  });
  return team;
}
