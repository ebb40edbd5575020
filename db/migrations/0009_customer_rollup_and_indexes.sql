CREATE TABLE "gold"."agg_customers_daily" (
	"date_key" integer NOT NULL,
	"store_key" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"segment" text NOT NULL,
	"customer_id" text NOT NULL,
	CONSTRAINT "agg_customers_daily_date_key_region_id_store_key_segment_customer_id_pk" PRIMARY KEY("date_key","region_id","store_key","segment","customer_id")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_customers_daily" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "app"."intake_minutes" (
	"minute" timestamp with time zone NOT NULL,
	"store_code" text NOT NULL,
	"events" integer NOT NULL,
	CONSTRAINT "intake_minutes_minute_store_code_pk" PRIMARY KEY("minute","store_code")
);
--> statement-breakpoint
DROP INDEX "gold"."fact_sales_date_region_idx";--> statement-breakpoint
DROP INDEX "gold"."fact_sales_store_date_idx";--> statement-breakpoint
CREATE INDEX "events_received_at_idx" ON "bronze"."events" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "fact_sales_date_time_idx" ON "gold"."fact_sales" USING btree ("date_key","occurred_at","sales_line_id");--> statement-breakpoint
CREATE INDEX "fact_sales_store_date_basket_idx" ON "gold"."fact_sales" USING btree ("store_key","date_key","transaction_id");--> statement-breakpoint
CREATE POLICY "agg_customers_daily_region_scope" ON "gold"."agg_customers_daily" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
ALTER POLICY "agg_baskets_daily_region_scope" ON "gold"."agg_baskets_daily" TO retailwave_app USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
ALTER POLICY "agg_sales_daily_region_scope" ON "gold"."agg_sales_daily" TO retailwave_app USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
ALTER POLICY "agg_sales_hourly_region_scope" ON "gold"."agg_sales_hourly" TO retailwave_app USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
ALTER POLICY "dim_region_region_scope" ON "gold"."dim_region" TO retailwave_app USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
ALTER POLICY "dim_store_region_scope" ON "gold"."dim_store" TO retailwave_app USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
ALTER POLICY "fact_inventory_region_scope" ON "gold"."fact_inventory" TO retailwave_app USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
ALTER POLICY "fact_sales_region_scope" ON "gold"."fact_sales" TO retailwave_app USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
ALTER POLICY "alerts_region_scope" ON "gold"."alerts" TO retailwave_app USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
ALTER POLICY "alerts_region_acknowledge" ON "gold"."alerts" TO retailwave_app USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[])) WITH CHECK (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
ALTER POLICY "sale_risk_region_scope" ON "gold"."sale_risk" TO retailwave_app USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
-- Hand-written: fill the new rollup from the facts already loaded, so distinct customers stay right on an existing database.
INSERT INTO "gold"."agg_customers_daily" ("date_key", "region_id", "store_key", "segment", "customer_id")
SELECT DISTINCT f."date_key", f."region_id", f."store_key", c."segment", c."customer_id"
FROM "gold"."fact_sales" f JOIN "gold"."dim_customer" c ON c."customer_sk" = f."customer_sk";--> statement-breakpoint
-- Hand-written: the last day's processed intake, so the monitor's events per minute start complete.
INSERT INTO "app"."intake_minutes" ("minute", "store_code", "events")
SELECT date_trunc('minute', e."received_at"), coalesce(e."envelope" #>> '{payload,storeCode}', e."envelope" #>> '{payload,homeStoreCode}', ''), count(*)::int
FROM "bronze"."events" e WHERE e."processed_at" IS NOT NULL AND e."received_at" > now() - interval '1 day'
GROUP BY 1, 2;
