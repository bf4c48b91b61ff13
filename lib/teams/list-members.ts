import "server-only";
import { and, asc, desc, eq, gt, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema/auth";
import { invitations, teamMembers } from "@/db/schema/teams";

export async function listMembers({ teamId }: { teamId: string }) {
  const db = await getDb();
  return db
    .select({ id: teamMembers.id, userId: users.id, email: users.email, name: users.name, role: teamMembers.role, joinedAt: teamMembers.createdAt })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(eq(teamMembers.teamId, teamId))
    .orderBy(asc(teamMembers.createdAt));
}

export async function listPendingInvitations({ teamId }: { teamId: string }) {
  const db = await getDb();
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt, createdAt: invitations.createdAt })
    .from(invitations)
    .where(and(eq(invitations.teamId, teamId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())))
    .orderBy(desc(invitations.createdAt));
}
