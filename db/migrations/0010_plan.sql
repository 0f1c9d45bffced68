CREATE TABLE "hub" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"name" text NOT NULL,
	"team_id" uuid,
	"planned_opening" date,
	"forecast_opening" date,
	"actual_opening" date,
	"co_located_services" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "milestone" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"workstream_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner" text,
	"due_date" date,
	"baseline_due_date" date,
	"done_on" date,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "raid_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"owner" text,
	"likelihood" integer,
	"impact" integer NOT NULL,
	"mitigation" text,
	"status" text DEFAULT 'open' NOT NULL,
	"raised_on" date NOT NULL,
	"review_date" date,
	"closed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "raid_item_kind_check" CHECK ("raid_item"."kind" in ('risk', 'issue')),
	CONSTRAINT "raid_item_status_check" CHECK (("raid_item"."status" = 'open' and "raid_item"."closed_on" is null) or ("raid_item"."status" = 'closed' and "raid_item"."closed_on" is not null)),
	CONSTRAINT "raid_item_scale_check" CHECK ("raid_item"."impact" between 1 and 5 and ("raid_item"."kind" = 'issue' and "raid_item"."likelihood" is null or "raid_item"."kind" = 'risk' and "raid_item"."likelihood" between 1 and 5))
);
--> statement-breakpoint
CREATE TABLE "workstream" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"name" text NOT NULL,
	"lead" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hub" ADD CONSTRAINT "hub_authority_id_authority_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authority"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub" ADD CONSTRAINT "hub_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_authority_id_authority_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authority"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_workstream_id_workstream_id_fk" FOREIGN KEY ("workstream_id") REFERENCES "public"."workstream"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "raid_item" ADD CONSTRAINT "raid_item_authority_id_authority_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authority"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workstream" ADD CONSTRAINT "workstream_authority_id_authority_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authority"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hub_authority_idx" ON "hub" USING btree ("authority_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hub_authority_name_unique" ON "hub" USING btree ("authority_id","name");--> statement-breakpoint
CREATE INDEX "milestone_authority_idx" ON "milestone" USING btree ("authority_id","due_date");--> statement-breakpoint
CREATE INDEX "milestone_workstream_idx" ON "milestone" USING btree ("workstream_id");--> statement-breakpoint
CREATE INDEX "raid_item_authority_idx" ON "raid_item" USING btree ("authority_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "raid_item_authority_number_unique" ON "raid_item" USING btree ("authority_id","kind","number");--> statement-breakpoint
CREATE INDEX "workstream_authority_idx" ON "workstream" USING btree ("authority_id","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "workstream_authority_name_unique" ON "workstream" USING btree ("authority_id","name");