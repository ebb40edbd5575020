CREATE TABLE "gold"."category_bits" (
	"category" text PRIMARY KEY NOT NULL,
	"bit" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gold"."agg_basket_mixes_by_region" (
	"date_key" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"segment" text NOT NULL,
	"category_set" integer NOT NULL,
	"lines" bigint NOT NULL,
	"units" bigint NOT NULL,
	"transactions" bigint NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_basket_mixes_by_region_date_key_region_id_segment_category_set_pk" PRIMARY KEY("date_key","region_id","segment","category_set")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_basket_mixes_by_region" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_basket_mixes_by_region_spans" (
	"level" smallint NOT NULL,
	"first_day" date NOT NULL,
	"region_id" smallint NOT NULL,
	"segment" text NOT NULL,
	"category_set" integer NOT NULL,
	"lines" bigint NOT NULL,
	"units" bigint NOT NULL,
	"transactions" bigint NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_basket_mixes_by_region_spans_level_first_day_region_id_segment_category_set_pk" PRIMARY KEY("level","first_day","region_id","segment","category_set")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_basket_mixes_by_region_spans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_basket_mixes_by_store" (
	"date_key" integer NOT NULL,
	"store_key" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"segment" text NOT NULL,
	"category_set" integer NOT NULL,
	"lines" bigint NOT NULL,
	"units" bigint NOT NULL,
	"transactions" bigint NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_basket_mixes_by_store_date_key_store_key_segment_category_set_pk" PRIMARY KEY("date_key","store_key","segment","category_set")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_basket_mixes_by_store" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_basket_mixes_by_store_spans" (
	"level" smallint NOT NULL,
	"first_day" date NOT NULL,
	"store_key" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"segment" text NOT NULL,
	"category_set" integer NOT NULL,
	"lines" bigint NOT NULL,
	"units" bigint NOT NULL,
	"transactions" bigint NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_basket_mixes_by_store_spans_level_first_day_store_key_segment_category_set_pk" PRIMARY KEY("level","first_day","store_key","segment","category_set")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_basket_mixes_by_store_spans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_category_customer_bitmap_spans" (
	"level" smallint NOT NULL,
	"first_day" date NOT NULL,
	"region_id" smallint NOT NULL,
	"category" text NOT NULL,
	"segment" text NOT NULL,
	"chunk" integer NOT NULL,
	"customers" bit(16384) NOT NULL,
	CONSTRAINT "agg_category_customer_bitmap_spans_level_first_day_region_id_category_segment_chunk_pk" PRIMARY KEY("level","first_day","region_id","category","segment","chunk")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_category_customer_bitmap_spans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_category_customer_bitmaps" (
	"date_key" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"category" text NOT NULL,
	"segment" text NOT NULL,
	"chunk" integer NOT NULL,
	"customers" bit(16384) NOT NULL,
	CONSTRAINT "agg_category_customer_bitmaps_date_key_region_id_category_segment_chunk_pk" PRIMARY KEY("date_key","region_id","category","segment","chunk")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_category_customer_bitmaps" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_category_customer_firsts" (
	"category" text NOT NULL,
	"customer_no" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"segment" text NOT NULL,
	"first_day" date NOT NULL,
	"first_month" date NOT NULL,
	"first_week" date NOT NULL,
	"first_month_net" numeric(18, 2) NOT NULL,
	"first_week_net" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_category_customer_firsts_category_customer_no_region_id_segment_pk" PRIMARY KEY("category","customer_no","region_id","segment")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_category_customer_firsts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_category_customer_sales" (
	"date_key" integer NOT NULL,
	"store_key" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"category" text NOT NULL,
	"segment" text NOT NULL,
	"hour" smallint NOT NULL,
	"weekday" smallint NOT NULL,
	"customer_id" text NOT NULL,
	"customer_no" integer NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"transactions" bigint NOT NULL,
	CONSTRAINT "agg_category_customer_sales_date_key_region_id_category_store_key_segment_hour_weekday_customer_id_pk" PRIMARY KEY("date_key","region_id","category","store_key","segment","hour","weekday","customer_id")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_category_customer_sales" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_customer_firsts" (
	"customer_no" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"segment" text NOT NULL,
	"first_day" date NOT NULL,
	"first_month" date NOT NULL,
	"first_week" date NOT NULL,
	"first_month_net" numeric(18, 2) NOT NULL,
	"first_week_net" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_customer_firsts_customer_no_region_id_segment_pk" PRIMARY KEY("customer_no","region_id","segment")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_customer_firsts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_customer_sales" (
	"date_key" integer NOT NULL,
	"store_key" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"segment" text NOT NULL,
	"hour" smallint NOT NULL,
	"weekday" smallint NOT NULL,
	"customer_id" text NOT NULL,
	"customer_no" integer NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"transactions" bigint NOT NULL,
	CONSTRAINT "agg_customer_sales_date_key_region_id_store_key_segment_hour_weekday_customer_id_pk" PRIMARY KEY("date_key","region_id","store_key","segment","hour","weekday","customer_id")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_customer_sales" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_customer_sales_spans" (
	"level" smallint NOT NULL,
	"first_day" date NOT NULL,
	"region_id" smallint NOT NULL,
	"segment" text NOT NULL,
	"customer_id" text NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"transactions" bigint NOT NULL,
	CONSTRAINT "agg_customer_sales_spans_level_first_day_region_id_segment_customer_id_pk" PRIMARY KEY("level","first_day","region_id","segment","customer_id")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_customer_sales_spans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "gold"."fact_sales" ADD COLUMN "net_cents" bigint GENERATED ALWAYS AS ((net * 100)::bigint) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "gold"."fact_sales" ADD COLUMN "discount_cents" bigint GENERATED ALWAYS AS ((discount * 100)::bigint) STORED NOT NULL;--> statement-breakpoint
-- Versions become counters per region and month: the old per-region counters start again from nothing
-- (cache keys change format too, so no old entry is ever read under a new key).
TRUNCATE "app"."data_versions";--> statement-breakpoint
ALTER TABLE "app"."data_versions" DROP CONSTRAINT "data_versions_pkey";--> statement-breakpoint
ALTER TABLE "app"."data_versions" ADD COLUMN "month" date NOT NULL;--> statement-breakpoint
ALTER TABLE "app"."data_versions" ADD CONSTRAINT "data_versions_region_id_month_pk" PRIMARY KEY("region_id","month");--> statement-breakpoint
CREATE INDEX "agg_category_customer_sales_category_idx" ON "gold"."agg_category_customer_sales" USING btree ("category","date_key");--> statement-breakpoint
CREATE INDEX "agg_category_customer_sales_store_idx" ON "gold"."agg_category_customer_sales" USING btree ("store_key","date_key");--> statement-breakpoint
CREATE INDEX "agg_category_customer_sales_customer_idx" ON "gold"."agg_category_customer_sales" USING btree ("customer_id","date_key");--> statement-breakpoint
CREATE INDEX "agg_customer_sales_store_idx" ON "gold"."agg_customer_sales" USING btree ("store_key","date_key");--> statement-breakpoint
CREATE INDEX "agg_customer_sales_customer_idx" ON "gold"."agg_customer_sales" USING btree ("customer_id","date_key");--> statement-breakpoint
CREATE INDEX "fact_sales_net_idx" ON "gold"."fact_sales" USING btree ("net_cents","sales_line_id","date_key","region_id","store_key","product_key");--> statement-breakpoint
CREATE INDEX "fact_sales_quantity_idx" ON "gold"."fact_sales" USING btree ("quantity","sales_line_id","date_key","region_id","store_key","product_key");--> statement-breakpoint
CREATE INDEX "fact_sales_discount_idx" ON "gold"."fact_sales" USING btree ("discount_cents","sales_line_id","date_key","region_id","store_key","product_key");--> statement-breakpoint
CREATE INDEX "fact_sales_product_net_idx" ON "gold"."fact_sales" USING btree ("product_key","net_cents","sales_line_id","date_key","region_id","store_key");--> statement-breakpoint
CREATE INDEX "fact_sales_store_time_idx" ON "gold"."fact_sales" USING btree ("store_key","date_key","occurred_at","sales_line_id","region_id");--> statement-breakpoint
CREATE INDEX "fact_sales_product_time_idx" ON "gold"."fact_sales" USING btree ("product_key","date_key","occurred_at","sales_line_id","region_id","store_key","quantity","net_cents","discount_cents");--> statement-breakpoint
CREATE POLICY "agg_basket_mixes_by_region_region_scope" ON "gold"."agg_basket_mixes_by_region" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_basket_mixes_by_region_spans_region_scope" ON "gold"."agg_basket_mixes_by_region_spans" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_basket_mixes_by_store_region_scope" ON "gold"."agg_basket_mixes_by_store" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_basket_mixes_by_store_spans_region_scope" ON "gold"."agg_basket_mixes_by_store_spans" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_category_customer_bitmap_spans_region_scope" ON "gold"."agg_category_customer_bitmap_spans" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_category_customer_bitmaps_region_scope" ON "gold"."agg_category_customer_bitmaps" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_category_customer_firsts_region_scope" ON "gold"."agg_category_customer_firsts" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_category_customer_sales_region_scope" ON "gold"."agg_category_customer_sales" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_customer_firsts_region_scope" ON "gold"."agg_customer_firsts" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_customer_sales_region_scope" ON "gold"."agg_customer_sales" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_customer_sales_spans_region_scope" ON "gold"."agg_customer_sales_spans" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));