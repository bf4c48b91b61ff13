// Leads (one per email address per team) and the CSV imports that bring them in.
import { sql } from "drizzle-orm";
import {
  check,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { teams } from "./teams";

export const leadStatus = pgEnum("lead_status", [
  "new",
  "contacted",
  "replied",
  "interested",
  "not_interested",
  "bounced",
  "unsubscribed",
]);
export type LeadStatus = (typeof leadStatus.enumValues)[number];

export const leadImportStatus = pgEnum("lead_import_status", ["pending", "running", "completed", "failed"]);
export type LeadImportStatus = (typeof leadImportStatus.enumValues)[number];

/** One rejected CSV row (1-based, header excluded) and why. */
export type LeadImportError = { row: number; message: string; email?: string };

export type LeadCustomFields = Record<string, string | number | boolean | null>;

/** CSV column (as in the file's header) → lead field ("email", "firstName", …) or "custom:<key>" or "ignore". */
export type LeadImportMapping = Record<string, string>;

// What an import does with an address that is already a lead (or repeats within the file).
export const leadImportDuplicatePolicy = pgEnum("lead_import_duplicate_policy", ["update", "skip"]);
export type LeadImportDuplicatePolicy = (typeof leadImportDuplicatePolicy.enumValues)[number];

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const leadImports = pgTable(
  "lead_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    status: leadImportStatus("status").notNull().default("pending"),
    totalRows: integer("total_rows").notNull().default(0),
    importedRows: integer("imported_rows").notNull().default(0),
    skippedRows: integer("skipped_rows").notNull().default(0),
    // Rows processed so far (the progress bar); updated_rows counts existing leads the import changed.
    processedRows: integer("processed_rows").notNull().default(0),
    updatedRows: integer("updated_rows").notNull().default(0),
    duplicateRows: integer("duplicate_rows").notNull().default(0),
    // Rejected rows with their reasons (capped; rejected_rows holds the true count).
    errors: jsonb("errors").$type<LeadImportError[]>().notNull().default([]),
    rejectedRows: integer("rejected_rows").notNull().default(0),
    // The uploaded file, under the storage root; removed once the import has finished.
    fileKey: text("file_key"),
    fileSizeBytes: integer("file_size_bytes").notNull().default(0),
    headers: text("headers").array().notNull().default([]),
    mapping: jsonb("mapping").$type<LeadImportMapping>().notNull().default({}),
    duplicatePolicy: leadImportDuplicatePolicy("duplicate_policy").notNull().default("skip"),
    // Tags added to every lead this import creates or updates.
    tags: text("tags").array().notNull().default([]),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    index("lead_imports_team_created_idx").on(t.teamId, t.createdAt),
    index("lead_imports_created_by_idx").on(t.createdByUserId),
  ],
);
export type LeadImport = typeof leadImports.$inferSelect;
export type NewLeadImport = typeof leadImports.$inferInsert;

export const leads = pgTable(
  "leads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    // Stored lower-cased (checked below) so UNIQUE (team_id, email) means one lead per address.
    email: text("email").notNull(),
    // For domain-wide stop-on-reply and domain suppressions.
    emailDomain: text("email_domain")
      .notNull()
      .generatedAlwaysAs(sql`split_part(email, '@', 2)`),
    firstName: text("first_name"),
    lastName: text("last_name"),
    company: text("company"),
    title: text("title"),
    phone: text("phone"),
    website: text("website"),
    linkedinUrl: text("linkedin_url"),
    city: text("city"),
    country: text("country"),
    // IANA zone; null means unknown (campaigns in recipient mode fall back to their own zone).
    timezone: text("timezone"),
    customFields: jsonb("custom_fields").$type<LeadCustomFields>().notNull().default({}),
    tags: text("tags").array().notNull().default([]),
    status: leadStatus("status").notNull().default("new"),
    // Fit score (0–100) compared against a campaign's min score gate; null = not scored.
    score: integer("score"),
    unsubscribedAt: timestamp("unsubscribed_at", { withTimezone: true }),
    bouncedAt: timestamp("bounced_at", { withTimezone: true }),
    repliedAt: timestamp("replied_at", { withTimezone: true }),
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    // Where the lead came from: "csv:<import id>", "api", "manual", "hubspot", …
    source: text("source"),
    importId: uuid("import_id").references(() => leadImports.id, { onDelete: "set null" }),
    // Full-text search over name, company, title and the address's parts ("acme" finds bob@acme.com).
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`to_tsvector('simple', coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(company, '') || ' ' || coalesce(title, '') || ' ' || translate(email, '@.-_+', '     ') || ' ' || email)`,
    ),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex("leads_team_email_uq").on(t.teamId, t.email),
    index("leads_team_created_idx").on(t.teamId, t.createdAt),
    index("leads_team_status_idx").on(t.teamId, t.status),
    index("leads_team_company_idx").on(t.teamId, t.company),
    index("leads_team_email_domain_idx").on(t.teamId, t.emailDomain),
    index("leads_tags_idx").using("gin", t.tags),
    index("leads_owner_user_idx").on(t.ownerUserId),
    index("leads_import_idx").on(t.importId),
    index("leads_search_idx").using("gin", t.searchVector),
    index("leads_custom_fields_idx").using("gin", sql`custom_fields jsonb_path_ops`),
    check("leads_email_lower_ck", sql`email = lower(email)`),
  ],
);
export type Lead = typeof leads.$inferSelect;
export type NewLead = typeof leads.$inferInsert;
