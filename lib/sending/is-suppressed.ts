import "server-only";
import { createHash } from "node:crypto";
import { and, eq, or } from "drizzle-orm";
import type { Queryable } from "@/db";
import { suppressions } from "@/db/schema/suppressions";

/** The form an erased lead's address is kept in: enough to block it again, not enough to read it. */
export function hashSuppressedAddress(address: string): string {
  return createHash("sha256").update(address.trim().toLowerCase()).digest("hex");
}

/** The suppression that blocks this address for the team (the address, its hash after an erasure, or its whole domain), if any. */
export async function findSuppression(db: Queryable, { teamId, address }: { teamId: string; address: string }) {
  const email = address.toLowerCase();
  const domain = email.split("@")[1] ?? "";
  const [row] = await db
    .select()
    .from(suppressions)
    .where(
      and(
        eq(suppressions.teamId, teamId),
        or(
          and(eq(suppressions.kind, "address"), eq(suppressions.value, email)),
          and(eq(suppressions.kind, "address_hash"), eq(suppressions.value, hashSuppressedAddress(email))),
          and(eq(suppressions.kind, "domain"), eq(suppressions.value, domain)),
        ),
      ),
    )
    .limit(1);
  return row ?? null;
}
