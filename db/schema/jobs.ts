// Tables of the embedded Inngest-protocol executor (lib/jobs): synced functions, events, runs, memoised steps,
// the durable work queue and the state behind waits, cancellation and flow control.
import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

const at = (name: string) => timestamp(name, { withTimezone: true });

/** Orders steps: `seq` when a step first appears, `done_seq` when its result is memoised (the SDK's stack). */
export const jobStepSeq = pgSequence("job_step_seq");

export const jobFunctions = pgTable("job_functions", {
  // "<appId>-<fnId>", as the SDK reports it.
  id: text("id").primaryKey(),
  appId: text("app_id").notNull(),
  name: text("name").notNull(),
  // The step URL (…/api/inngest?fnId=…&stepId=step) the executor calls.
  url: text("url").notNull(),
  triggers: jsonb("triggers").$type<unknown[]>().notNull(),
  config: jsonb("config").$type<Record<string, unknown>>().notNull(),
  configHash: text("config_hash").notNull(),
  syncedAt: at("synced_at").notNull(),
  removedAt: at("removed_at"),
});
export type JobFunction = typeof jobFunctions.$inferSelect;

export const jobEvents = pgTable(
  "job_events",
  {
    // The event id is the deduplication key: a second event with the same id is accepted and ignored.
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    receivedAt: at("received_at").notNull(),
  },
  (t) => [index("job_events_received_idx").on(t.receivedAt)],
);
export type JobEvent = typeof jobEvents.$inferSelect;

export const jobRuns = pgTable(
  "job_runs",
  {
    id: text("id").primaryKey(),
    functionId: text("function_id").notNull(),
    // From the trigger event's data.teamId when it is a uuid; no foreign key, the event may name any team.
    teamId: uuid("team_id"),
    status: text("status")
      .$type<"queued" | "running" | "sleeping" | "waiting" | "completed" | "failed" | "cancelled">()
      .notNull(),
    eventId: text("event_id").notNull(),
    eventName: text("event_name").notNull(),
    event: jsonb("event").$type<Record<string, unknown>>().notNull(),
    output: jsonb("output"),
    error: jsonb("error").$type<{ name: string; message: string; stack?: string }>(),
    replayOf: text("replay_of"),
    invokerRunId: text("invoker_run_id"),
    invokerStepId: text("invoker_step_id"),
    requestVersion: integer("request_version").notNull().default(-1),
    maxAttempts: integer("max_attempts").notNull(),
    concurrency: jsonb("concurrency").$type<{ key: string; limit: number }[]>(),
    rateKey: text("rate_key"),
    singletonKey: text("singleton_key"),
    sleepingUntil: at("sleeping_until"),
    waitingFor: jsonb("waiting_for").$type<{ event: string; expression: string | null; timeoutAt: string | null }>(),
    createdAt: at("created_at").notNull(),
    startedAt: at("started_at"),
    endedAt: at("ended_at"),
  },
  (t) => [
    // The dashboard lists a team's runs newest first (ids are UUIDv7, time-ordered), filtered by status or function.
    index("job_runs_team_idx").on(t.teamId, t.id),
    index("job_runs_team_status_idx").on(t.teamId, t.status, t.id),
    index("job_runs_function_idx").on(t.functionId, t.status),
    index("job_runs_created_idx").on(t.createdAt),
    index("job_runs_event_idx").on(t.eventId),
    index("job_runs_invoker_idx").on(t.invokerRunId),
    index("job_runs_rate_idx").on(t.rateKey, t.createdAt).where(sql`${t.rateKey} is not null`),
    index("job_runs_singleton_idx").on(t.singletonKey).where(sql`${t.singletonKey} is not null`),
  ],
);
export type JobRun = typeof jobRuns.$inferSelect;
export type JobRunStatus = JobRun["status"];

