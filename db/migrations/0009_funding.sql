CREATE TABLE "funding_setting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"cost_basis" text DEFAULT 'establishment' NOT NULL,
	"uplift_bp" integer DEFAULT 0 NOT NULL,
	"costs_from" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_setting_cost_basis" CHECK ("funding_setting"."cost_basis" in ('establishment', 'in-post')),
	CONSTRAINT "funding_setting_uplift" CHECK ("funding_setting"."uplift_bp" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "funding_spend" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"stream_id" uuid NOT NULL,
	"spent_on" date NOT NULL,
	"amount_pence" bigint NOT NULL,
	"description" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_spend_amount" CHECK ("funding_spend"."amount_pence" >= 0)
);
--> statement-breakpoint
CREATE TABLE "funding_stream" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"name" text NOT NULL,
	"funder" text NOT NULL,
	"kind" text NOT NULL,
	"total_pence" bigint NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"shares_bp" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_stream_kind" CHECK ("funding_stream"."kind" in ('tapered', 'fixed', 'reserves')),
	CONSTRAINT "funding_stream_total" CHECK ("funding_stream"."total_pence" >= 0)
);
--> statement-breakpoint
CREATE TABLE "partner_contribution" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"financial_year" integer NOT NULL,
	"amount_pence" bigint NOT NULL,
	"status" text NOT NULL,
	"recurrent" boolean DEFAULT false NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_contribution_status" CHECK ("partner_contribution"."status" in ('proposed', 'agreed', 'received')),
	CONSTRAINT "partner_contribution_amount" CHECK ("partner_contribution"."amount_pence" >= 0)
);
--> statement-breakpoint
CREATE TABLE "post_cost" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"annual_pence" bigint NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "post_cost_amount" CHECK ("post_cost"."annual_pence" >= 0)
);
--> statement-breakpoint
CREATE TABLE "reported_figure" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"financial_year" integer NOT NULL,
	"measure" text DEFAULT 'shortfall' NOT NULL,
	"amount_pence" bigint NOT NULL,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reported_figure_measure" CHECK ("reported_figure"."measure" in ('shortfall', 'cost', 'grant')),
	CONSTRAINT "reported_figure_amount" CHECK ("reported_figure"."amount_pence" >= 0)
);
--> statement-breakpoint
CREATE TABLE "role_cost_rate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"role" text NOT NULL,
	"annual_pence" bigint NOT NULL,
	"price_base" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_cost_rate_amount" CHECK ("role_cost_rate"."annual_pence" >= 0)
);
--> statement-breakpoint
ALTER TABLE "funding_setting" ADD CONSTRAINT "funding_setting_authority_id_authority_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authority"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_spend" ADD CONSTRAINT "funding_spend_authority_id_authority_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authority"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_spend" ADD CONSTRAINT "funding_spend_stream_id_funding_stream_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."funding_stream"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_stream" ADD CONSTRAINT "funding_stream_authority_id_authority_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authority"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contribution" ADD CONSTRAINT "partner_contribution_authority_id_authority_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authority"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contribution" ADD CONSTRAINT "partner_contribution_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_cost" ADD CONSTRAINT "post_cost_authority_id_authority_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authority"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_cost" ADD CONSTRAINT "post_cost_post_id_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."post"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reported_figure" ADD CONSTRAINT "reported_figure_authority_id_authority_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authority"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_cost_rate" ADD CONSTRAINT "role_cost_rate_authority_id_authority_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authority"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "funding_setting_authority_unique" ON "funding_setting" USING btree ("authority_id");--> statement-breakpoint
CREATE INDEX "funding_spend_authority_idx" ON "funding_spend" USING btree ("authority_id","stream_id","spent_on");--> statement-breakpoint
CREATE INDEX "funding_stream_authority_idx" ON "funding_stream" USING btree ("authority_id","start_date");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_stream_authority_name_unique" ON "funding_stream" USING btree ("authority_id","name");--> statement-breakpoint
CREATE INDEX "partner_contribution_authority_idx" ON "partner_contribution" USING btree ("authority_id","financial_year");--> statement-breakpoint
CREATE INDEX "partner_contribution_organisation_idx" ON "partner_contribution" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "post_cost_authority_idx" ON "post_cost" USING btree ("authority_id","post_id");--> statement-breakpoint
CREATE UNIQUE INDEX "post_cost_post_from_unique" ON "post_cost" USING btree ("post_id","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "reported_figure_authority_year_unique" ON "reported_figure" USING btree ("authority_id","measure","financial_year");--> statement-breakpoint
CREATE UNIQUE INDEX "role_cost_rate_authority_role_unique" ON "role_cost_rate" USING btree ("authority_id","role");