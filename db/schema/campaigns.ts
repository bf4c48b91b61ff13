// Campaigns (leads × sequence × mailboxes on a schedule), their mailbox rotation and per-lead enrolments.
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
import { users } from "./auth";
import { leads } from "./leads";
import { mailboxes } from "./mailboxes";
import { sequences } from "./sequences";
import { teams } from "./teams";

export const campaignStatus = pgEnum("campaign_status", [
  "draft",
  "scheduled",
  "running",
  "paused",
  "completed",
  "archived",
]);
export type CampaignStatus = (typeof campaignStatus.enumValues)[number];

// Whose clock the schedule's days and minutes are read in.
export const campaignTimezoneMode = pgEnum("campaign_timezone_mode", ["mailbox", "recipient", "fixed"]);
export type CampaignTimezoneMode = (typeof campaignTimezoneMode.enumValues)[number];

// On a reply, stop only that lead, or every lead of the same email domain in the campaign.
export const campaignStopScope = pgEnum("campaign_stop_scope", ["lead", "domain"]);
export type CampaignStopScope = (typeof campaignStopScope.enumValues)[number];

export const enrolmentStatus = pgEnum("enrolment_status", [
  "active",
  "paused",
  "completed",
  "replied",
  "bounced",
  "unsubscribed",
  "stopped",
  "failed",
]);
export type EnrolmentStatus = (typeof enrolmentStatus.enumValues)[number];

/** Which leads a campaign enrols (see lib/leads/lead-filter.ts); empty = every lead of the team. */
export type CampaignLeadSelection = {
  q?: string;
  status?: string;
  tag?: string;
  importId?: string;
  field?: { key: string; value: string };
  leadIds?: string[];
};

/** Sequence step id → chosen variant id, fixed the first time the step is reached. */
export type VariantAssignments = Record<string, string>;

export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // Optional only while drafting (checked below). A sequence in use cannot be deleted, only archived: "no action"
    // rather than "restrict" so that deleting a whole team (which cascades to both) still succeeds.
    sequenceId: uuid("sequence_id").references(() => sequences.id, { onDelete: "no action" }),
    status: campaignStatus("status").notNull().default("draft"),
    // Days 0–6 with 0 = Sunday; minutes of the day, end exclusive, in the zone chosen by timezone_mode.
    scheduleDays: integer("schedule_days").array().notNull().default([1, 2, 3, 4, 5]),
    scheduleStartMinute: integer("schedule_start_minute").notNull().default(540),
    scheduleEndMinute: integer("schedule_end_minute").notNull().default(1020),
    timezoneMode: campaignTimezoneMode("timezone_mode").notNull().default("recipient"),
    // IANA zone: required in fixed mode; in recipient mode, used for leads whose zone is unknown.
    timezone: text("timezone"),
    // Campaign-wide sends per day on top of each mailbox's own cap; null = mailbox caps only.
    dailyLimit: integer("daily_limit"),
    stopScope: campaignStopScope("stop_scope").notNull().default("lead"),
    trackOpens: boolean("track_opens").notNull().default(true),
    trackClicks: boolean("track_clicks").notNull().default(true),
    // Leads scoring below this are not enrolled; null = no gate.
    minScore: integer("min_score"),
    // Emails whose content scores below this (lib/ai/score-email) are not sent; null = no gate.
    minEmailScore: integer("min_email_score"),
    // At most this many leads start the sequence per day; null = no limit beyond mailbox caps.
    dailyNewLeadLimit: integer("daily_new_lead_limit"),
    leadSelection: jsonb("lead_selection").$type<CampaignLeadSelection>().notNull().default({}),
    // Enrolment fan-out progress, shown while a large campaign starts.
    enrolmentTarget: integer("enrolment_target"),
    enrolledCount: integer("enrolled_count").notNull().default(0),
    pausedAt: timestamp("paused_at", { withTimezone: true }),
    stoppedAt: timestamp("stopped_at", { withTimezone: true }),
    scheduledStartAt: timestamp("scheduled_start_at", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    index("campaigns_team_created_idx").on(t.teamId, t.createdAt),
    index("campaigns_team_status_idx").on(t.teamId, t.status),
    index("campaigns_sequence_idx").on(t.sequenceId),
    index("campaigns_created_by_idx").on(t.createdByUserId),
    check("campaigns_sequence_required_ck", sql`status = 'draft' or sequence_id is not null`),
    check("campaigns_fixed_timezone_ck", sql`timezone_mode <> 'fixed' or timezone is not null`),
    check(
      "campaigns_schedule_ck",
      sql`schedule_start_minute between 0 and 1440 and schedule_end_minute between 0 and 1440 and schedule_days <@ array[0,1,2,3,4,5,6]`,
    ),
    check("campaigns_daily_limit_ck", sql`daily_limit is null or daily_limit >= 0`),
    check("campaigns_daily_new_lead_limit_ck", sql`daily_new_lead_limit is null or daily_new_lead_limit > 0`),
  ],
);
export type Campaign = typeof campaigns.$inferSelect;
export type NewCampaign = typeof campaigns.$inferInsert;

