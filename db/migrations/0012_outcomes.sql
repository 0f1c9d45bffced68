CREATE TABLE "child_population" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"population" integer NOT NULL,
	"source" text NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "child_population_positive_check" CHECK ("child_population"."population" > 0)
);
--> statement-breakpoint
CREATE TABLE "outcome_baseline" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"observation_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcome_indicator" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid,
	"key" text,
	"name" text NOT NULL,
	"description" text,
	"unit" text NOT NULL,
	"period_type" text NOT NULL,
	"direction" text NOT NULL,
	"parent_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outcome_indicator_unit_check" CHECK ("outcome_indicator"."unit" in ('count', 'percent', 'rate', 'days')),
	CONSTRAINT "outcome_indicator_period_type_check" CHECK ("outcome_indicator"."period_type" in ('snapshot', 'flow')),
	CONSTRAINT "outcome_indicator_direction_check" CHECK ("outcome_indicator"."direction" in ('lower', 'higher'))
);
--> statement-breakpoint
CREATE TABLE "outcome_observation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"value" numeric(14, 2) NOT NULL,
	"source" text,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outcome_observation_period_check" CHECK ("outcome_observation"."period_start" <= "outcome_observation"."period_end")
);
--> statement-breakpoint
ALTER TABLE "child_population" ADD CONSTRAINT "child_population_authority_id_authority_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authority"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_baseline" ADD CONSTRAINT "outcome_baseline_authority_id_authority_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authority"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_baseline" ADD CONSTRAINT "outcome_baseline_indicator_id_outcome_indicator_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."outcome_indicator"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_baseline" ADD CONSTRAINT "outcome_baseline_observation_id_outcome_observation_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."outcome_observation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_indicator" ADD CONSTRAINT "outcome_indicator_authority_id_authority_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authority"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_observation" ADD CONSTRAINT "outcome_observation_authority_id_authority_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authority"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_observation" ADD CONSTRAINT "outcome_observation_indicator_id_outcome_indicator_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."outcome_indicator"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "child_population_year_unique" ON "child_population" USING btree ("authority_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "outcome_baseline_indicator_unique" ON "outcome_baseline" USING btree ("authority_id","indicator_id");--> statement-breakpoint
CREATE INDEX "outcome_indicator_authority_idx" ON "outcome_indicator" USING btree ("authority_id","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "outcome_indicator_key_unique" ON "outcome_indicator" USING btree ("key");--> statement-breakpoint
CREATE INDEX "outcome_observation_authority_idx" ON "outcome_observation" USING btree ("authority_id","indicator_id","period_end");--> statement-breakpoint
CREATE UNIQUE INDEX "outcome_observation_period_unique" ON "outcome_observation" USING btree ("authority_id","indicator_id","period_start","period_end");