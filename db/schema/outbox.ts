// The local outbox: every message the app "sends" when no mail provider is configured, readable in the app.
import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { teams } from "./teams";

export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // System mail (magic links) belongs to no team yet; team mail (invitations, campaigns) does.
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(), // "magic-link" | "invitation" | "campaign" | …
    messageId: text("message_id").notNull().unique(),
    from: text("from_address").notNull(),
    to: text("to_address").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("outbox_team_created_idx").on(t.teamId, t.createdAt), index("outbox_created_idx").on(t.createdAt)],
);
export type OutboxMessage = typeof outboxMessages.$inferSelect;
