CREATE TYPE "public"."bounce_type" AS ENUM('hard', 'soft', 'auth');--> statement-breakpoint
CREATE TYPE "public"."inbound_kind" AS ENUM('reply', 'auto_reply', 'bounce', 'complaint', 'other');--> statement-breakpoint
CREATE TYPE "public"."intent_source" AS ENUM('model', 'rules', 'user');--> statement-breakpoint
CREATE TYPE "public"."match_method" AS ENUM('in_reply_to', 'references', 'provider_thread', 'sender', 'domain');--> statement-breakpoint
CREATE TYPE "public"."reply_intent" AS ENUM('interested', 'not_interested', 'out_of_office', 'unsubscribe_request', 'wrong_person', 'question', 'auto_reply', 'bounce');--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"href" text,
	"email_id" uuid,
	"dedupe_key" text NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_receipts" (
	"provider" text NOT NULL,
	"message_id" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_receipts_provider_message_id_pk" PRIMARY KEY("provider","message_id")
);
--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "complained_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "send_record" jsonb;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "inbound_kind" "inbound_kind";--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "answers_email_id" uuid;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "matched_by" "match_method";--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "intent" "reply_intent";--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "intent_source" "intent_source";--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "return_date" date;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "referral_email" text;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "bounce_type" "bounce_type";--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "bounce_status" text;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "bounce_recipient" text;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "bounce_diagnostic" text;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "processed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "read_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "snoozed_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "author_user_id" uuid;--> statement-breakpoint
ALTER TABLE "mailboxes" ADD COLUMN "inbound_sync_lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mailboxes" ADD COLUMN "inbound_sync_error" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_email_id_emails_id_fk" FOREIGN KEY ("email_id") REFERENCES "public"."emails"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_user_team_created_idx" ON "notifications" USING btree ("user_id","team_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_team_idx" ON "notifications" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "notifications_email_idx" ON "notifications" USING btree ("email_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_uq" ON "notifications" USING btree ("user_id","dedupe_key");--> statement-breakpoint
ALTER TABLE "emails" ADD CONSTRAINT "emails_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emails" ADD CONSTRAINT "emails_answers_email_fk" FOREIGN KEY ("answers_email_id") REFERENCES "public"."emails"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "emails_team_inbound_received_idx" ON "emails" USING btree ("team_id","received_at") WHERE direction = 'inbound';--> statement-breakpoint
CREATE INDEX "emails_answers_email_idx" ON "emails" USING btree ("answers_email_id");--> statement-breakpoint
CREATE INDEX "emails_author_user_idx" ON "emails" USING btree ("author_user_id");--> statement-breakpoint
CREATE INDEX "emails_mailbox_bounced_idx" ON "emails" USING btree ("mailbox_id","bounced_at") WHERE bounced_at is not null;--> statement-breakpoint
CREATE INDEX "emails_mailbox_complained_idx" ON "emails" USING btree ("mailbox_id","complained_at") WHERE complained_at is not null;