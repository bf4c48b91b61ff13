// One definition of "which leads": the Leads page's search and filters, export, and a campaign's lead selection.
import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { campaignEnrolments } from "@/db/schema/campaigns";
import { leads, leadStatus } from "@/db/schema/leads";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const leadFilterSchema = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(200, "Keep the search under 200 characters.").optional()),
  status: z.preprocess(blankToUndefined, z.enum(leadStatus.enumValues, "Pick a status from the list.").optional()),
  tag: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
  campaignId: z.preprocess(blankToUndefined, z.uuid("Pick a campaign from the list.").optional()),
  importId: z.preprocess(blankToUndefined, z.uuid().optional()),
  field: z
    .object({ key: z.string().trim().min(1).max(100), value: z.string().trim().max(500) })
    .optional(),
  leadIds: z.array(z.uuid()).max(10_000).optional(),
});
export type LeadFilter = z.infer<typeof leadFilterSchema>;

/** Words → a prefix tsquery ("ada lov" finds "Ada Lovelace"); null when nothing searchable is left. */
export function toPrefixQuery(q: string): string | null {
  const words = q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  return words.length ? words.map((w) => `${w}:*`).join(" & ") : null;
}

/** WHERE conditions for the team's leads matching the filter; the team id is always the first condition. */
export function leadFilterConditions(teamId: string, filter: LeadFilter): SQL {
  const query = filter.q ? toPrefixQuery(filter.q) : null;
  // With a search, the team check is written so no btree index can serve it: otherwise the planner prefers
  // "every lead of the team, then test each one" (it costs prefix queries on GIN pessimistically), which
  // reads the whole team for every keystroke. The GIN index on search_vector then finds the rows.
  const conditions: (SQL | undefined)[] = [query ? sql`${leads.teamId}::text = ${teamId}` : eq(leads.teamId, teamId)];
  if (query) conditions.push(sql`${leads.searchVector} @@ to_tsquery('simple', ${query})`);
  if (filter.status) conditions.push(eq(leads.status, filter.status));
  if (filter.tag) conditions.push(sql`${leads.tags} @> array[${filter.tag}]::text[]`);
  if (filter.importId) conditions.push(eq(leads.importId, filter.importId));
  if (filter.field) conditions.push(sql`${leads.customFields} @> ${JSON.stringify({ [filter.field.key]: filter.field.value })}::jsonb`);
  if (filter.leadIds) conditions.push(filter.leadIds.length ? inArray(leads.id, filter.leadIds) : sql`false`);
  if (filter.campaignId) {
    conditions.push(
      sql`exists (select 1 from ${campaignEnrolments} where ${campaignEnrolments.leadId} = ${leads.id} and ${campaignEnrolments.teamId} = ${teamId} and ${campaignEnrolments.campaignId} = ${filter.campaignId})`,
    );
  }
  return and(...conditions)!;
}
