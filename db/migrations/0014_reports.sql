CREATE TABLE "report_narrative" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"report" text NOT NULL,
	"period" text NOT NULL,
	"section" text NOT NULL,
	"body" text NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_narrative_report_check" CHECK ("report_narrative"."report" in ('quarterly', 'committee'))
);
--> statement-breakpoint
ALTER TABLE "report_narrative" ADD CONSTRAINT "report_narrative_authority_id_authority_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authority"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_narrative" ADD CONSTRAINT "report_narrative_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_narrative_authority_unique" ON "report_narrative" USING btree ("authority_id","report","period","section");