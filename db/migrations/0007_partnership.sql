CREATE TABLE "board_meeting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"decisions" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "board_meeting_attendance" (
	"authority_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"board_member_id" uuid NOT NULL,
	CONSTRAINT "board_meeting_attendance_meeting_id_board_member_id_pk" PRIMARY KEY("meeting_id","board_member_id")
);
--> statement-breakpoint
CREATE TABLE "board_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"job_title" text NOT NULL,
	"email" text NOT NULL,
	"active_from" date NOT NULL,
	"active_to" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charter" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"reminder_after_days" integer DEFAULT 14 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "charter_reminder_days_range" CHECK ("charter"."reminder_after_days" between 1 and 365)
);
--> statement-breakpoint
CREATE TABLE "charter_reminder" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"charter_version_id" uuid NOT NULL,
	"board_member_id" uuid NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"trigger" text NOT NULL,
	"sent_by_label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charter_signature" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"charter_version_id" uuid NOT NULL,
	"board_member_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"organisation_name" text NOT NULL,
	"signer_name" text NOT NULL,
	"signer_role" text NOT NULL,
	"signer_email" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text,
	"text_hash" text NOT NULL,
	"consent_statement" text NOT NULL,
	"method" text NOT NULL,
	"user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "charter_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"charter_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"commitments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"minimum_term_months" integer NOT NULL,
	"review_interval_months" integer NOT NULL,
	"canonical_text" text,
	"text_hash" text,
	"published_at" timestamp with time zone,
	"published_by_user_id" uuid,
	"published_by_label" text,
	"created_by_label" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "charter_version_published_hash" CHECK ("charter_version"."published_at" is null or ("charter_version"."canonical_text" is not null and "charter_version"."text_hash" = encode(sha256(convert_to("charter_version"."canonical_text", 'UTF8')), 'hex')))
);
--> statement-breakpoint
CREATE TABLE "charter_withdrawal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"signature_id" uuid NOT NULL,
	"charter_version_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"withdrawn_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"board_member_id" uuid,
	"recorded_by_user_id" uuid,
	"recorded_by_label" text NOT NULL,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "partnership_board" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signing_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"charter_version_id" uuid NOT NULL,
	"board_member_id" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"last_sent_at" timestamp with time zone NOT NULL,
	"reminder_count" integer DEFAULT 0 NOT NULL,
	"first_viewed_at" timestamp with time zone,
	"last_viewed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "board_meeting" ADD CONSTRAINT "board_meeting_authority_id_authority_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authority"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_meeting_attendance" ADD CONSTRAINT "board_meeting_attendance_authority_id_authority_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authority"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_meeting_attendance" ADD CONSTRAINT "board_meeting_attendance_meeting_id_board_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."board_meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_meeting_attendance" ADD CONSTRAINT "board_meeting_attendance_board_member_id_board_member_id_fk" FOREIGN KEY ("board_member_id") REFERENCES "public"."board_member"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_member" ADD CONSTRAINT "board_member_authority_id_authority_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authority"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_member" ADD CONSTRAINT "board_member_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter" ADD CONSTRAINT "charter_authority_id_authority_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authority"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_reminder" ADD CONSTRAINT "charter_reminder_authority_id_authority_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authority"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_reminder" ADD CONSTRAINT "charter_reminder_charter_version_id_charter_version_id_fk" FOREIGN KEY ("charter_version_id") REFERENCES "public"."charter_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_reminder" ADD CONSTRAINT "charter_reminder_board_member_id_board_member_id_fk" FOREIGN KEY ("board_member_id") REFERENCES "public"."board_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_signature" ADD CONSTRAINT "charter_signature_authority_id_authority_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authority"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_signature" ADD CONSTRAINT "charter_signature_charter_version_id_charter_version_id_fk" FOREIGN KEY ("charter_version_id") REFERENCES "public"."charter_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_signature" ADD CONSTRAINT "charter_signature_board_member_id_board_member_id_fk" FOREIGN KEY ("board_member_id") REFERENCES "public"."board_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_signature" ADD CONSTRAINT "charter_signature_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_version" ADD CONSTRAINT "charter_version_authority_id_authority_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authority"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_version" ADD CONSTRAINT "charter_version_charter_id_charter_id_fk" FOREIGN KEY ("charter_id") REFERENCES "public"."charter"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_withdrawal" ADD CONSTRAINT "charter_withdrawal_authority_id_authority_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authority"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_withdrawal" ADD CONSTRAINT "charter_withdrawal_signature_id_charter_signature_id_fk" FOREIGN KEY ("signature_id") REFERENCES "public"."charter_signature"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_withdrawal" ADD CONSTRAINT "charter_withdrawal_charter_version_id_charter_version_id_fk" FOREIGN KEY ("charter_version_id") REFERENCES "public"."charter_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_withdrawal" ADD CONSTRAINT "charter_withdrawal_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_withdrawal" ADD CONSTRAINT "charter_withdrawal_board_member_id_board_member_id_fk" FOREIGN KEY ("board_member_id") REFERENCES "public"."board_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_board" ADD CONSTRAINT "partnership_board_authority_id_authority_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authority"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_request" ADD CONSTRAINT "signing_request_authority_id_authority_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authority"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_request" ADD CONSTRAINT "signing_request_charter_version_id_charter_version_id_fk" FOREIGN KEY ("charter_version_id") REFERENCES "public"."charter_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_request" ADD CONSTRAINT "signing_request_board_member_id_board_member_id_fk" FOREIGN KEY ("board_member_id") REFERENCES "public"."board_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "board_meeting_authority_idx" ON "board_meeting" USING btree ("authority_id","held_on");--> statement-breakpoint
CREATE INDEX "board_meeting_attendance_authority_idx" ON "board_meeting_attendance" USING btree ("authority_id","board_member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "board_member_authority_email_unique" ON "board_member" USING btree ("authority_id","email");--> statement-breakpoint
CREATE INDEX "board_member_authority_org_idx" ON "board_member" USING btree ("authority_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "charter_authority_unique" ON "charter" USING btree ("authority_id");--> statement-breakpoint
CREATE INDEX "charter_reminder_authority_idx" ON "charter_reminder" USING btree ("authority_id","charter_version_id","board_member_id");--> statement-breakpoint
CREATE INDEX "charter_signature_authority_idx" ON "charter_signature" USING btree ("authority_id","charter_version_id");--> statement-breakpoint
CREATE INDEX "charter_signature_org_idx" ON "charter_signature" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "charter_version_authority_number_unique" ON "charter_version" USING btree ("authority_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "charter_version_one_draft" ON "charter_version" USING btree ("authority_id") WHERE "charter_version"."published_at" is null;--> statement-breakpoint
CREATE INDEX "charter_version_authority_idx" ON "charter_version" USING btree ("authority_id","published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "charter_withdrawal_signature_unique" ON "charter_withdrawal" USING btree ("signature_id");--> statement-breakpoint
CREATE INDEX "charter_withdrawal_authority_idx" ON "charter_withdrawal" USING btree ("authority_id","charter_version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partnership_board_authority_unique" ON "partnership_board" USING btree ("authority_id");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_request_version_member_unique" ON "signing_request" USING btree ("charter_version_id","board_member_id");--> statement-breakpoint
CREATE INDEX "signing_request_authority_idx" ON "signing_request" USING btree ("authority_id","charter_version_id");