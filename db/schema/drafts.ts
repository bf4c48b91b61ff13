// Every email draft the AI wrote (or rewrote) for a rep, so they can get back to it in the composer.
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { leads } from "./leads";
import { teams } from "./teams";

export const emailDrafts = pgTable(
  "email_drafts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    // Null for a lead typed in by hand (no saved lead has that address) and once the lead is deleted.
    leadId: uuid("lead_id").references(() => leads.id, { onDelete: "set null" }),
    leadEmail: text("lead_email"),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    modelId: text("model_id").notNull(),
    // What the UI shows as "written by" (e.g. "Offline writer (no AI model configured)").
    modelLabel: text("model_label").notNull(),
    factIds: text("fact_ids").array().notNull().default([]),
    // The brief; null for a rewrite, which only sees the draft.
    goal: text("goal"),
    tone: text("tone"),
    length: text("length"),
    // "generate" or "rewrite:<mode>" (rewrite:shorter, rewrite:fix_grammar, …).
    source: text("source").notNull(),
    // "hit" when served from the draft cache, else "miss".
    cache: text("cache").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    index("email_drafts_team_created_idx").on(t.teamId, t.createdAt),
    index("email_drafts_team_lead_idx").on(t.teamId, t.leadId),
    index("email_drafts_user_idx").on(t.userId),
    index("email_drafts_lead_idx").on(t.leadId),
  ],
);
export type EmailDraft = typeof emailDrafts.$inferSelect;
export type NewEmailDraft = typeof emailDrafts.$inferInsert;
