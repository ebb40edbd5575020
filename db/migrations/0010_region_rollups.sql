CREATE TABLE "gold"."agg_baskets_daily_region" (
	"date_key" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"segment" text NOT NULL,
	"lines" integer NOT NULL,
	"units" integer NOT NULL,
	"transactions" integer NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_baskets_daily_region_date_key_region_id_segment_pk" PRIMARY KEY("date_key","region_id","segment")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_baskets_daily_region" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_sales_daily_region" (
	"date_key" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"category" text NOT NULL,
	"segment" text NOT NULL,
	"lines" integer NOT NULL,
	"units" integer NOT NULL,
	"transactions" integer NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_sales_daily_region_date_key_region_id_category_segment_pk" PRIMARY KEY("date_key","region_id","category","segment")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_sales_daily_region" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_sales_hourly_region" (
	"date_key" integer NOT NULL,
	"hour" smallint NOT NULL,
	"region_id" smallint NOT NULL,
	"lines" integer NOT NULL,
	"units" integer NOT NULL,
	"transactions" integer NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_sales_hourly_region_date_key_region_id_hour_pk" PRIMARY KEY("date_key","region_id","hour")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_sales_hourly_region" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "agg_baskets_daily_region_region_scope" ON "gold"."agg_baskets_daily_region" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_sales_daily_region_region_scope" ON "gold"."agg_sales_daily_region" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_sales_hourly_region_region_scope" ON "gold"."agg_sales_hourly_region" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
-- Hand-written: the region-grain rollups start as the sums of the store-grain rows already there, written
-- in date order so that a date range reads neighbouring pages.
INSERT INTO "gold"."agg_sales_daily_region" (date_key, region_id, category, segment, lines, units, transactions, gross, discount, net, cost)
SELECT date_key, region_id, category, segment, sum(lines), sum(units), sum(transactions), sum(gross), sum(discount), sum(net), sum(cost)
FROM "gold"."agg_sales_daily" GROUP BY 1, 2, 3, 4 ORDER BY 1, 2;--> statement-breakpoint
INSERT INTO "gold"."agg_baskets_daily_region" (date_key, region_id, segment, lines, units, transactions, gross, discount, net, cost)
SELECT date_key, region_id, segment, sum(lines), sum(units), sum(transactions), sum(gross), sum(discount), sum(net), sum(cost)
FROM "gold"."agg_baskets_daily" GROUP BY 1, 2, 3 ORDER BY 1, 2;--> statement-breakpoint
INSERT INTO "gold"."agg_sales_hourly_region" (date_key, hour, region_id, lines, units, transactions, gross, discount, net, cost)
SELECT date_key, hour, region_id, sum(lines), sum(units), sum(transactions), sum(gross), sum(discount), sum(net), sum(cost)
FROM "gold"."agg_sales_hourly" GROUP BY 1, 2, 3 ORDER BY 1, 3;
--> statement-breakpoint
ANALYZE "gold"."agg_sales_daily_region", "gold"."agg_baskets_daily_region", "gold"."agg_sales_hourly_region";
