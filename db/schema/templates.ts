// Reusable email templates shared by a team.
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { teams } from "./teams";

export const templates = pgTable(
  "templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    subject: text("subject").notNull(),
    bodyHtml: text("body_html").notNull(),
    // Null: derived from body_html when sending.
    bodyText: text("body_text"),
    // Merge variables found in subject and body ("firstName", "company", …), kept for the editor and CSV checks.
    variables: text("variables").array().notNull().default([]),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    // Archived templates keep their name; renaming on archive is the app's job if a name must be reused.
    uniqueIndex("templates_team_name_uq").on(t.teamId, t.name),
    index("templates_team_created_idx").on(t.teamId, t.createdAt),
    index("templates_created_by_idx").on(t.createdByUserId),
  ],
);
export type Template = typeof templates.$inferSelect;
export type NewTemplate = typeof templates.$inferInsert;
