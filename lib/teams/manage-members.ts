// Role changes, removals and revocations: owners/admins only, never leaving a team without an owner.
import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { invitations, teamMembers, type TeamRole } from "@/db/schema/teams";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { canAssignRole } from "./permissions";
import { teamScope } from "./team-scope";

type Actor = { userId: string; role: TeamRole };

async function loadMember(tx: Tx, teamId: string, memberId: string) {
  const [member] = await tx.select().from(teamMembers).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.id, memberId))).for("update");
  if (!member) throw notFound("That member");
  return member;
}

async function assertAnotherOwner(tx: Tx, teamId: string) {
  const [{ owners }] = await tx.select({ owners: count() }).from(teamMembers).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.role, "owner")));
  if (owners <= 1) throw new AppError("conflict", "A team needs at least one owner. Make someone else an owner first.");
}

export async function changeMemberRole({ teamId, actor, memberId, role }: { teamId: string; actor: Actor; memberId: string; role: TeamRole }) {
  return teamScope(teamId, async (tx) => {
    const member = await loadMember(tx, teamId, memberId);
    if (!canAssignRole(actor.role, member.role, role)) throw new AppError("forbidden", "Your role cannot make that change.");
    if (member.role === "owner" && role !== "owner") await assertAnotherOwner(tx, teamId);
    await tx.update(teamMembers).set({ role }).where(eq(teamMembers.id, member.id));
    await recordAudit(tx, { teamId, actorUserId: actor.userId, action: "member.role_changed", targetType: "member", targetId: member.id, metadata: { from: member.role, to: role } });
  });
}

export async function removeMember({ teamId, actor, memberId }: { teamId: string; actor: Actor; memberId: string }) {
  return teamScope(teamId, async (tx) => {
    const member = await loadMember(tx, teamId, memberId);
    const leaving = member.userId === actor.userId;
    if (!leaving && !canAssignRole(actor.role, member.role, member.role)) throw new AppError("forbidden", "Your role cannot remove that member.");
    if (member.role === "owner") await assertAnotherOwner(tx, teamId);
    await tx.delete(teamMembers).where(eq(teamMembers.id, member.id));
    await recordAudit(tx, { teamId, actorUserId: actor.userId, action: "member.removed", targetType: "member", targetId: member.id, metadata: { userId: member.userId } });
    return { userId: member.userId };
  });
}

export async function revokeInvitation({ teamId, actor, invitationId }: { teamId: string; actor: Actor; invitationId: string }) {
  return teamScope(teamId, async (tx) => {
    const updated = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.teamId, teamId), eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id });
    if (!updated[0]) throw notFound("That invitation");
    await recordAudit(tx, { teamId, actorUserId: actor.userId, action: "invitation.revoked", targetType: "invitation", targetId: invitationId });
  });
}
