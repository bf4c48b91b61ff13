// Open/click tracking: the rewritten links of each sent email and every engagement or delivery event.
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
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
import { campaignEnrolments, campaigns } from "./campaigns";
import { emails } from "./emails";
import { leads } from "./leads";
import { teams } from "./teams";

export const emailEventType = pgEnum("email_event_type", [
  "open",
  "click",
  "reply",
  "bounce",
  "unsubscribe",
  "complaint",
  "delivered",
  "deferred",
]);
export type EmailEventType = (typeof emailEventType.enumValues)[number];

export const trackedLinks = pgTable(
  "tracked_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    emailId: uuid("email_id")
      .notNull()
      .references(() => emails.id, { onDelete: "cascade" }),
    // Order of the link in the body, 0-based.
    position: integer("position").notNull(),
    // Fixed at send time; the click route only ever redirects here.
    destinationUrl: text("destination_url").notNull(),
    // Human clicks only; machine (scanner) clicks are events with is_machine = true.
    clickCount: integer("click_count").notNull().default(0),
    firstClickedAt: timestamp("first_clicked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("tracked_links_email_position_uq").on(t.emailId, t.position),
    index("tracked_links_team_created_idx").on(t.teamId, t.createdAt),
    check("tracked_links_click_count_ck", sql`click_count >= 0`),
  ],
);
export type TrackedLink = typeof trackedLinks.$inferSelect;
export type NewTrackedLink = typeof trackedLinks.$inferInsert;

export const emailEvents = pgTable(
  "email_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    // Events outlive the rows they point at so analytics totals do not change when data is deleted.
    emailId: uuid("email_id").references(() => emails.id, { onDelete: "set null" }),
    leadId: uuid("lead_id").references(() => leads.id, { onDelete: "set null" }),
    campaignId: uuid("campaign_id").references(() => campaigns.id, { onDelete: "set null" }),
    enrolmentId: uuid("enrolment_id").references(() => campaignEnrolments.id, { onDelete: "set null" }),
    type: emailEventType("type").notNull(),
    // Bot opens (image proxies, prefetch) and link scanners: kept, but excluded from engagement figures.
    isMachine: boolean("is_machine").notNull().default(false),
    linkId: uuid("link_id").references(() => trackedLinks.id, { onDelete: "set null" }),
    ip: text("ip"),
    userAgent: text("user_agent"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    // Makes redelivered webhooks and re-run sync steps no-ops, e.g. "resend:<svix-id>", "dsn:<message-id>".
    dedupeKey: text("dedupe_key"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("email_events_team_dedupe_key_uq").on(t.teamId, t.dedupeKey),
    index("email_events_team_occurred_idx").on(t.teamId, t.occurredAt),
    index("email_events_email_type_idx").on(t.emailId, t.type),
    index("email_events_campaign_type_occurred_idx").on(t.campaignId, t.type, t.occurredAt),
    index("email_events_lead_idx").on(t.leadId),
    index("email_events_enrolment_idx").on(t.enrolmentId),
    index("email_events_link_idx").on(t.linkId),
  ],
);
export type EmailEvent = typeof emailEvents.$inferSelect;
export type NewEmailEvent = typeof emailEvents.$inferInsert;
