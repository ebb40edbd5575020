CREATE TABLE "gold"."agg_baskets_region_spans" (
	"level" smallint NOT NULL,
	"first_day" date NOT NULL,
	"region_id" smallint NOT NULL,
	"segment" text NOT NULL,
	"lines" integer NOT NULL,
	"units" integer NOT NULL,
	"transactions" integer NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_baskets_region_spans_level_first_day_region_id_segment_pk" PRIMARY KEY("level","first_day","region_id","segment")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_baskets_region_spans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_baskets_spans" (
	"level" smallint NOT NULL,
	"first_day" date NOT NULL,
	"store_key" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"segment" text NOT NULL,
	"lines" integer NOT NULL,
	"units" integer NOT NULL,
	"transactions" integer NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_baskets_spans_level_first_day_store_key_segment_pk" PRIMARY KEY("level","first_day","store_key","segment")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_baskets_spans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_sales_hourly_region_spans" (
	"level" smallint NOT NULL,
	"first_day" date NOT NULL,
	"region_id" smallint NOT NULL,
	"hour" smallint NOT NULL,
	"lines" integer NOT NULL,
	"units" integer NOT NULL,
	"transactions" integer NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_sales_hourly_region_spans_level_first_day_region_id_hour_pk" PRIMARY KEY("level","first_day","region_id","hour")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_sales_hourly_region_spans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_sales_region_spans" (
	"level" smallint NOT NULL,
	"first_day" date NOT NULL,
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
	CONSTRAINT "agg_sales_region_spans_level_first_day_region_id_category_segment_pk" PRIMARY KEY("level","first_day","region_id","category","segment")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_sales_region_spans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "agg_baskets_region_spans_region_scope" ON "gold"."agg_baskets_region_spans" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_baskets_spans_region_scope" ON "gold"."agg_baskets_spans" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_sales_hourly_region_spans_region_scope" ON "gold"."agg_sales_hourly_region_spans" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_sales_region_spans_region_scope" ON "gold"."agg_sales_region_spans" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
-- Hand-written: build the spans of the day rollups already kept, level 1 from the days, each level after
-- from the one below (lib/etl/span-rollups.ts does the same for every later change).
INSERT INTO "gold"."agg_baskets_spans" (level, first_day, store_key, region_id, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 1, date '1970-01-01' + ((to_date(r.date_key::text, 'YYYYMMDD') - date '1970-01-01') / 2) * 2, r.store_key, r.region_id, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_baskets_daily" r
GROUP BY 2, 3, 4, 5 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_baskets_spans" (level, first_day, store_key, region_id, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 2, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 4) * 4, r.store_key, r.region_id, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_baskets_spans" r WHERE r.level = 1
GROUP BY 2, 3, 4, 5 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_baskets_spans" (level, first_day, store_key, region_id, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 3, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 8) * 8, r.store_key, r.region_id, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_baskets_spans" r WHERE r.level = 2
GROUP BY 2, 3, 4, 5 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_baskets_spans" (level, first_day, store_key, region_id, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 4, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 16) * 16, r.store_key, r.region_id, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_baskets_spans" r WHERE r.level = 3
GROUP BY 2, 3, 4, 5 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_baskets_spans" (level, first_day, store_key, region_id, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 5, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 32) * 32, r.store_key, r.region_id, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_baskets_spans" r WHERE r.level = 4
GROUP BY 2, 3, 4, 5 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_baskets_spans" (level, first_day, store_key, region_id, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 6, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 64) * 64, r.store_key, r.region_id, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_baskets_spans" r WHERE r.level = 5
GROUP BY 2, 3, 4, 5 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_baskets_spans" (level, first_day, store_key, region_id, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 7, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 128) * 128, r.store_key, r.region_id, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_baskets_spans" r WHERE r.level = 6
GROUP BY 2, 3, 4, 5 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_baskets_spans" (level, first_day, store_key, region_id, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 8, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 256) * 256, r.store_key, r.region_id, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_baskets_spans" r WHERE r.level = 7
GROUP BY 2, 3, 4, 5 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_baskets_spans" (level, first_day, store_key, region_id, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 9, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 512) * 512, r.store_key, r.region_id, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_baskets_spans" r WHERE r.level = 8
GROUP BY 2, 3, 4, 5 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_baskets_spans" (level, first_day, store_key, region_id, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 10, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 1024) * 1024, r.store_key, r.region_id, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_baskets_spans" r WHERE r.level = 9
GROUP BY 2, 3, 4, 5 ORDER BY 2;--> statement-breakpoint
ANALYZE "gold"."agg_baskets_spans";--> statement-breakpoint
INSERT INTO "gold"."agg_baskets_region_spans" (level, first_day, region_id, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 1, date '1970-01-01' + ((to_date(r.date_key::text, 'YYYYMMDD') - date '1970-01-01') / 2) * 2, r.region_id, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_baskets_daily_region" r
GROUP BY 2, 3, 4 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_baskets_region_spans" (level, first_day, region_id, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 2, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 4) * 4, r.region_id, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_baskets_region_spans" r WHERE r.level = 1
GROUP BY 2, 3, 4 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_baskets_region_spans" (level, first_day, region_id, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 3, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 8) * 8, r.region_id, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_baskets_region_spans" r WHERE r.level = 2
GROUP BY 2, 3, 4 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_baskets_region_spans" (level, first_day, region_id, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 4, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 16) * 16, r.region_id, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_baskets_region_spans" r WHERE r.level = 3
GROUP BY 2, 3, 4 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_baskets_region_spans" (level, first_day, region_id, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 5, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 32) * 32, r.region_id, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_baskets_region_spans" r WHERE r.level = 4
GROUP BY 2, 3, 4 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_baskets_region_spans" (level, first_day, region_id, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 6, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 64) * 64, r.region_id, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_baskets_region_spans" r WHERE r.level = 5
GROUP BY 2, 3, 4 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_baskets_region_spans" (level, first_day, region_id, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 7, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 128) * 128, r.region_id, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_baskets_region_spans" r WHERE r.level = 6
GROUP BY 2, 3, 4 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_baskets_region_spans" (level, first_day, region_id, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 8, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 256) * 256, r.region_id, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_baskets_region_spans" r WHERE r.level = 7
GROUP BY 2, 3, 4 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_baskets_region_spans" (level, first_day, region_id, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 9, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 512) * 512, r.region_id, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_baskets_region_spans" r WHERE r.level = 8
GROUP BY 2, 3, 4 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_baskets_region_spans" (level, first_day, region_id, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 10, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 1024) * 1024, r.region_id, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_baskets_region_spans" r WHERE r.level = 9
GROUP BY 2, 3, 4 ORDER BY 2;--> statement-breakpoint
ANALYZE "gold"."agg_baskets_region_spans";--> statement-breakpoint
INSERT INTO "gold"."agg_sales_region_spans" (level, first_day, region_id, category, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 1, date '1970-01-01' + ((to_date(r.date_key::text, 'YYYYMMDD') - date '1970-01-01') / 2) * 2, r.region_id, r.category, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_sales_daily_region" r
GROUP BY 2, 3, 4, 5 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_sales_region_spans" (level, first_day, region_id, category, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 2, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 4) * 4, r.region_id, r.category, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_sales_region_spans" r WHERE r.level = 1
GROUP BY 2, 3, 4, 5 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_sales_region_spans" (level, first_day, region_id, category, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 3, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 8) * 8, r.region_id, r.category, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_sales_region_spans" r WHERE r.level = 2
GROUP BY 2, 3, 4, 5 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_sales_region_spans" (level, first_day, region_id, category, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 4, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 16) * 16, r.region_id, r.category, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_sales_region_spans" r WHERE r.level = 3
GROUP BY 2, 3, 4, 5 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_sales_region_spans" (level, first_day, region_id, category, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 5, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 32) * 32, r.region_id, r.category, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_sales_region_spans" r WHERE r.level = 4
GROUP BY 2, 3, 4, 5 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_sales_region_spans" (level, first_day, region_id, category, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 6, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 64) * 64, r.region_id, r.category, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_sales_region_spans" r WHERE r.level = 5
GROUP BY 2, 3, 4, 5 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_sales_region_spans" (level, first_day, region_id, category, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 7, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 128) * 128, r.region_id, r.category, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_sales_region_spans" r WHERE r.level = 6
GROUP BY 2, 3, 4, 5 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_sales_region_spans" (level, first_day, region_id, category, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 8, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 256) * 256, r.region_id, r.category, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_sales_region_spans" r WHERE r.level = 7
GROUP BY 2, 3, 4, 5 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_sales_region_spans" (level, first_day, region_id, category, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 9, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 512) * 512, r.region_id, r.category, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_sales_region_spans" r WHERE r.level = 8
GROUP BY 2, 3, 4, 5 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_sales_region_spans" (level, first_day, region_id, category, segment, lines, units, transactions, gross, discount, net, cost)
SELECT 10, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 1024) * 1024, r.region_id, r.category, r.segment, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_sales_region_spans" r WHERE r.level = 9
GROUP BY 2, 3, 4, 5 ORDER BY 2;--> statement-breakpoint
ANALYZE "gold"."agg_sales_region_spans";--> statement-breakpoint
INSERT INTO "gold"."agg_sales_hourly_region_spans" (level, first_day, region_id, hour, lines, units, transactions, gross, discount, net, cost)
SELECT 1, date '1970-01-01' + ((to_date(r.date_key::text, 'YYYYMMDD') - date '1970-01-01') / 2) * 2, r.region_id, r.hour, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_sales_hourly_region" r
GROUP BY 2, 3, 4 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_sales_hourly_region_spans" (level, first_day, region_id, hour, lines, units, transactions, gross, discount, net, cost)
SELECT 2, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 4) * 4, r.region_id, r.hour, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_sales_hourly_region_spans" r WHERE r.level = 1
GROUP BY 2, 3, 4 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_sales_hourly_region_spans" (level, first_day, region_id, hour, lines, units, transactions, gross, discount, net, cost)
SELECT 3, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 8) * 8, r.region_id, r.hour, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_sales_hourly_region_spans" r WHERE r.level = 2
GROUP BY 2, 3, 4 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_sales_hourly_region_spans" (level, first_day, region_id, hour, lines, units, transactions, gross, discount, net, cost)
SELECT 4, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 16) * 16, r.region_id, r.hour, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_sales_hourly_region_spans" r WHERE r.level = 3
GROUP BY 2, 3, 4 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_sales_hourly_region_spans" (level, first_day, region_id, hour, lines, units, transactions, gross, discount, net, cost)
SELECT 5, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 32) * 32, r.region_id, r.hour, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_sales_hourly_region_spans" r WHERE r.level = 4
GROUP BY 2, 3, 4 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_sales_hourly_region_spans" (level, first_day, region_id, hour, lines, units, transactions, gross, discount, net, cost)
SELECT 6, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 64) * 64, r.region_id, r.hour, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_sales_hourly_region_spans" r WHERE r.level = 5
GROUP BY 2, 3, 4 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_sales_hourly_region_spans" (level, first_day, region_id, hour, lines, units, transactions, gross, discount, net, cost)
SELECT 7, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 128) * 128, r.region_id, r.hour, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_sales_hourly_region_spans" r WHERE r.level = 6
GROUP BY 2, 3, 4 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_sales_hourly_region_spans" (level, first_day, region_id, hour, lines, units, transactions, gross, discount, net, cost)
SELECT 8, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 256) * 256, r.region_id, r.hour, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_sales_hourly_region_spans" r WHERE r.level = 7
GROUP BY 2, 3, 4 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_sales_hourly_region_spans" (level, first_day, region_id, hour, lines, units, transactions, gross, discount, net, cost)
SELECT 9, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 512) * 512, r.region_id, r.hour, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_sales_hourly_region_spans" r WHERE r.level = 8
GROUP BY 2, 3, 4 ORDER BY 2;--> statement-breakpoint
INSERT INTO "gold"."agg_sales_hourly_region_spans" (level, first_day, region_id, hour, lines, units, transactions, gross, discount, net, cost)
SELECT 10, date '1970-01-01' + ((r.first_day - date '1970-01-01') / 1024) * 1024, r.region_id, r.hour, sum(r.lines), sum(r.units), sum(r.transactions), sum(r.gross), sum(r.discount), sum(r.net), sum(r.cost)
FROM "gold"."agg_sales_hourly_region_spans" r WHERE r.level = 9
GROUP BY 2, 3, 4 ORDER BY 2;--> statement-breakpoint
ANALYZE "gold"."agg_sales_hourly_region_spans";
