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
-- Versions become counters per region and month: the old per-region counters start again from nothing
-- (cache keys change format too, so no old entry is ever read under a new key).
TRUNCATE "app"."data_versions";--> statement-breakpoint
ALTER TABLE "app"."data_versions" DROP CONSTRAINT "data_versions_pkey";--> statement-breakpoint
ALTER TABLE "app"."data_versions" ADD COLUMN "month" date NOT NULL;--> statement-breakpoint
ALTER TABLE "app"."data_versions" ADD CONSTRAINT "data_versions_region_id_month_pk" PRIMARY KEY("region_id","month");--> statement-breakpoint
CREATE POLICY "agg_basket_mixes_by_region_region_scope" ON "gold"."agg_basket_mixes_by_region" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_basket_mixes_by_region_spans_region_scope" ON "gold"."agg_basket_mixes_by_region_spans" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_basket_mixes_by_store_region_scope" ON "gold"."agg_basket_mixes_by_store" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_basket_mixes_by_store_spans_region_scope" ON "gold"."agg_basket_mixes_by_store_spans" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));