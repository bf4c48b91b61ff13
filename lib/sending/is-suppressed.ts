import "server-only";
import { and, eq, or } from "drizzle-orm";
import type { Queryable } from "@/db";
import { suppressions } from "@/db/schema/suppressions";

/** The suppression that blocks this address for the team (the address itself, or its whole domain), if any. */
export async function findSuppression(db: Queryable, { teamId, address }: { teamId: string; address: string }) {
  const email = address.toLowerCase();
  const domain = email.split("@")[1] ?? "";
  const [row] = await db
    .select()
    .from(suppressions)
    .where(and(eq(suppressions.teamId, teamId), or(and(eq(suppressions.kind, "address"), eq(suppressions.value, email)), and(eq(suppressions.kind, "domain"), eq(suppressions.value, domain)))))
    .limit(1);
  return row ?? null;
}
