CREATE TABLE "gold"."alerts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"region_id" smallint NOT NULL,
	"store_key" integer,
	"subject" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"reason" text NOT NULL,
	"severity" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	CONSTRAINT "alerts_kind_check" CHECK (kind in ('fraud', 'low_stock', 'anomaly')),
	CONSTRAINT "alerts_severity_check" CHECK (severity in ('medium', 'high'))
);
--> statement-breakpoint
ALTER TABLE "gold"."alerts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."sale_risk" (
	"transaction_id" text PRIMARY KEY NOT NULL,
	"region_id" smallint NOT NULL,
	"store_key" integer NOT NULL,
	"customer_id" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"score" smallint NOT NULL,
	"reasons" jsonb NOT NULL,
	"scored_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sale_risk_score_range" CHECK (score between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "gold"."sale_risk" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "gold"."alerts" ADD CONSTRAINT "alerts_region_id_dim_region_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "gold"."dim_region"("region_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gold"."alerts" ADD CONSTRAINT "alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "app"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_unresolved_dedupe_idx" ON "gold"."alerts" USING btree ("dedupe_key") WHERE resolved_at is null;--> statement-breakpoint
CREATE INDEX "alerts_region_kind_created_idx" ON "gold"."alerts" USING btree ("region_id","kind","created_at");--> statement-breakpoint
CREATE INDEX "sale_risk_region_score_idx" ON "gold"."sale_risk" USING btree ("region_id","score","occurred_at");--> statement-breakpoint
CREATE POLICY "alerts_region_scope" ON "gold"."alerts" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any (coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[]));--> statement-breakpoint
CREATE POLICY "alerts_region_acknowledge" ON "gold"."alerts" AS PERMISSIVE FOR UPDATE TO "retailwave_app" USING (region_id = any (coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])) WITH CHECK (region_id = any (coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[]));--> statement-breakpoint
CREATE POLICY "sale_risk_region_scope" ON "gold"."sale_risk" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any (coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[]));--> statement-breakpoint
-- Hand-written (drizzle-kit emits no grants): the scoped role may acknowledge an alert in its regions
-- (the alerts_region_acknowledge policy) and change nothing else. SELECT comes from 0002's default privileges.
GRANT UPDATE ("acknowledged_at", "acknowledged_by") ON "gold"."alerts" TO "retailwave_app";
