DROP POLICY "agg_baskets_daily_region_scope" ON "gold"."agg_baskets_daily" CASCADE;--> statement-breakpoint
DROP TABLE "gold"."agg_baskets_daily" CASCADE;--> statement-breakpoint
DROP POLICY "agg_baskets_daily_region_region_scope" ON "gold"."agg_baskets_daily_region" CASCADE;--> statement-breakpoint
DROP TABLE "gold"."agg_baskets_daily_region" CASCADE;--> statement-breakpoint
DROP POLICY "agg_sales_daily_region_scope" ON "gold"."agg_sales_daily" CASCADE;--> statement-breakpoint
DROP TABLE "gold"."agg_sales_daily" CASCADE;--> statement-breakpoint
DROP POLICY "agg_sales_daily_region_region_scope" ON "gold"."agg_sales_daily_region" CASCADE;--> statement-breakpoint
DROP TABLE "gold"."agg_sales_daily_region" CASCADE;--> statement-breakpoint
DROP POLICY "agg_sales_hourly_region_scope" ON "gold"."agg_sales_hourly" CASCADE;--> statement-breakpoint
DROP TABLE "gold"."agg_sales_hourly" CASCADE;--> statement-breakpoint
DROP POLICY "agg_sales_hourly_region_region_scope" ON "gold"."agg_sales_hourly_region" CASCADE;--> statement-breakpoint
DROP TABLE "gold"."agg_sales_hourly_region" CASCADE;--> statement-breakpoint
DROP POLICY "agg_baskets_region_spans_region_scope" ON "gold"."agg_baskets_region_spans" CASCADE;--> statement-breakpoint
DROP TABLE "gold"."agg_baskets_region_spans" CASCADE;--> statement-breakpoint
DROP POLICY "agg_baskets_spans_region_scope" ON "gold"."agg_baskets_spans" CASCADE;--> statement-breakpoint
DROP TABLE "gold"."agg_baskets_spans" CASCADE;--> statement-breakpoint
DROP POLICY "agg_sales_hourly_region_spans_region_scope" ON "gold"."agg_sales_hourly_region_spans" CASCADE;--> statement-breakpoint
DROP TABLE "gold"."agg_sales_hourly_region_spans" CASCADE;--> statement-breakpoint
DROP POLICY "agg_sales_region_spans_region_scope" ON "gold"."agg_sales_region_spans" CASCADE;--> statement-breakpoint
DROP TABLE "gold"."agg_sales_region_spans" CASCADE;--> statement-breakpoint
ALTER TABLE "silver"."stores" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "gold"."dim_store" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "gold"."fact_sales" ADD COLUMN "weekday" smallint;--> statement-breakpoint
-- Facts loaded before stores had time zones were timed in the reporting time zone: their weekday is their day's.
UPDATE "gold"."fact_sales" SET "weekday" = extract(isodow from to_date("date_key"::text, 'YYYYMMDD'));--> statement-breakpoint
ALTER TABLE "gold"."fact_sales" ALTER COLUMN "weekday" SET NOT NULL;