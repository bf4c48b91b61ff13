CREATE SEQUENCE "public"."job_step_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "job_cancel_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"event_name" text NOT NULL,
	"expression" text,
	"expires_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "job_debounces" (
	"function_id" text NOT NULL,
	"key" text NOT NULL,
	"run_id" text NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	CONSTRAINT "job_debounces_function_id_key_pk" PRIMARY KEY("function_id","key")
);
--> statement-breakpoint
CREATE TABLE "job_events" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_functions" (
	"id" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"triggers" jsonb NOT NULL,
	"config" jsonb NOT NULL,
	"config_hash" text NOT NULL,
	"synced_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "job_idempotency_keys" (
	"function_id" text NOT NULL,
	"key" text NOT NULL,
	"run_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "job_idempotency_keys_function_id_key_pk" PRIMARY KEY("function_id","key")
);
--> statement-breakpoint
CREATE TABLE "job_queue" (
	"id" text PRIMARY KEY NOT NULL,
	"run_id" text,
	"kind" text NOT NULL,
	"step_id" text,
	"attempt" integer DEFAULT 0 NOT NULL,
	"payload" jsonb,
	"run_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"leased_by" text,
	"dedupe_key" text,
	"ck1" text,
	"cl1" integer,
	"ck2" text,
	"cl2" integer,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "job_queue_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"function_id" text NOT NULL,
	"team_id" uuid,
	"status" text NOT NULL,
	"event_id" text NOT NULL,
	"event_name" text NOT NULL,
	"event" jsonb NOT NULL,
	"output" jsonb,
	"error" jsonb,
	"replay_of" text,
	"invoker_run_id" text,
	"invoker_step_id" text,
	"request_version" integer DEFAULT -1 NOT NULL,
	"max_attempts" integer NOT NULL,
	"concurrency" jsonb,
	"rate_key" text,
	"singleton_key" text,
	"sleeping_until" timestamp with time zone,
	"waiting_for" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "job_steps" (
	"run_id" text NOT NULL,
	"hashed_id" text NOT NULL,
	"seq" bigint DEFAULT nextval('job_step_seq') NOT NULL,
	"done_seq" bigint,
	"name" text NOT NULL,
	"op" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"data" jsonb,
	"error" jsonb,
	"opts" jsonb,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	CONSTRAINT "job_steps_run_id_hashed_id_pk" PRIMARY KEY("run_id","hashed_id")
);
--> statement-breakpoint
CREATE TABLE "job_throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"tat" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_waits" (
	"id" text PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"step_id" text NOT NULL,
	"event_name" text NOT NULL,
	"expression" text,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "track_opens" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "track_clicks" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "job_cancel_rules" ADD CONSTRAINT "job_cancel_rules_run_id_job_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."job_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_queue" ADD CONSTRAINT "job_queue_run_id_job_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."job_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_steps" ADD CONSTRAINT "job_steps_run_id_job_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."job_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_waits" ADD CONSTRAINT "job_waits_run_id_job_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."job_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_cancel_rules_event_idx" ON "job_cancel_rules" USING btree ("event_name");--> statement-breakpoint
CREATE INDEX "job_cancel_rules_run_idx" ON "job_cancel_rules" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "job_events_received_idx" ON "job_events" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "job_queue_due_idx" ON "job_queue" USING btree ("run_at");--> statement-breakpoint
CREATE INDEX "job_queue_run_idx" ON "job_queue" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "job_queue_ck1_idx" ON "job_queue" USING btree ("ck1") WHERE "job_queue"."ck1" is not null;--> statement-breakpoint
CREATE INDEX "job_queue_ck2_idx" ON "job_queue" USING btree ("ck2") WHERE "job_queue"."ck2" is not null;--> statement-breakpoint
CREATE INDEX "job_runs_team_idx" ON "job_runs" USING btree ("team_id","id");--> statement-breakpoint
CREATE INDEX "job_runs_team_status_idx" ON "job_runs" USING btree ("team_id","status","id");--> statement-breakpoint
CREATE INDEX "job_runs_function_idx" ON "job_runs" USING btree ("function_id","status");--> statement-breakpoint
CREATE INDEX "job_runs_created_idx" ON "job_runs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "job_runs_event_idx" ON "job_runs" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "job_runs_invoker_idx" ON "job_runs" USING btree ("invoker_run_id");--> statement-breakpoint
CREATE INDEX "job_runs_rate_idx" ON "job_runs" USING btree ("rate_key","created_at") WHERE "job_runs"."rate_key" is not null;--> statement-breakpoint
CREATE INDEX "job_runs_singleton_idx" ON "job_runs" USING btree ("singleton_key") WHERE "job_runs"."singleton_key" is not null;--> statement-breakpoint
CREATE INDEX "job_steps_run_seq_idx" ON "job_steps" USING btree ("run_id","seq");--> statement-breakpoint
CREATE INDEX "job_waits_event_idx" ON "job_waits" USING btree ("event_name");--> statement-breakpoint
CREATE INDEX "job_waits_run_idx" ON "job_waits" USING btree ("run_id");