CREATE TABLE "email_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"user_id" uuid,
	"lead_id" uuid,
	"lead_email" text,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"model_id" text NOT NULL,
	"model_label" text NOT NULL,
	"fact_ids" text[] DEFAULT '{}' NOT NULL,
	"goal" text,
	"tone" text,
	"length" text,
	"source" text NOT NULL,
	"cache" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_drafts" ADD CONSTRAINT "email_drafts_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_drafts" ADD CONSTRAINT "email_drafts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_drafts" ADD CONSTRAINT "email_drafts_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_drafts_team_created_idx" ON "email_drafts" USING btree ("team_id","created_at");--> statement-breakpoint
CREATE INDEX "email_drafts_team_lead_idx" ON "email_drafts" USING btree ("team_id","lead_id");--> statement-breakpoint
CREATE INDEX "email_drafts_user_idx" ON "email_drafts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "email_drafts_lead_idx" ON "email_drafts" USING btree ("lead_id");