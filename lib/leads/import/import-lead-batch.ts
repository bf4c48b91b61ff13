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
const COLUMNS = ["first_name", "last_name", "company", "title", "phone", "website", "linkedin_url", "city", "country", "timezone"] as const;
const UPDATE_SET = sql.raw(
  [
    ...COLUMNS.map((c) => `${c} = coalesce(excluded.${c}, leads.${c})`),
    "custom_fields = leads.custom_fields || excluded.custom_fields",
    "tags = array(select distinct t from unnest(leads.tags || excluded.tags) as t order by t)",
    "import_id = excluded.import_id",
    "updated_at = now()",
  ].join(", "),
);
const RECORD = sql.raw(`r(email text, ${COLUMNS.map((c) => `${c} text`).join(", ")}, custom_fields jsonb, tags jsonb)`);

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
  // The whole batch travels as one JSON parameter: one statement, no per-row parameters to build or bind.
  const records = JSON.stringify(
    allowed.map(({ lead: l }) => ({
      email: l.email, first_name: l.firstName, last_name: l.lastName, company: l.company, title: l.title, phone: l.phone, website: l.website,
      linkedin_url: l.linkedinUrl, city: l.city, country: l.country, timezone: l.timezone, custom_fields: l.customFields,
      tags: [...new Set([...l.tags, ...tags])].sort(),
    })),
  );
  const onConflict =
    policy === "update"
      ? sql`do update set ${UPDATE_SET}`
      : // Skip leaves existing leads alone; the no-op update only makes a lead this import created on an earlier try visible.
        sql`do update set import_id = leads.import_id where leads.source = ${source}`;
  const written = await queryRows<{ inserted: boolean; source: string | null }>(
    db,
    sql`insert into ${leads} (team_id, email, ${sql.raw(COLUMNS.join(", "))}, custom_fields, tags, source, import_id)
        select ${teamId}::uuid, r.email, ${sql.raw(COLUMNS.map((c) => `r.${c}`).join(", "))}, r.custom_fields,
               array(select jsonb_array_elements_text(r.tags)), ${source}, ${importId}::uuid
        from jsonb_to_recordset(${records}::jsonb) as ${RECORD}
        on conflict (team_id, email) ${onConflict}
        returning (xmax = 0) as inserted, source`,
  );
  const created = written.filter((w) => w.inserted || w.source === source).length;
  const updated = policy === "update" ? written.length - created : 0;
  return { created, updated, skipped: allowed.length - created - updated, suppressed };
}
