// Connected sending mailboxes ("OAuth connections"): provider, encrypted credentials, caps, warmup and sending window.
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { teams } from "./teams";

export const mailboxProvider = pgEnum("mailbox_provider", ["gmail", "outlook", "smtp", "resend", "local"]);
export type MailboxProvider = (typeof mailboxProvider.enumValues)[number];

export const mailboxStatus = pgEnum("mailbox_status", ["active", "paused", "disconnected", "error"]);
export type MailboxStatus = (typeof mailboxStatus.enumValues)[number];

export const mailboxes = pgTable(
  "mailboxes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    provider: mailboxProvider("provider").notNull(),
    // Lower-cased so (team_id, email) is a real uniqueness check.
    email: text("email").notNull(),
    displayName: text("display_name"),
    // AES-256-GCM over the provider credentials (tokens / SMTP password); the value carries its own nonce and tag,
    // the row id is the associated data, so the id must be chosen before encrypting. Null for the local outbox.
    credentialsCiphertext: text("credentials_ciphertext"),
    credentialsKeyId: text("credentials_key_id"),
    tokenExpiresAt: timestamp("token_expires_at", { withTimezone: true }),
    oauthScopes: text("oauth_scopes").array().notNull().default([]),
    status: mailboxStatus("status").notNull().default("active"),
    statusReason: text("status_reason"),
    dailyCap: integer("daily_cap").notNull().default(50),
    minIntervalSeconds: integer("min_interval_seconds").notNull().default(120),
    jitterSeconds: integer("jitter_seconds").notNull().default(60),
    // Effective cap while warming: min(daily_cap, warmup_target ?? daily_cap, start + increment × days since start).
    warmupEnabled: boolean("warmup_enabled").notNull().default(false),
    warmupStartPerDay: integer("warmup_start_per_day").notNull().default(5),
    warmupDailyIncrement: integer("warmup_daily_increment").notNull().default(2),
    warmupTarget: integer("warmup_target"),
    warmupStartedAt: timestamp("warmup_started_at", { withTimezone: true }),
    // Days 0–6 with 0 = Sunday; minutes of the day in the mailbox's timezone, end exclusive.
    sendingDays: integer("sending_days").array().notNull().default([1, 2, 3, 4, 5]),
    sendingStartMinute: integer("sending_start_minute").notNull().default(540),
    sendingEndMinute: integer("sending_end_minute").notNull().default(1020),
    timezone: text("timezone").notNull().default("UTC"),
    signatureHtml: text("signature_html"),
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    lastSyncedAt: timestamp("last_synced_at", { withTimezone: true }),
    // Provider-specific resume point: Gmail historyId, Graph deltaLink, or IMAP "UIDVALIDITY:UID".
    inboundSyncCursor: text("inbound_sync_cursor"),
    // One sync at a time per mailbox (cron, on demand, and the pre-send check): a lease, not a held transaction.
    inboundSyncLeaseUntil: timestamp("inbound_sync_lease_until", { withTimezone: true }),
    // The last sync's failure, shown on the mailbox page; null after a good sync.
    inboundSyncError: text("inbound_sync_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex("mailboxes_team_email_uq").on(t.teamId, t.email),
    index("mailboxes_team_status_idx").on(t.teamId, t.status),
    index("mailboxes_owner_user_idx").on(t.ownerUserId),
    check("mailboxes_email_lower_ck", sql`email = lower(email)`),
    check("mailboxes_daily_cap_ck", sql`daily_cap >= 0`),
    check("mailboxes_intervals_ck", sql`min_interval_seconds >= 0 and jitter_seconds >= 0`),
    check(
      "mailboxes_sending_window_ck",
      sql`sending_start_minute between 0 and 1440 and sending_end_minute between 0 and 1440 and sending_days <@ array[0,1,2,3,4,5,6]`,
    ),
  ],
);
export type Mailbox = typeof mailboxes.$inferSelect;
export type NewMailbox = typeof mailboxes.$inferInsert;
