CREATE TABLE "gold"."agg_category_customers" (
	"date_key" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"category" text NOT NULL,
	"segment" text NOT NULL,
	"customer_no" integer NOT NULL,
	CONSTRAINT "agg_category_customers_date_key_region_id_category_segment_customer_no_pk" PRIMARY KEY("date_key","region_id","category","segment","customer_no")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_category_customers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_baskets_by_region" (
	"date_key" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"segment" text NOT NULL,
	"lines" bigint NOT NULL,
	"units" bigint NOT NULL,
	"transactions" bigint NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_baskets_by_region_date_key_region_id_segment_pk" PRIMARY KEY("date_key","region_id","segment")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_baskets_by_region" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_baskets_by_region_spans" (
	"level" smallint NOT NULL,
	"first_day" date NOT NULL,
	"region_id" smallint NOT NULL,
	"segment" text NOT NULL,
	"lines" bigint NOT NULL,
	"units" bigint NOT NULL,
	"transactions" bigint NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_baskets_by_region_spans_level_first_day_region_id_segment_pk" PRIMARY KEY("level","first_day","region_id","segment")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_baskets_by_region_spans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_baskets_by_store" (
	"date_key" integer NOT NULL,
	"store_key" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"segment" text NOT NULL,
	"lines" bigint NOT NULL,
	"units" bigint NOT NULL,
	"transactions" bigint NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_baskets_by_store_date_key_store_key_segment_pk" PRIMARY KEY("date_key","store_key","segment")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_baskets_by_store" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_baskets_by_store_spans" (
	"level" smallint NOT NULL,
	"first_day" date NOT NULL,
	"store_key" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"segment" text NOT NULL,
	"lines" bigint NOT NULL,
	"units" bigint NOT NULL,
	"transactions" bigint NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_baskets_by_store_spans_level_first_day_store_key_segment_pk" PRIMARY KEY("level","first_day","store_key","segment")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_baskets_by_store_spans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_categories_by_region" (
	"date_key" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"category" text NOT NULL,
	"segment" text NOT NULL,
	"lines" bigint NOT NULL,
	"units" bigint NOT NULL,
	"transactions" bigint NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_categories_by_region_date_key_region_id_category_segment_pk" PRIMARY KEY("date_key","region_id","category","segment")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_categories_by_region" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_categories_by_region_spans" (
	"level" smallint NOT NULL,
	"first_day" date NOT NULL,
	"region_id" smallint NOT NULL,
	"category" text NOT NULL,
	"segment" text NOT NULL,
	"lines" bigint NOT NULL,
	"units" bigint NOT NULL,
	"transactions" bigint NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_categories_by_region_spans_level_first_day_region_id_category_segment_pk" PRIMARY KEY("level","first_day","region_id","category","segment")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_categories_by_region_spans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_categories_by_store" (
	"date_key" integer NOT NULL,
	"store_key" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"category" text NOT NULL,
	"segment" text NOT NULL,
	"lines" bigint NOT NULL,
	"units" bigint NOT NULL,
	"transactions" bigint NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_categories_by_store_date_key_store_key_category_segment_pk" PRIMARY KEY("date_key","store_key","category","segment")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_categories_by_store" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_categories_by_store_spans" (
	"level" smallint NOT NULL,
	"first_day" date NOT NULL,
	"store_key" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"category" text NOT NULL,
	"segment" text NOT NULL,
	"lines" bigint NOT NULL,
	"units" bigint NOT NULL,
	"transactions" bigint NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_categories_by_store_spans_level_first_day_store_key_category_segment_pk" PRIMARY KEY("level","first_day","store_key","category","segment")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_categories_by_store_spans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_hour_mix_by_region" (
	"date_key" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"category" text NOT NULL,
	"segment" text NOT NULL,
	"hour" smallint NOT NULL,
	"weekday" smallint NOT NULL,
	"lines" bigint NOT NULL,
	"units" bigint NOT NULL,
	"transactions" bigint NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_hour_mix_by_region_date_key_region_id_category_segment_hour_weekday_pk" PRIMARY KEY("date_key","region_id","category","segment","hour","weekday")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_hour_mix_by_region" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_hour_mix_by_region_spans" (
	"level" smallint NOT NULL,
	"first_day" date NOT NULL,
	"region_id" smallint NOT NULL,
	"category" text NOT NULL,
	"segment" text NOT NULL,
	"hour" smallint NOT NULL,
	"weekday" smallint NOT NULL,
	"lines" bigint NOT NULL,
	"units" bigint NOT NULL,
	"transactions" bigint NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_hour_mix_by_region_spans_level_first_day_region_id_category_segment_hour_weekday_pk" PRIMARY KEY("level","first_day","region_id","category","segment","hour","weekday")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_hour_mix_by_region_spans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_hour_segments_by_region" (
	"date_key" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"segment" text NOT NULL,
	"hour" smallint NOT NULL,
	"weekday" smallint NOT NULL,
	"lines" bigint NOT NULL,
	"units" bigint NOT NULL,
	"transactions" bigint NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_hour_segments_by_region_date_key_region_id_segment_hour_weekday_pk" PRIMARY KEY("date_key","region_id","segment","hour","weekday")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_hour_segments_by_region" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_hour_segments_by_region_spans" (
	"level" smallint NOT NULL,
	"first_day" date NOT NULL,
	"region_id" smallint NOT NULL,
	"segment" text NOT NULL,
	"hour" smallint NOT NULL,
	"weekday" smallint NOT NULL,
	"lines" bigint NOT NULL,
	"units" bigint NOT NULL,
	"transactions" bigint NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_hour_segments_by_region_spans_level_first_day_region_id_segment_hour_weekday_pk" PRIMARY KEY("level","first_day","region_id","segment","hour","weekday")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_hour_segments_by_region_spans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_hours_by_region" (
	"date_key" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"hour" smallint NOT NULL,
	"weekday" smallint NOT NULL,
	"lines" bigint NOT NULL,
	"units" bigint NOT NULL,
	"transactions" bigint NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_hours_by_region_date_key_region_id_hour_weekday_pk" PRIMARY KEY("date_key","region_id","hour","weekday")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_hours_by_region" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_hours_by_region_spans" (
	"level" smallint NOT NULL,
	"first_day" date NOT NULL,
	"region_id" smallint NOT NULL,
	"hour" smallint NOT NULL,
	"weekday" smallint NOT NULL,
	"lines" bigint NOT NULL,
	"units" bigint NOT NULL,
	"transactions" bigint NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_hours_by_region_spans_level_first_day_region_id_hour_weekday_pk" PRIMARY KEY("level","first_day","region_id","hour","weekday")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_hours_by_region_spans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_hours_by_store" (
	"date_key" integer NOT NULL,
	"store_key" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"hour" smallint NOT NULL,
	"weekday" smallint NOT NULL,
	"lines" bigint NOT NULL,
	"units" bigint NOT NULL,
	"transactions" bigint NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_hours_by_store_date_key_store_key_hour_weekday_pk" PRIMARY KEY("date_key","store_key","hour","weekday")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_hours_by_store" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_hours_by_store_spans" (
	"level" smallint NOT NULL,
	"first_day" date NOT NULL,
	"store_key" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"hour" smallint NOT NULL,
	"weekday" smallint NOT NULL,
	"lines" bigint NOT NULL,
	"units" bigint NOT NULL,
	"transactions" bigint NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_hours_by_store_spans_level_first_day_store_key_hour_weekday_pk" PRIMARY KEY("level","first_day","store_key","hour","weekday")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_hours_by_store_spans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_products_by_region" (
	"date_key" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"category" text NOT NULL,
	"subcategory" text NOT NULL,
	"product_key" integer NOT NULL,
	"lines" bigint NOT NULL,
	"units" bigint NOT NULL,
	"transactions" bigint NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_products_by_region_date_key_region_id_category_subcategory_product_key_pk" PRIMARY KEY("date_key","region_id","category","subcategory","product_key")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_products_by_region" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_products_by_region_spans" (
	"level" smallint NOT NULL,
	"first_day" date NOT NULL,
	"region_id" smallint NOT NULL,
	"category" text NOT NULL,
	"subcategory" text NOT NULL,
	"product_key" integer NOT NULL,
	"lines" bigint NOT NULL,
	"units" bigint NOT NULL,
	"transactions" bigint NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_products_by_region_spans_level_first_day_region_id_category_subcategory_product_key_pk" PRIMARY KEY("level","first_day","region_id","category","subcategory","product_key")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_products_by_region_spans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_subcategories_by_region" (
	"date_key" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"category" text NOT NULL,
	"subcategory" text NOT NULL,
	"segment" text NOT NULL,
	"lines" bigint NOT NULL,
	"units" bigint NOT NULL,
	"transactions" bigint NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_subcategories_by_region_date_key_region_id_category_subcategory_segment_pk" PRIMARY KEY("date_key","region_id","category","subcategory","segment")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_subcategories_by_region" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_subcategories_by_region_spans" (
	"level" smallint NOT NULL,
	"first_day" date NOT NULL,
	"region_id" smallint NOT NULL,
	"category" text NOT NULL,
	"subcategory" text NOT NULL,
	"segment" text NOT NULL,
	"lines" bigint NOT NULL,
	"units" bigint NOT NULL,
	"transactions" bigint NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_subcategories_by_region_spans_level_first_day_region_id_category_subcategory_segment_pk" PRIMARY KEY("level","first_day","region_id","category","subcategory","segment")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_subcategories_by_region_spans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."span_horizon" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"last_day" date NOT NULL,
	CONSTRAINT "span_horizon_one_row" CHECK ("gold"."span_horizon"."id" = 1)
);
--> statement-breakpoint
CREATE POLICY "agg_category_customers_region_scope" ON "gold"."agg_category_customers" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_baskets_by_region_region_scope" ON "gold"."agg_baskets_by_region" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_baskets_by_region_spans_region_scope" ON "gold"."agg_baskets_by_region_spans" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_baskets_by_store_region_scope" ON "gold"."agg_baskets_by_store" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_baskets_by_store_spans_region_scope" ON "gold"."agg_baskets_by_store_spans" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_categories_by_region_region_scope" ON "gold"."agg_categories_by_region" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_categories_by_region_spans_region_scope" ON "gold"."agg_categories_by_region_spans" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_categories_by_store_region_scope" ON "gold"."agg_categories_by_store" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_categories_by_store_spans_region_scope" ON "gold"."agg_categories_by_store_spans" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_hour_mix_by_region_region_scope" ON "gold"."agg_hour_mix_by_region" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_hour_mix_by_region_spans_region_scope" ON "gold"."agg_hour_mix_by_region_spans" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_hour_segments_by_region_region_scope" ON "gold"."agg_hour_segments_by_region" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_hour_segments_by_region_spans_region_scope" ON "gold"."agg_hour_segments_by_region_spans" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_hours_by_region_region_scope" ON "gold"."agg_hours_by_region" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_hours_by_region_spans_region_scope" ON "gold"."agg_hours_by_region_spans" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_hours_by_store_region_scope" ON "gold"."agg_hours_by_store" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_hours_by_store_spans_region_scope" ON "gold"."agg_hours_by_store_spans" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_products_by_region_region_scope" ON "gold"."agg_products_by_region" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_products_by_region_spans_region_scope" ON "gold"."agg_products_by_region_spans" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_subcategories_by_region_region_scope" ON "gold"."agg_subcategories_by_region" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_subcategories_by_region_spans_region_scope" ON "gold"."agg_subcategories_by_region_spans" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
-- The spans held every day loaded so far; the new cubes' are built from the days up to this one.
INSERT INTO "gold"."span_horizon" ("id", "last_day")
  SELECT 1, coalesce(max(to_date("date_key"::text, 'YYYYMMDD')), date '1970-01-01') FROM "gold"."fact_sales";
