// One import of the team, or not_found (another team's import is "not found", never "forbidden").
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { getDb } from "@/db";
import { leadImports, type LeadImport } from "@/db/schema/leads";
import { notFound } from "@/lib/errors";
import { z } from "zod";

export async function getLeadImport({ teamId, importId, db }: { teamId: string; importId: string; db?: Queryable }): Promise<LeadImport> {
  if (!z.uuid().safeParse(importId).success) throw notFound("That import");
  const q = db ?? (await getDb());
  const [row] = await q.select().from(leadImports).where(and(eq(leadImports.teamId, teamId), eq(leadImports.id, importId)));
  if (!row) throw notFound("That import");
  return row;
}