export const campaignMailboxes = pgTable(
  "campaign_mailboxes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    mailboxId: uuid("mailbox_id")
      .notNull()
      .references(() => mailboxes.id, { onDelete: "cascade" }),
    // Relative share of new enrolments this mailbox takes in the rotation.
    weight: integer("weight").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("campaign_mailboxes_campaign_mailbox_uq").on(t.campaignId, t.mailboxId),
    index("campaign_mailboxes_mailbox_idx").on(t.mailboxId),
    index("campaign_mailboxes_team_idx").on(t.teamId),
    check("campaign_mailboxes_weight_ck", sql`weight >= 0`),
  ],
);
export type CampaignMailbox = typeof campaignMailboxes.$inferSelect;
export type NewCampaignMailbox = typeof campaignMailboxes.$inferInsert;

export const campaignEnrolments = pgTable(
  "campaign_enrolments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    // Position of the step this enrolment runs next (sequence_steps.position); past the last step once completed.
    currentStepPosition: integer("current_step_position").notNull().default(0),
    status: enrolmentStatus("status").notNull().default("active"),
    // When the current step becomes due (before slot reservation); null when nothing is pending.
    nextStepAt: timestamp("next_step_at", { withTimezone: true }),
    pausedUntil: timestamp("paused_until", { withTimezone: true }),
    stopReason: text("stop_reason"),
    // Sticky per lead so follow-ups leave from the mailbox that started the thread.
    assignedMailboxId: uuid("assigned_mailbox_id").references(() => mailboxes.id, { onDelete: "set null" }),
    variantAssignments: jsonb("variant_assignments").$type<VariantAssignments>().notNull().default({}),
    // When the scheduler handed this enrolment to its sequence run; null = not yet (or again after a resume).
    runStartedAt: timestamp("run_started_at", { withTimezone: true }),
    // Bumped on every resume so each run gets its own event id.
    runGeneration: integer("run_generation").notNull().default(0),
    lastSentAt: timestamp("last_sent_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    lastEventAt: timestamp("last_event_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex("campaign_enrolments_campaign_lead_uq").on(t.campaignId, t.leadId),
    index("campaign_enrolments_team_status_idx").on(t.teamId, t.status),
    index("campaign_enrolments_campaign_status_idx").on(t.campaignId, t.status),
    index("campaign_enrolments_lead_idx").on(t.leadId),
    index("campaign_enrolments_mailbox_idx").on(t.assignedMailboxId),
    // The scheduler's scan for enrolments coming due (lib/campaigns/wake-due-enrolments.ts); runs carry on by themselves.
    index("campaign_enrolments_unstarted_idx").on(t.campaignId, t.nextStepAt).where(sql`status = 'active' and run_started_at is null`),
    check("campaign_enrolments_step_ck", sql`current_step_position >= 0`),
  ],
);
export type CampaignEnrolment = typeof campaignEnrolments.$inferSelect;
export type NewCampaignEnrolment = typeof campaignEnrolments.$inferInsert;
