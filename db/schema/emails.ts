// Every message we send or receive, with its threading headers, provider ids and send state machine.
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
import { campaignEnrolments, campaigns } from "./campaigns";
import { leads } from "./leads";
import { mailboxes } from "./mailboxes";
import { sequenceStepVariants } from "./sequences";
import { teams } from "./teams";

export const emailDirection = pgEnum("email_direction", ["outbound", "inbound"]);
export type EmailDirection = (typeof emailDirection.enumValues)[number];

// Outbound: draft → queued → sending → sent | failed (or cancelled before sending). Inbound rows are "received".
export const emailStatus = pgEnum("email_status", [
  "draft",
  "queued",
  "sending",
  "sent",
  "failed",
  "received",
  "cancelled",
]);
export type EmailStatus = (typeof emailStatus.enumValues)[number];

export const emails = pgTable(
  "emails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    direction: emailDirection("direction").notNull(),
    // Rows outlive the campaign, lead or mailbox they came from so history and analytics stay whole.
    enrolmentId: uuid("enrolment_id").references(() => campaignEnrolments.id, { onDelete: "set null" }),
    campaignId: uuid("campaign_id").references(() => campaigns.id, { onDelete: "set null" }),
    leadId: uuid("lead_id").references(() => leads.id, { onDelete: "set null" }),
    stepPosition: integer("step_position"),
    variantId: uuid("variant_id").references(() => sequenceStepVariants.id, { onDelete: "set null" }),
    mailboxId: uuid("mailbox_id").references(() => mailboxes.id, { onDelete: "set null" }),
    fromAddress: text("from_address").notNull(),
    fromName: text("from_name"),
    toAddresses: text("to_addresses").array().notNull(),
    ccAddresses: text("cc_addresses").array().notNull().default([]),
    bccAddresses: text("bcc_addresses").array().notNull().default([]),
    subject: text("subject").notNull().default(""),
    bodyHtml: text("body_html"),
    bodyText: text("body_text"),
    // RFC 5322 Message-ID (with angle brackets). Outbound: generated when the row is created, so every retry
    // sends the same id; unique per team. Inbound: as received (may be missing).
    messageId: text("message_id"),
    inReplyTo: text("in_reply_to"),
    // The References header as sent/received (space-separated Message-IDs).
    referencesHeader: text("references_header"),
    // Our conversation id: the first message's thread_id is copied to follow-ups and matched replies.
    threadId: uuid("thread_id").notNull().defaultRandom(),
    providerMessageId: text("provider_message_id"),
    providerThreadId: text("provider_thread_id"),
    status: emailStatus("status").notNull(),
    // Why it failed / was cancelled, or the provider's error body.
    statusReason: text("status_reason"),
    attemptCount: integer("attempt_count").notNull().default(0),
    // The reserved slot: when this message may leave its mailbox.
    scheduledFor: timestamp("scheduled_for", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    receivedAt: timestamp("received_at", { withTimezone: true }),
    // Denormalized from email_events for fast lists; human (non-machine) activity only.
    firstOpenedAt: timestamp("first_opened_at", { withTimezone: true }),
    firstClickedAt: timestamp("first_clicked_at", { withTimezone: true }),
    openCount: integer("open_count").notNull().default(0),
    clickCount: integer("click_count").notNull().default(0),
    repliedAt: timestamp("replied_at", { withTimezone: true }),
    bouncedAt: timestamp("bounced_at", { withTimezone: true }),
    // Per-send tracking choices, fixed when the row is created so every attempt builds the same message.
    trackOpens: boolean("track_opens").notNull().default(true),
    trackClicks: boolean("track_clicks").notNull().default(true),
    // Exactly-once key: "enrolment:<id>:step:<position>" for sequence sends, caller-supplied for one-off sends.
    idempotencyKey: text("idempotency_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex("emails_team_idempotency_key_uq").on(t.teamId, t.idempotencyKey),
    // One outbound email per (enrolment, step): a retry or a crashed run reuses the row, never adds one.
    uniqueIndex("emails_enrolment_step_uq")
      .on(t.enrolmentId, t.stepPosition)
      .where(sql`direction = 'outbound'`),
    // Reply matching looks our messages up by In-Reply-To / References.
    uniqueIndex("emails_team_message_id_uq")
      .on(t.teamId, t.messageId)
      .where(sql`direction = 'outbound'`),
    // Inbound sync is re-runnable: a message already stored for this mailbox is skipped.
    uniqueIndex("emails_mailbox_provider_message_uq").on(t.mailboxId, t.providerMessageId),
    index("emails_team_created_idx").on(t.teamId, t.createdAt),
    index("emails_team_status_idx").on(t.teamId, t.status),
    // Caps: sends per mailbox in a rolling 24 h, and the slots already reserved.
    index("emails_mailbox_sent_idx").on(t.mailboxId, t.sentAt),
    index("emails_mailbox_scheduled_idx").on(t.mailboxId, t.scheduledFor),
    index("emails_queued_due_idx").on(t.scheduledFor).where(sql`status = 'queued'`),
    index("emails_enrolment_idx").on(t.enrolmentId),
    index("emails_campaign_status_idx").on(t.campaignId, t.status),
    index("emails_lead_idx").on(t.leadId),
    index("emails_variant_idx").on(t.variantId),
    index("emails_thread_idx").on(t.threadId),
    index("emails_provider_thread_idx").on(t.providerThreadId),
    check("emails_attempt_count_ck", sql`attempt_count >= 0`),
  ],
);
export type Email = typeof emails.$inferSelect;
export type NewEmail = typeof emails.$inferInsert;
