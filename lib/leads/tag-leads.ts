// Bulk "Add tag" / "Remove tag" on the leads a rep selected; ids of other teams are silently not matched.
import "server-only";
import { and, eq, inArray, not, sql } from "drizzle-orm";
import { leads } from "@/db/schema/leads";
import { recordAudit } from "@/lib/audit/record-audit";
import { teamScope } from "@/lib/teams/team-scope";
import type { TagLeadsInput } from "./lead-fields.schema";

export async function tagLeads({ teamId, actorUserId, input }: { teamId: string; actorUserId: string | null; input: TagLeadsInput }) {
  const { leadIds, tag, mode } = input;
  const hasTag = sql`${leads.tags} @> array[${tag}]::text[]`;
  return teamScope(teamId, async (tx) => {
    const changed = await tx
      .update(leads)
      .set({ tags: mode === "add" ? sql`array_append(${leads.tags}, ${tag}::text)` : sql`array_remove(${leads.tags}, ${tag}::text)` })
      // Only rows that change: adding twice never duplicates the tag.
      .where(and(eq(leads.teamId, teamId), inArray(leads.id, leadIds), mode === "add" ? not(hasTag) : hasTag))
      .returning({ id: leads.id });
    await recordAudit(tx, { teamId, actorUserId, action: mode === "add" ? "leads.tagged" : "leads.untagged", targetType: "lead", targetId: "bulk", metadata: { tag, selected: leadIds.length, changed: changed.length } });
    return { changed: changed.length };
  });
}
