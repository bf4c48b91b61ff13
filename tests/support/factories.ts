// Real rows through the real schema, for tests that need a user or a team to exist.
import { randomBytes } from "node:crypto";
import { getDb } from "@/db";
import { users } from "@/db/schema/auth";
import { createPersonalTeam } from "@/lib/teams/create-personal-team";

export async function createUserWithTeam(label = "user") {
  const db = await getDb();
  const email = `${label}-${randomBytes(4).toString("hex")}@example.com`;
  const [user] = await db.insert(users).values({ email, name: label }).returning();
  const team = await createPersonalTeam(db, { id: user.id, email, name: user.name });
  return { user: { id: user.id, email, name: user.name }, team };
}