export const jobSteps = pgTable(
  "job_steps",
  {
    runId: text("run_id")
      .notNull()
      .references(() => jobRuns.id, { onDelete: "cascade" }),
    // The SDK's hashed step id (SHA-1 of the step id, with :n for repeats).
    hashedId: text("hashed_id").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull().default(sql`nextval('job_step_seq')`),
    doneSeq: bigint("done_seq", { mode: "number" }),
    name: text("name").notNull(),
    op: text("op").notNull(),
    status: text("status")
      .$type<"planned" | "running" | "completed" | "failed" | "sleeping" | "waiting" | "cancelled">()
      .notNull(),
    attempts: integer("attempts").notNull().default(0),
    // Memoised result: `data` when completed, `error` when failed (first write wins).
    data: jsonb("data"),
    error: jsonb("error").$type<{ name: string; message: string; stack?: string }>(),
    opts: jsonb("opts"),
    startedAt: at("started_at"),
    endedAt: at("ended_at"),
  },
  (t) => [primaryKey({ columns: [t.runId, t.hashedId] }), index("job_steps_run_seq_idx").on(t.runId, t.seq)],
);
export type JobStep = typeof jobSteps.$inferSelect;

export const jobQueue = pgTable(
  "job_queue",
  {
    id: text("id").primaryKey(),
    runId: text("run_id").references(() => jobRuns.id, { onDelete: "cascade" }),
    // call | wake | wait-timeout | invoke-timeout | cron
    kind: text("kind").notNull(),
    // "step" (discover) or a hashed step id.
    stepId: text("step_id"),
    attempt: integer("attempt").notNull().default(0),
    payload: jsonb("payload").$type<Record<string, unknown>>(),
    runAt: at("run_at").notNull(),
    leaseUntil: at("lease_until"),
    leasedBy: text("leased_by"),
    // At most one pending item per key (one discovery per run, one tick per cron trigger).
    dedupeKey: text("dedupe_key").unique(),
    // The run's concurrency constraints (the SDK allows two): key and limit.
    ck1: text("ck1"),
    cl1: integer("cl1"),
    ck2: text("ck2"),
    cl2: integer("cl2"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [
    index("job_queue_due_idx").on(t.runAt),
    index("job_queue_run_idx").on(t.runId),
    index("job_queue_ck1_idx").on(t.ck1).where(sql`${t.ck1} is not null`),
    index("job_queue_ck2_idx").on(t.ck2).where(sql`${t.ck2} is not null`),
  ],
);
export type JobQueueItem = typeof jobQueue.$inferSelect;

export const jobWaits = pgTable(
  "job_waits",
  {
    id: text("id").primaryKey(),
    runId: text("run_id")
      .notNull()
      .references(() => jobRuns.id, { onDelete: "cascade" }),
    stepId: text("step_id").notNull(),
    eventName: text("event_name").notNull(),
    expression: text("expression"),
    expiresAt: at("expires_at"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [index("job_waits_event_idx").on(t.eventName), index("job_waits_run_idx").on(t.runId)],
);

export const jobCancelRules = pgTable(
  "job_cancel_rules",
  {
    id: text("id").primaryKey(),
    runId: text("run_id")
      .notNull()
      .references(() => jobRuns.id, { onDelete: "cascade" }),
    eventName: text("event_name").notNull(),
    expression: text("expression"),
    expiresAt: at("expires_at"),
  },
  (t) => [index("job_cancel_rules_event_idx").on(t.eventName), index("job_cancel_rules_run_idx").on(t.runId)],
);

/** Idempotency keys (a function's `idempotency` expression), each valid for 24 h. */
export const jobIdempotencyKeys = pgTable(
  "job_idempotency_keys",
  {
    functionId: text("function_id").notNull(),
    key: text("key").notNull(),
    runId: text("run_id").notNull(),
    expiresAt: at("expires_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.functionId, t.key] })],
);

/** Throttle state per key (GCRA): the theoretical arrival time of the next start. */
export const jobThrottles = pgTable("job_throttles", {
  key: text("key").primaryKey(),
  tat: at("tat").notNull(),
});

/** A debounced function's pending run per key, whose start moves back while events keep arriving. */
export const jobDebounces = pgTable(
  "job_debounces",
  {
    functionId: text("function_id").notNull(),
    key: text("key").notNull(),
    runId: text("run_id").notNull(),
    firstAt: at("first_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.functionId, t.key] })],
);
