CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"owner_type" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"content_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"consultation_id" uuid NOT NULL,
	"lead_id" uuid,
	"finding_id" uuid,
	"decision" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"assignment_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"attendees" text,
	"summary" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coverage_plan_years" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"term_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"org_kind" text NOT NULL,
	"planned" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coverage_scopes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"term_id" uuid NOT NULL,
	"org_kind" text NOT NULL,
	"root_org_id" uuid
);
--> statement-breakpoint
CREATE TABLE "finding_categories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"code" text NOT NULL,
	"parent_code" text,
	"name" text NOT NULL,
	"seq" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lead_people" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"lead_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" text,
	"rank" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"assignment_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"lead_class" text NOT NULL,
	"summary" text NOT NULL,
	"responsible_person" text,
	"responsible_unit" text,
	"pre_review" text,
	"transferred_on" date,
	"receiving_office" text,
	"during_inspection" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"preliminary_on" date,
	"filed_on" date,
	"concluded_on" date,
	"concluded_form" text,
	"handling_note" text
);
--> statement-breakpoint
CREATE TABLE "petition_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"assignment_id" uuid NOT NULL,
	"token" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"assignment_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"receipt_code" text NOT NULL,
	"anonymous" boolean NOT NULL,
	"identity_cipher" text,
	"content" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"handling_note" text,
	"transferred_to" text,
	"finding_id" uuid,
	"lead_id" uuid,
	"reply" text,
	"replied_at" timestamp with time zone,
	"client_hash" text
);
--> statement-breakpoint
CREATE TABLE "pool_people" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"unit_org_id" uuid,
	"position" text,
	"rank" text,
	"party_status" text NOT NULL,
	"specialties" jsonb NOT NULL,
	"status" text DEFAULT 'reserve' NOT NULL,
	"removed_reason" text,
	"removed_on" date,
	"leader_pool" boolean DEFAULT false NOT NULL,
	"user_id" uuid,
	"phone" text
);
--> statement-breakpoint
CREATE TABLE "pool_relations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"person_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "pre_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"assignment_id" uuid NOT NULL,
	"department" text NOT NULL,
	"subject" text NOT NULL,
	"sent_on" date NOT NULL,
	"due_date" date NOT NULL,
	"reply_text" text,
	"replied_on" date
);
--> statement-breakpoint
CREATE TABLE "site_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"assignment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"author_id" uuid,
	"subject" text NOT NULL,
	"content" text NOT NULL,
	"results" jsonb
);
--> statement-breakpoint
CREATE TABLE "team_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"assignment_id" uuid NOT NULL,
	"overall" text,
	"portrait" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_on" date
);
--> statement-breakpoint
CREATE TABLE "training_attendees" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"training_id" uuid NOT NULL,
	"person_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trainings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"days" integer,
	"organiser" text
);
--> statement-breakpoint
ALTER TABLE "team_members" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "hearing_date" date;--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "subcategory" text;--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "suggestion" text;--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "immediate_fix" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "fixed_on" date;--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "fix_note" text;--> statement-breakpoint
ALTER TABLE "team_members" ADD COLUMN "pool_person_id" uuid;--> statement-breakpoint
ALTER TABLE "team_members" ADD COLUMN "specialist_reason" text;--> statement-breakpoint
ALTER TABLE "team_members" ADD COLUMN "override_reason" text;--> statement-breakpoint
ALTER TABLE "consultation_decisions" ADD CONSTRAINT "consultation_decisions_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_decisions" ADD CONSTRAINT "consultation_decisions_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_decisions" ADD CONSTRAINT "consultation_decisions_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_plan_years" ADD CONSTRAINT "coverage_plan_years_term_id_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_scopes" ADD CONSTRAINT "coverage_scopes_term_id_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_scopes" ADD CONSTRAINT "coverage_scopes_root_org_id_orgs_id_fk" FOREIGN KEY ("root_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_people" ADD CONSTRAINT "lead_people_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_links" ADD CONSTRAINT "petition_links_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_people" ADD CONSTRAINT "pool_people_unit_org_id_orgs_id_fk" FOREIGN KEY ("unit_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_people" ADD CONSTRAINT "pool_people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_relations" ADD CONSTRAINT "pool_relations_person_id_pool_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."pool_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_relations" ADD CONSTRAINT "pool_relations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_requests" ADD CONSTRAINT "pre_requests_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_records" ADD CONSTRAINT "site_records_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_records" ADD CONSTRAINT "site_records_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_reports" ADD CONSTRAINT "team_reports_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendees" ADD CONSTRAINT "training_attendees_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendees" ADD CONSTRAINT "training_attendees_person_id_pool_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."pool_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_owner_idx" ON "attachments" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "consultation_decisions_consultation_idx" ON "consultation_decisions" USING btree ("consultation_id");--> statement-breakpoint
CREATE INDEX "consultations_assignment_idx" ON "consultations" USING btree ("assignment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coverage_plan_years_uq" ON "coverage_plan_years" USING btree ("term_id","year","org_kind") WHERE "coverage_plan_years"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "coverage_scopes_uq" ON "coverage_scopes" USING btree ("term_id","org_kind") WHERE "coverage_scopes"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "finding_categories_code_uq" ON "finding_categories" USING btree ("code") WHERE "finding_categories"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "lead_people_lead_idx" ON "lead_people" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "leads_assignment_idx" ON "leads" USING btree ("assignment_id");--> statement-breakpoint
CREATE INDEX "leads_status_idx" ON "leads" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "petition_links_token_uq" ON "petition_links" USING btree ("token");--> statement-breakpoint
CREATE INDEX "petition_links_assignment_idx" ON "petition_links" USING btree ("assignment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "petitions_receipt_uq" ON "petitions" USING btree ("receipt_code");--> statement-breakpoint
CREATE INDEX "petitions_assignment_idx" ON "petitions" USING btree ("assignment_id");--> statement-breakpoint
CREATE INDEX "petitions_client_idx" ON "petitions" USING btree ("client_hash","created_at");--> statement-breakpoint
CREATE INDEX "pool_people_status_idx" ON "pool_people" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "pool_people_user_uq" ON "pool_people" USING btree ("user_id") WHERE "pool_people"."user_id" is not null and "pool_people"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "pool_relations_person_idx" ON "pool_relations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "pool_relations_org_idx" ON "pool_relations" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "pre_requests_assignment_idx" ON "pre_requests" USING btree ("assignment_id");--> statement-breakpoint
CREATE INDEX "site_records_assignment_idx" ON "site_records" USING btree ("assignment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "team_reports_assignment_uq" ON "team_reports" USING btree ("assignment_id") WHERE "team_reports"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "training_attendees_uq" ON "training_attendees" USING btree ("training_id","person_id") WHERE "training_attendees"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "training_attendees_person_idx" ON "training_attendees" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "team_members_pool_once_uq" ON "team_members" USING btree ("team_id","pool_person_id") WHERE "team_members"."pool_person_id" is not null and "team_members"."deleted_at" is null;