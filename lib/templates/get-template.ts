import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type Queryable } from "@/db";
import { templates } from "@/db/schema/templates";
import { notFound } from "@/lib/errors";

/** A template of this team; another team's id is "not found". */
export async function getTemplate({ teamId, templateId, db }: { teamId: string; templateId: string; db?: Queryable }) {
  const q = db ?? (await getDb());
  const [row] = await q.select().from(templates).where(and(eq(templates.teamId, teamId), eq(templates.id, templateId))).limit(1);
  if (!row) throw notFound("That template");
  return row;
}
