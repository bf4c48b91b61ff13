// Sequences: ordered steps with delays and conditions, each step with one or more A/B variants.
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
import { templates } from "./templates";

export const sequenceStatus = pgEnum("sequence_status", ["draft", "active", "archived"]);
export type SequenceStatus = (typeof sequenceStatus.enumValues)[number];

export const sequenceStepCondition = pgEnum("sequence_step_condition", [
  "always",
  "no_reply",
  "opened",
  "not_opened",
  "clicked",
]);
export type SequenceStepCondition = (typeof sequenceStepCondition.enumValues)[number];

export const sequences = pgTable(
  "sequences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    status: sequenceStatus("status").notNull().default("draft"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    index("sequences_team_created_idx").on(t.teamId, t.createdAt),
    index("sequences_team_status_idx").on(t.teamId, t.status),
    index("sequences_created_by_idx").on(t.createdByUserId),
  ],
);
export type Sequence = typeof sequences.$inferSelect;
export type NewSequence = typeof sequences.$inferInsert;

export const sequenceSteps = pgTable(
  "sequence_steps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    sequenceId: uuid("sequence_id")
      .notNull()
      .references(() => sequences.id, { onDelete: "cascade" }),
    // 0-based order within the sequence; emails and enrolments refer to steps by this position.
    position: integer("position").notNull(),
    // Wait after the previous step was sent (for position 0: after enrolment).
    delayMinutes: integer("delay_minutes").notNull().default(0),
    // Count the delay in business days (Mon–Fri in the schedule's zone); delay_minutes is then whole days.
    delayBusinessDays: boolean("delay_business_days").notNull().default(false),
    condition: sequenceStepCondition("condition").notNull().default("no_reply"),
    // Reply in the previous step's thread (Re: subject, In-Reply-To/References); ignored for position 0.
    sameThread: boolean("same_thread").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex("sequence_steps_sequence_position_uq").on(t.sequenceId, t.position),
    index("sequence_steps_team_idx").on(t.teamId),
    check("sequence_steps_delay_ck", sql`delay_minutes >= 0`),
  ],
);
export type SequenceStep = typeof sequenceSteps.$inferSelect;
export type NewSequenceStep = typeof sequenceSteps.$inferInsert;

export const sequenceStepVariants = pgTable(
  "sequence_step_variants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    stepId: uuid("step_id")
      .notNull()
      .references(() => sequenceSteps.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    // Null: reuse the thread's subject ("Re: …"), for same-thread follow-ups.
    subject: text("subject"),
    bodyHtml: text("body_html").notNull(),
    // Null: derived from body_html when sending.
    bodyText: text("body_text"),
    // The template the content was copied from (content is copied, so editing the template later changes nothing here).
    templateId: uuid("template_id").references(() => templates.id, { onDelete: "set null" }),
    // Relative share of enrolments assigned this variant; 0 switches the variant off.
    weight: integer("weight").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex("sequence_step_variants_step_label_uq").on(t.stepId, t.label),
    index("sequence_step_variants_team_idx").on(t.teamId),
    index("sequence_step_variants_template_idx").on(t.templateId),
    check("sequence_step_variants_weight_ck", sql`weight >= 0`),
  ],
);
export type SequenceStepVariant = typeof sequenceStepVariants.$inferSelect;
export type NewSequenceStepVariant = typeof sequenceStepVariants.$inferInsert;
