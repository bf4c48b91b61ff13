import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { leads } from "@/db/schema/leads";
import { AppError } from "@/lib/errors";
import { unknownVariables, unknownVariablesMessage } from "./template-syntax";

/** Custom field names the team's leads carry (from imports), so {{pain_point}} is known once a lead has it. */
export async function listCustomFieldNames(db: Queryable, teamId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ key: sql<string>`jsonb_object_keys(${leads.customFields})` })
    .from(leads)
    .where(and(eq(leads.teamId, teamId), ne(leads.customFields, sql`'{}'::jsonb`)))
    .limit(500);
  return rows.map((r) => r.key);
}

/** Throws invalid_input with a field error for each text (field path → text) using a variable no lead can fill. */
export async function assertKnownVariables(db: Queryable, teamId: string, texts: Record<string, string>): Promise<void> {
  const custom = await listCustomFieldNames(db, teamId);
  const fields: Record<string, string[]> = {};
  for (const [path, text] of Object.entries(texts)) {
    const unknown = unknownVariables(text, custom);
    if (unknown.length > 0) fields[path] = [unknownVariablesMessage(unknown)];
  }
  if (Object.keys(fields).length > 0) throw new AppError("invalid_input", "Please fix the highlighted fields.", { fields });
}
