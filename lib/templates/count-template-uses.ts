import "server-only";
import { and, count, eq } from "drizzle-orm";
import { getDb, type Queryable } from "@/db";
import { sequenceStepVariants } from "@/db/schema/sequences";

/** How many sequence step variants were built from a template (which is why it would be archived, not deleted). */
export async function countTemplateUses({ teamId, templateId, db }: { teamId: string; templateId: string; db?: Queryable }): Promise<number> {
  const q = db ?? (await getDb());
  const [{ uses }] = await q
    .select({ uses: count() })
    .from(sequenceStepVariants)
    .where(and(eq(sequenceStepVariants.teamId, teamId), eq(sequenceStepVariants.templateId, templateId)));
  return uses;
}
