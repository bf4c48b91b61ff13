import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { teamMembers, teams } from "@/db/schema/teams";
import { slugify } from "./slugify";

/** Every user gets a personal team on first sign-in; idempotent while they remain a member of it. */
export async function createPersonalTeam(db: Queryable, user: { id: string; email: string; name?: string | null }) {
  const existing = await db
    .select({ team: teams })
    .from(teams)
    .innerJoin(teamMembers, and(eq(teamMembers.teamId, teams.id), eq(teamMembers.userId, user.id)))
    .where(eq(teams.personalOfUserId, user.id))
    .limit(1);
  if (existing[0]) return existing[0].team;
  const base = user.name?.trim() || user.email.split("@")[0];
  const [team] = await db
    .insert(teams)
    .values({
      name: `${base}'s team`,
      slug: `${slugify(base)}-${randomBytes(3).toString("hex")}`,
      personalOfUserId: user.id,
    })
    .returning();
  await db.insert(teamMembers).values({ teamId: team.id, userId: user.id, role: "owner" });
  return team;
}
