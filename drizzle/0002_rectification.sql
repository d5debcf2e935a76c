CREATE TABLE "accountability_actions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"kind" text NOT NULL,
	"org_id" uuid,
	"person_name" text,
	"person_position" text,
	"decided_on" date NOT NULL,
	"authority" text,
	"description" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accountability_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"action_id" uuid NOT NULL,
	"row_id" uuid,
	"letter_id" uuid
);
--> statement-breakpoint
CREATE TABLE "announcement_details" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"assignment_id" uuid NOT NULL,
	"issuer" text,
	"next_steps" text,
	"contact_phone" text,
	"contact_address" text,
	"contact_postcode" text,
	"contact_email" text,
	"contact_hours" text
);
--> statement-breakpoint
CREATE TABLE "campaign_targets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"row_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"common_problem_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"instructions" text NOT NULL,
	"launched_on" date NOT NULL,
	"due_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "common_problem_findings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"common_problem_id" uuid NOT NULL,
	"finding_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "common_problems" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"title" text NOT NULL,
	"description" text,
	"category" text,
	"department" text
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"assignment_id" uuid NOT NULL,
	"metrics" jsonb NOT NULL,
	"suggested_grade" text NOT NULL,
	"grade" text NOT NULL,
	"reason" text,
	"evaluated_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"name" text PRIMARY KEY NOT NULL,
	"last_run_at" timestamp with time zone,
	"last_run_date" date,
	"last_result" jsonb,
	"run_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letter_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"letter_id" uuid NOT NULL,
	"row_id" uuid,
	"problem_id" uuid
);
--> statement-breakpoint
CREATE TABLE "letters" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"addressee" text NOT NULL,
	"addressee_org_id" uuid,
	"addressee_user_id" uuid,
	"subject" text NOT NULL,
	"body" text,
	"sent_on" date NOT NULL,
	"reply_due" date NOT NULL,
	"reply_text" text,
	"replied_on" date,
	"replied_by" uuid,
	"common_problem_id" uuid
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"subject_id" uuid,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "plan_opinions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"plan_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"author_role" text NOT NULL,
	"author_name" text NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"plan_id" uuid NOT NULL,
	"no" integer NOT NULL,
	"summary" text,
	"entries" jsonb NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_by" uuid,
	"decision" text,
	"decision_comment" text,
	"decided_at" timestamp with time zone,
	"decided_by" uuid
);
--> statement-breakpoint
CREATE TABLE "rectification_periods" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"assignment_id" uuid NOT NULL,
	"meeting_date" date,
	"meeting_attendees" text,
	"commission_attended" boolean DEFAULT false NOT NULL,
	"org_dept_attended" boolean DEFAULT false NOT NULL,
	"progress_report_date" date,
	"progress_report_note" text,
	"internal_notice_date" date,
	"public_announcement_date" date,
	"public_announcement_place" text
);
--> statement-breakpoint
CREATE TABLE "rectification_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"assignment_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"due_date" date NOT NULL,
	"summary" text,
	"draft_entries" jsonb NOT NULL,
	"current_version" integer DEFAULT 0 NOT NULL,
	"approved_at" timestamp with time zone,
	"approved_by" uuid
);
--> statement-breakpoint
CREATE TABLE "revisit_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"revisit_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"row_id" uuid NOT NULL,
	"result" text DEFAULT 'pending' NOT NULL,
	"finding" text,
	"checked_on" date,
	"checked_by" uuid
);
--> statement-breakpoint
CREATE TABLE "revisits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"round_id" uuid NOT NULL,
	"seed" text NOT NULL,
	"drawn_on" date NOT NULL,
	"org_count" integer NOT NULL,
	"org_total" integer NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "rule_findings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"rule_id" uuid NOT NULL,
	"finding_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rules_made" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"adopted_on" date NOT NULL,
	"description" text
);
--> statement-breakpoint
ALTER TABLE "ledger_rows" ALTER COLUMN "assignment_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "ledger_rows" ALTER COLUMN "problem_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "ledger_rows" ADD COLUMN "campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "accountability_actions" ADD CONSTRAINT "accountability_actions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_links" ADD CONSTRAINT "accountability_links_action_id_accountability_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."accountability_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_links" ADD CONSTRAINT "accountability_links_row_id_ledger_rows_id_fk" FOREIGN KEY ("row_id") REFERENCES "public"."ledger_rows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_links" ADD CONSTRAINT "accountability_links_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_details" ADD CONSTRAINT "announcement_details_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_targets" ADD CONSTRAINT "campaign_targets_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_targets" ADD CONSTRAINT "campaign_targets_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_targets" ADD CONSTRAINT "campaign_targets_row_id_ledger_rows_id_fk" FOREIGN KEY ("row_id") REFERENCES "public"."ledger_rows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_common_problem_id_common_problems_id_fk" FOREIGN KEY ("common_problem_id") REFERENCES "public"."common_problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "common_problem_findings" ADD CONSTRAINT "common_problem_findings_common_problem_id_common_problems_id_fk" FOREIGN KEY ("common_problem_id") REFERENCES "public"."common_problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "common_problem_findings" ADD CONSTRAINT "common_problem_findings_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_items" ADD CONSTRAINT "letter_items_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_items" ADD CONSTRAINT "letter_items_row_id_ledger_rows_id_fk" FOREIGN KEY ("row_id") REFERENCES "public"."ledger_rows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_items" ADD CONSTRAINT "letter_items_problem_id_feedback_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."feedback_problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_addressee_org_id_orgs_id_fk" FOREIGN KEY ("addressee_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_addressee_user_id_users_id_fk" FOREIGN KEY ("addressee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_opinions" ADD CONSTRAINT "plan_opinions_plan_id_rectification_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."rectification_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_plan_id_rectification_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."rectification_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_periods" ADD CONSTRAINT "rectification_periods_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_plans" ADD CONSTRAINT "rectification_plans_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_plans" ADD CONSTRAINT "rectification_plans_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revisit_items" ADD CONSTRAINT "revisit_items_revisit_id_revisits_id_fk" FOREIGN KEY ("revisit_id") REFERENCES "public"."revisits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revisit_items" ADD CONSTRAINT "revisit_items_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revisit_items" ADD CONSTRAINT "revisit_items_row_id_ledger_rows_id_fk" FOREIGN KEY ("row_id") REFERENCES "public"."ledger_rows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revisits" ADD CONSTRAINT "revisits_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_findings" ADD CONSTRAINT "rule_findings_rule_id_rules_made_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."rules_made"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_findings" ADD CONSTRAINT "rule_findings_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rules_made" ADD CONSTRAINT "rules_made_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accountability_actions_org_idx" ON "accountability_actions" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "accountability_links_action_idx" ON "accountability_links" USING btree ("action_id");--> statement-breakpoint
CREATE INDEX "accountability_links_row_idx" ON "accountability_links" USING btree ("row_id");--> statement-breakpoint
CREATE UNIQUE INDEX "announcement_details_assignment_uq" ON "announcement_details" USING btree ("assignment_id") WHERE "announcement_details"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_targets_uq" ON "campaign_targets" USING btree ("campaign_id","org_id") WHERE "campaign_targets"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "common_problem_findings_uq" ON "common_problem_findings" USING btree ("common_problem_id","finding_id") WHERE "common_problem_findings"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "common_problem_findings_finding_idx" ON "common_problem_findings" USING btree ("finding_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_assignment_uq" ON "evaluations" USING btree ("assignment_id") WHERE "evaluations"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "letter_items_letter_idx" ON "letter_items" USING btree ("letter_id");--> statement-breakpoint
CREATE INDEX "letter_items_row_idx" ON "letter_items" USING btree ("row_id");--> statement-breakpoint
CREATE INDEX "letter_items_problem_idx" ON "letter_items" USING btree ("problem_id");--> statement-breakpoint
CREATE UNIQUE INDEX "letters_kind_year_number_uq" ON "letters" USING btree ("kind","year","number") WHERE "letters"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "letters_addressee_org_idx" ON "letters" USING btree ("addressee_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_user_dedupe_uq" ON "notifications" USING btree ("user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_user_unread_idx" ON "notifications" USING btree ("user_id","read_at");--> statement-breakpoint
CREATE INDEX "plan_opinions_plan_idx" ON "plan_opinions" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_versions_plan_no_uq" ON "plan_versions" USING btree ("plan_id","no");--> statement-breakpoint
CREATE UNIQUE INDEX "rectification_periods_assignment_uq" ON "rectification_periods" USING btree ("assignment_id") WHERE "rectification_periods"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "rectification_plans_assignment_uq" ON "rectification_plans" USING btree ("assignment_id") WHERE "rectification_plans"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "revisit_items_revisit_idx" ON "revisit_items" USING btree ("revisit_id");--> statement-breakpoint
CREATE INDEX "revisit_items_row_idx" ON "revisit_items" USING btree ("row_id");--> statement-breakpoint
CREATE INDEX "revisits_round_idx" ON "revisits" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "rule_findings_rule_idx" ON "rule_findings" USING btree ("rule_id");--> statement-breakpoint
CREATE INDEX "rule_findings_finding_idx" ON "rule_findings" USING btree ("finding_id");--> statement-breakpoint
CREATE INDEX "rules_made_org_idx" ON "rules_made" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "ledger_rows_campaign_idx" ON "ledger_rows" USING btree ("campaign_id");