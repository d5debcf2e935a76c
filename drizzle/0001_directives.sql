CREATE TABLE "directives" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"meeting_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"target" text NOT NULL,
	"org_id" uuid,
	"action" text NOT NULL,
	"owner" text NOT NULL,
	"owner_user_id" uuid,
	"due_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"report" text,
	"reported_at" timestamp with time zone,
	"reported_by" uuid,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"return_reason" text
);
--> statement-breakpoint
CREATE TABLE "secretary_meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"notes" text
);
--> statement-breakpoint
ALTER TABLE "directives" ADD CONSTRAINT "directives_meeting_id_secretary_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."secretary_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directives" ADD CONSTRAINT "directives_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directives" ADD CONSTRAINT "directives_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directives_meeting_idx" ON "directives" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "directives_status_idx" ON "directives" USING btree ("status");--> statement-breakpoint
CREATE INDEX "directives_owner_user_idx" ON "directives" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "secretary_meetings_held_on_idx" ON "secretary_meetings" USING btree ("held_on");