// In-app notifications for one member of a team (an interested reply, a mailbox paused for its health).
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { emails } from "./emails";
import { teams } from "./teams";

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(), // "reply.interested" | "mailbox.paused" | "mailbox.warning" | …
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    // A path inside the app ("/<team>/inbox/<id>").
    href: text("href"),
    emailId: uuid("email_id").references(() => emails.id, { onDelete: "cascade" }),
    // One notification per (user, event): a re-processed message does not notify twice.
    dedupeKey: text("dedupe_key").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("notifications_user_team_created_idx").on(t.userId, t.teamId, t.createdAt),
    index("notifications_team_idx").on(t.teamId),
    index("notifications_email_idx").on(t.emailId),
    uniqueIndex("notifications_dedupe_uq").on(t.userId, t.dedupeKey),
  ],
);
export type Notification = typeof notifications.$inferSelect;

// Inbound webhooks already handled (Svix message ids): a replayed delivery is acknowledged and ignored.
export const webhookReceipts = pgTable("webhook_receipts", {
  provider: text("provider").notNull(),
  messageId: text("message_id").notNull(),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.provider, t.messageId] })]);
