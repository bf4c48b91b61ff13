// Export the leads matching the Leads page's filter as CSV, streamed in keyset batches (never one big string).
import "server-only";
import { and, desc, sql } from "drizzle-orm";
import { leads, type Lead } from "@/db/schema/leads";
import { teamScope } from "@/lib/teams/team-scope";
import { csvRow } from "./csv-cell";
import { leadFilterConditions, type LeadFilter } from "./lead-filter";

const BATCH = 1000;

const STANDARD: [header: string, pick: (l: Lead) => unknown][] = [
  ["email", (l) => l.email],
  ["first_name", (l) => l.firstName],
  ["last_name", (l) => l.lastName],
  ["company", (l) => l.company],
  ["title", (l) => l.title],
  ["phone", (l) => l.phone],
  ["website", (l) => l.website],
  ["linkedin_url", (l) => l.linkedinUrl],
  ["city", (l) => l.city],
  ["country", (l) => l.country],
  ["timezone", (l) => l.timezone],
  ["status", (l) => l.status],
  ["tags", (l) => l.tags],
  ["source", (l) => l.source],
  ["created_at", (l) => l.createdAt],
];

/** Custom field names across the matching leads: each becomes an extra column. */
async function customFieldKeys(teamId: string, filter: LeadFilter): Promise<string[]> {
  const rows = await teamScope(teamId, (tx) =>
    tx
      .select({ key: sql<string>`k.key` })
      .from(sql`(select distinct jsonb_object_keys(${leads.customFields}) as key from ${leads} where ${leadFilterConditions(teamId, filter)}) k`)
      .orderBy(sql`k.key`),
  );
  return rows.map((r) => r.key);
}

type Cursor = { createdAt: string; id: string };

async function nextBatch(teamId: string, filter: LeadFilter, after: Cursor | null) {
  return teamScope(teamId, (tx) =>
    tx
      // created_at as text keeps Postgres' microseconds (a JS Date would round them and skip or repeat rows).
      .select({ lead: leads, cursor: sql<string>`${leads.createdAt}::text` })
      .from(leads)
      .where(and(leadFilterConditions(teamId, filter), after ? sql`(${leads.createdAt}, ${leads.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)` : undefined))
      .orderBy(desc(leads.createdAt), desc(leads.id))
      .limit(BATCH),
  );
}

/** The CSV as a byte stream: the header first, then one batch of rows per pull. */
export function exportLeadsCsv({ teamId, filter }: { teamId: string; filter: LeadFilter }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let keys: string[] | null = null;
  let cursor: Cursor | null = null;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (keys === null) {
        keys = await customFieldKeys(teamId, filter);
        controller.enqueue(encoder.encode(csvRow([...STANDARD.map(([h]) => h), ...keys])));
        return;
      }
      const rows = await nextBatch(teamId, filter, cursor);
      if (rows.length > 0) {
        const fieldKeys = keys;
        const text = rows.map(({ lead }) => csvRow([...STANDARD.map(([, pick]) => pick(lead)), ...fieldKeys.map((k) => lead.customFields[k])])).join("");
        controller.enqueue(encoder.encode(text));
        const last = rows[rows.length - 1];
        cursor = { createdAt: last.cursor, id: last.lead.id };
      }
      if (rows.length < BATCH) controller.close();
    },
  });
}
