// Every message we send or receive, with its threading headers, provider ids and send state machine.
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
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

// What a reply says (the reply classifier's answer, or the rep's correction in the inbox).
export const REPLY_INTENTS = [
  "interested",
  "not_interested",
  "out_of_office",
  "unsubscribe_request",
  "wrong_person",
  "question",
  "auto_reply",
  "bounce",
] as const;
export type ReplyIntent = (typeof REPLY_INTENTS)[number];
export const replyIntent = pgEnum("reply_intent", REPLY_INTENTS);
export const intentSource = pgEnum("intent_source", ["model", "rules", "user"]);

// What an inbound message turned out to be. Only "reply" and "other" (a person writing) belong in the inbox.
export const inboundKind = pgEnum("inbound_kind", ["reply", "auto_reply", "bounce", "complaint", "other"]);
export type InboundKind = (typeof inboundKind.enumValues)[number];

// hard: 5.x.x about the recipient; soft: 4.x.x; auth: 5.7.x about our own authentication (SPF/DKIM/DMARC).
export const bounceType = pgEnum("bounce_type", ["hard", "soft", "auth"]);
export type BounceType = (typeof bounceType.enumValues)[number];

// How an inbound message was tied to what we sent, strongest first.
export const matchMethod = pgEnum("match_method", ["in_reply_to", "references", "provider_thread", "sender", "domain"]);
export type MatchMethod = (typeof matchMethod.enumValues)[number];

/** "Why it was sent": what was evaluated just before an outbound email left, newest facts last. */
export type SendCheck = { name: string; passed: boolean; detail?: string };
export type SendRecord = {
  /** A soft bounce's second attempt: the email it repeats. */
  retryOf?: string;
  /** Sequence sends: the step, its condition and how it evaluated, the variant and the mailbox. */
  step?: { position: number; condition: string; conditionMet: boolean; conditionDetail?: string; variant?: string | null; mailbox?: string };
  queuedAt?: string;
  /** The re-checks passed in the transaction that moved the email to `sending`. */
  checks?: SendCheck[];
  checkedAt?: string;
};

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
    // Outbound: complaint (spam report) received for this message.
    complainedAt: timestamp("complained_at", { withTimezone: true }),
    // Outbound: "why it was sent" (see SendRecord).
    sendRecord: jsonb("send_record").$type<SendRecord>(),
    // Inbound: what it is, what it answered and how we know, what it says.
    inboundKind: inboundKind("inbound_kind"),
    answersEmailId: uuid("answers_email_id"),
    matchedBy: matchMethod("matched_by"),
    intent: replyIntent("intent"),
    intentSource: intentSource("intent_source"),
    // Out of office: the first day back; wrong person: whom they pointed to.
    returnDate: date("return_date", { mode: "string" }),
    referralEmail: text("referral_email"),
    bounceType: bounceType("bounce_type"),
    // RFC 3464 Status (e.g. "5.1.1"), the failed recipient and the remote server's words.
    bounceStatus: text("bounce_status"),
    bounceRecipient: text("bounce_recipient"),
    bounceDiagnostic: text("bounce_diagnostic"),
    // Set once every consequence of an inbound message has been applied; a re-run finishes what is unset.
    processedAt: timestamp("processed_at", { withTimezone: true }),
    readAt: timestamp("read_at", { withTimezone: true }),
    snoozedUntil: timestamp("snoozed_until", { withTimezone: true }),
    // The rep who wrote it (a reply sent from the inbox).
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
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
    // The inbox: a team's inbound mail, newest first.
    index("emails_team_inbound_received_idx").on(t.teamId, t.receivedAt).where(sql`direction = 'inbound'`),
    index("emails_answers_email_idx").on(t.answersEmailId),
    index("emails_author_user_idx").on(t.authorUserId),
    // Mailbox health: bounces and complaints per mailbox in a rolling window.
    index("emails_mailbox_bounced_idx").on(t.mailboxId, t.bouncedAt).where(sql`bounced_at is not null`),
    index("emails_mailbox_complained_idx").on(t.mailboxId, t.complainedAt).where(sql`complained_at is not null`),
    foreignKey({ columns: [t.answersEmailId], foreignColumns: [t.id], name: "emails_answers_email_fk" }).onDelete("set null"),
    check("emails_attempt_count_ck", sql`attempt_count >= 0`),
  ],
);
export type Email = typeof emails.$inferSelect;
export type NewEmail = typeof emails.$inferInsert;
