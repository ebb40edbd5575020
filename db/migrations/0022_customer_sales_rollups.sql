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
CREATE INDEX "agg_category_customer_sales_category_idx" ON "gold"."agg_category_customer_sales" USING btree ("category","date_key");--> statement-breakpoint
CREATE INDEX "agg_category_customer_sales_store_idx" ON "gold"."agg_category_customer_sales" USING btree ("store_key","date_key");--> statement-breakpoint
CREATE INDEX "agg_category_customer_sales_customer_idx" ON "gold"."agg_category_customer_sales" USING btree ("customer_id","date_key");--> statement-breakpoint
CREATE INDEX "agg_customer_sales_store_idx" ON "gold"."agg_customer_sales" USING btree ("store_key","date_key");--> statement-breakpoint
CREATE INDEX "agg_customer_sales_customer_idx" ON "gold"."agg_customer_sales" USING btree ("customer_id","date_key");--> statement-breakpoint
CREATE POLICY "agg_category_customer_bitmap_spans_region_scope" ON "gold"."agg_category_customer_bitmap_spans" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_category_customer_bitmaps_region_scope" ON "gold"."agg_category_customer_bitmaps" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_category_customer_firsts_region_scope" ON "gold"."agg_category_customer_firsts" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_category_customer_sales_region_scope" ON "gold"."agg_category_customer_sales" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_customer_firsts_region_scope" ON "gold"."agg_customer_firsts" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_customer_sales_region_scope" ON "gold"."agg_customer_sales" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_customer_sales_spans_region_scope" ON "gold"."agg_customer_sales_spans" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));