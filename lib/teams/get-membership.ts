import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { teamMembers, teams, type Team, type TeamRole } from "@/db/schema/teams";

export type Membership = { team: Team; role: TeamRole };

/** The user's membership in the team with this slug, or null (another team's slug looks like a missing one). */
export async function getMembershipBySlug({ userId, slug }: { userId: string; slug: string }): Promise<Membership | null> {
  const db = await getDb();
  const rows = await db
    .select({ team: teams, role: teamMembers.role })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teamMembers.userId, userId), eq(teams.slug, slug)))
    .limit(1);
  return rows[0] ?? null;
}

export async function listUserTeams({ userId }: { userId: string }): Promise<Membership[]> {
  const db = await getDb();
  return db
    .select({ team: teams, role: teamMembers.role })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.userId, userId))
    .orderBy(asc(teamMembers.createdAt));
}
