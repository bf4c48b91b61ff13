CREATE TYPE "public"."lead_import_duplicate_policy" AS ENUM('update', 'skip');--> statement-breakpoint
ALTER TYPE "public"."suppression_kind" ADD VALUE 'address_hash';--> statement-breakpoint
ALTER TABLE "suppressions" DROP CONSTRAINT "suppressions_value_shape_ck";--> statement-breakpoint
ALTER TABLE "sequence_steps" ALTER COLUMN "condition" SET DEFAULT 'no_reply';--> statement-breakpoint
ALTER TABLE "campaign_enrolments" ADD COLUMN "run_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaign_enrolments" ADD COLUMN "run_generation" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "campaign_enrolments" ADD COLUMN "last_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaign_enrolments" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "min_email_score" integer;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "daily_new_lead_limit" integer;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "lead_selection" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "enrolment_target" integer;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "enrolled_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "paused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "stopped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "lead_imports" ADD COLUMN "processed_rows" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "lead_imports" ADD COLUMN "updated_rows" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "lead_imports" ADD COLUMN "duplicate_rows" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "lead_imports" ADD COLUMN "rejected_rows" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "lead_imports" ADD COLUMN "file_key" text;--> statement-breakpoint
ALTER TABLE "lead_imports" ADD COLUMN "file_size_bytes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "lead_imports" ADD COLUMN "headers" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "lead_imports" ADD COLUMN "mapping" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "lead_imports" ADD COLUMN "duplicate_policy" "lead_import_duplicate_policy" DEFAULT 'skip' NOT NULL;--> statement-breakpoint
ALTER TABLE "lead_imports" ADD COLUMN "tags" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(company, '') || ' ' || coalesce(title, '') || ' ' || translate(email, '@.-_+', '     ') || ' ' || email)) STORED;--> statement-breakpoint
ALTER TABLE "sequence_step_variants" ADD COLUMN "template_id" uuid;--> statement-breakpoint
ALTER TABLE "sequence_steps" ADD COLUMN "delay_business_days" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sequence_step_variants" ADD CONSTRAINT "sequence_step_variants_template_id_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."templates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_enrolments_unstarted_idx" ON "campaign_enrolments" USING btree ("campaign_id","next_step_at") WHERE status = 'active' and run_started_at is null;--> statement-breakpoint
CREATE INDEX "leads_search_idx" ON "leads" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "leads_custom_fields_idx" ON "leads" USING gin (custom_fields jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "sequence_step_variants_template_idx" ON "sequence_step_variants" USING btree ("template_id");--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_daily_new_lead_limit_ck" CHECK (daily_new_lead_limit is null or daily_new_lead_limit > 0);--> statement-breakpoint
ALTER TABLE "suppressions" ADD CONSTRAINT "suppressions_value_shape_ck" CHECK ((kind = 'address' and position('@' in value) > 1) or (kind::text in ('domain', 'address_hash') and position('@' in value) = 0));