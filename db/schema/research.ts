// AI research about a lead: sourced facts the writer may cite, one row per lead.
import { index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { leads } from "./leads";
import { teams } from "./teams";

export const researchStatus = pgEnum("research_status", ["pending", "running", "done", "failed"]);
export type ResearchStatus = (typeof researchStatus.enumValues)[number];

/** One claim about the lead; generated emails cite facts by id. */
export type ResearchFact = {
  id: string;
  claim: string;
  sourceUrl: string;
  /** ISO 8601 time the source was fetched. */
  fetchedAt: string;
  /** 0–1. */
  confidence: number;
};

/** A page consulted during research, whether or not a fact came from it. */
export type ResearchSource = {
  url: string;
  title?: string;
  fetchedAt: string;
  status?: number;
  error?: string;
};

export const researchData = pgTable(
  "research_data",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    status: researchStatus("status").notNull().default("pending"),
    facts: jsonb("facts").$type<ResearchFact[]>().notNull().default([]),
    sources: jsonb("sources").$type<ResearchSource[]>().notNull().default([]),
    error: text("error"),
    researchedAt: timestamp("researched_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex("research_data_lead_uq").on(t.leadId),
    index("research_data_team_status_idx").on(t.teamId, t.status),
  ],
);
export type ResearchData = typeof researchData.$inferSelect;
export type NewResearchData = typeof researchData.$inferInsert;
