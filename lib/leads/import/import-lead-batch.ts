// One batch of validated, de-duplicated rows into leads: suppressed addresses out, then ONE multi-row upsert.
// Safe to run twice: a lead this import created earlier (source = csv:<import id>) still counts as created.
import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { queryRows } from "@/db/query-rows";
import { leads, type LeadImportDuplicatePolicy } from "@/db/schema/leads";
import type { ImportRow } from "./import-row.schema";

export type BatchRow = { row: number; cells: string[]; lead: ImportRow };
export type BatchResult = { created: number; updated: number; skipped: number; suppressed: BatchRow[] };

/** The addresses of the batch blocked for the team: the address itself, its domain, or its hash after an erasure. */
async function suppressedEmails(db: Queryable, teamId: string, emails: string[]): Promise<Set<string>> {
  const rows = await queryRows<{ email: string }>(
    db,
    sql`select e.email from jsonb_array_elements_text(${JSON.stringify(emails)}::jsonb) as e(email)
        where exists (select 1 from suppressions s where s.team_id = ${teamId} and (
          (s.kind = 'address' and s.value = e.email)
          or (s.kind = 'domain' and s.value = split_part(e.email, '@', 2))
          or (s.kind = 'address_hash' and s.value = encode(sha256(convert_to(e.email, 'UTF8')), 'hex'))))`,
  );
  return new Set(rows.map((r) => r.email));
}

// Update never blanks a field the file leaves empty, and never touches status, unsubscribed_at or bounced_at.
const keep = (column: string) => sql.raw(`coalesce(excluded.${column}, leads.${column})`);
const UPDATE_SET = {
  firstName: keep("first_name"),
  lastName: keep("last_name"),
  company: keep("company"),
  title: keep("title"),
  phone: keep("phone"),
  website: keep("website"),
  linkedinUrl: keep("linkedin_url"),
  city: keep("city"),
  country: keep("country"),
  timezone: keep("timezone"),
  customFields: sql`leads.custom_fields || excluded.custom_fields`,
  tags: sql`array(select distinct t from unnest(leads.tags || excluded.tags) as t order by t)`,
  importId: sql`excluded.import_id`,
  updatedAt: sql`now()`,
};

export async function importLeadBatch(
  db: Queryable,
  { teamId, importId, policy, tags, rows }: { teamId: string; importId: string; policy: LeadImportDuplicatePolicy; tags: string[]; rows: BatchRow[] },
): Promise<BatchResult> {
  if (rows.length === 0) return { created: 0, updated: 0, skipped: 0, suppressed: [] };
  const blocked = await suppressedEmails(db, teamId, rows.map((r) => r.lead.email));
  const suppressed = rows.filter((r) => blocked.has(r.lead.email));
  const allowed = rows.filter((r) => !blocked.has(r.lead.email));
  if (allowed.length === 0) return { created: 0, updated: 0, skipped: 0, suppressed };

  const source = `csv:${importId}`;
  const values = allowed.map(({ lead: { tags: rowTags, ...lead } }) => ({
    ...lead,
    teamId,
    tags: [...new Set([...rowTags, ...tags])].sort(),
    source,
    importId,
  }));
  const insert = db.insert(leads).values(values);
  const upsert =
    policy === "update"
      ? insert.onConflictDoUpdate({ target: [leads.teamId, leads.email], set: UPDATE_SET })
      : // Skip leaves existing leads alone; the no-op update only makes a lead this import created on an earlier try visible.
        insert.onConflictDoUpdate({ target: [leads.teamId, leads.email], set: { importId: sql`leads.import_id` }, setWhere: sql`leads.source = ${source}` });
  const written = await upsert.returning({ inserted: sql<boolean>`(xmax = 0)`, source: leads.source });
  const created = written.filter((w) => w.inserted || w.source === source).length;
  const updated = policy === "update" ? written.length - created : 0;
  return { created, updated, skipped: allowed.length - created - updated, suppressed };
}
