CREATE SCHEMA "bronze";
--> statement-breakpoint
CREATE SCHEMA "silver";
--> statement-breakpoint
CREATE SCHEMA "gold";
--> statement-breakpoint
CREATE SCHEMA "app";
--> statement-breakpoint
CREATE TABLE "bronze"."events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"batch_id" bigint,
	"event_id" text NOT NULL,
	"checksum" text NOT NULL,
	"event_type" text,
	"source" text,
	"occurred_at" timestamp with time zone,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"envelope" jsonb,
	"raw_text" text,
	"processed_at" timestamp with time zone,
	CONSTRAINT "events_checksum_unique" UNIQUE("checksum")
);
--> statement-breakpoint
CREATE TABLE "bronze"."ingest_batches" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"event_count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "silver"."campaigns" (
	"campaign_code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"category" text,
	"discount_pct" numeric(5, 2) NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "silver"."customers" (
	"customer_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"segment" text NOT NULL,
	"home_store_code" text,
	"acquired_on" date NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "silver"."inventory_levels" (
	"store_code" text NOT NULL,
	"sku" text NOT NULL,
	"on_hand" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inventory_levels_store_code_sku_pk" PRIMARY KEY("store_code","sku")
);
--> statement-breakpoint
CREATE TABLE "silver"."products" (
	"sku" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"subcategory" text NOT NULL,
	"brand" text NOT NULL,
	"unit_price" numeric(14, 2) NOT NULL,
	"unit_cost" numeric(14, 2) NOT NULL,
	"reorder_point" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "silver"."quarantine" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"bronze_id" bigint,
	"event_id" text,
	"stage" text NOT NULL,
	"reason" text NOT NULL,
	"envelope" jsonb,
	"raw_text" text,
	"quarantined_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "silver"."sales_lines" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" uuid,
	"bronze_id" bigint,
	"transaction_id" text NOT NULL,
	"store_code" text NOT NULL,
	"sku" text NOT NULL,
	"customer_id" text,
	"quantity" integer NOT NULL,
	"unit_price" numeric(14, 2) NOT NULL,
	"discount" numeric(14, 2) NOT NULL,
	"gross" numeric(14, 2) NOT NULL,
	"net" numeric(14, 2) NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"ingested_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_lines_event_id_unique" UNIQUE("event_id")
);
--> statement-breakpoint
CREATE TABLE "silver"."stores" (
	"store_code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"city" text NOT NULL,
	"region" text NOT NULL,
	"opened_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gold"."agg_baskets_daily" (
	"date_key" integer NOT NULL,
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
	CONSTRAINT "agg_baskets_daily_date_key_store_key_segment_pk" PRIMARY KEY("date_key","store_key","segment")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_baskets_daily" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_sales_daily" (
	"date_key" integer NOT NULL,
	"store_key" integer NOT NULL,
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
	CONSTRAINT "agg_sales_daily_date_key_store_key_category_segment_pk" PRIMARY KEY("date_key","store_key","category","segment")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_sales_daily" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."agg_sales_hourly" (
	"date_key" integer NOT NULL,
	"hour" smallint NOT NULL,
	"store_key" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"lines" integer NOT NULL,
	"units" integer NOT NULL,
	"transactions" integer NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"discount" numeric(18, 2) NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"cost" numeric(18, 2) NOT NULL,
	CONSTRAINT "agg_sales_hourly_date_key_hour_store_key_pk" PRIMARY KEY("date_key","hour","store_key")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_sales_hourly" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."dim_campaign" (
	"campaign_key" serial PRIMARY KEY NOT NULL,
	"campaign_code" text NOT NULL,
	"name" text NOT NULL,
	"category" text,
	"discount_pct" numeric(5, 2) NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	CONSTRAINT "dim_campaign_campaign_code_unique" UNIQUE("campaign_code")
);
--> statement-breakpoint
CREATE TABLE "gold"."dim_customer" (
	"customer_sk" bigserial PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"name" text NOT NULL,
	"segment" text NOT NULL,
	"home_store_key" integer,
	"acquired_on" date NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone,
	"is_current" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gold"."dim_date" (
	"date_key" integer PRIMARY KEY NOT NULL,
	"date" date NOT NULL,
	"year" smallint NOT NULL,
	"quarter" smallint NOT NULL,
	"month" smallint NOT NULL,
	"month_name" text NOT NULL,
	"day_of_month" smallint NOT NULL,
	"iso_year" smallint NOT NULL,
	"iso_week" smallint NOT NULL,
	"weekday" smallint NOT NULL,
	"weekday_name" text NOT NULL,
	"is_weekend" boolean NOT NULL,
	"is_holiday" boolean NOT NULL,
	"holiday_name" text,
	"fiscal_year" smallint NOT NULL,
	"fiscal_quarter" smallint NOT NULL,
	CONSTRAINT "dim_date_date_unique" UNIQUE("date")
);
--> statement-breakpoint
CREATE TABLE "gold"."dim_product" (
	"product_key" serial PRIMARY KEY NOT NULL,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"subcategory" text NOT NULL,
	"brand" text NOT NULL,
	"unit_price" numeric(14, 2) NOT NULL,
	"unit_cost" numeric(14, 2) NOT NULL,
	"reorder_point" integer NOT NULL,
	CONSTRAINT "dim_product_sku_unique" UNIQUE("sku")
);
--> statement-breakpoint
CREATE TABLE "gold"."dim_region" (
	"region_id" smallint PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "dim_region_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "gold"."dim_region" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."dim_store" (
	"store_key" serial PRIMARY KEY NOT NULL,
	"store_code" text NOT NULL,
	"name" text NOT NULL,
	"city" text NOT NULL,
	"region_id" smallint NOT NULL,
	"opened_on" date NOT NULL,
	CONSTRAINT "dim_store_store_code_unique" UNIQUE("store_code")
);
--> statement-breakpoint
ALTER TABLE "gold"."dim_store" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."fact_inventory" (
	"date_key" integer NOT NULL,
	"store_key" integer NOT NULL,
	"product_key" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"on_hand" integer NOT NULL,
	"reorder_point" integer NOT NULL,
	CONSTRAINT "fact_inventory_date_key_store_key_product_key_pk" PRIMARY KEY("date_key","store_key","product_key")
);
--> statement-breakpoint
ALTER TABLE "gold"."fact_inventory" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "gold"."fact_sales" (
	"sales_line_id" bigint PRIMARY KEY NOT NULL,
	"date_key" integer NOT NULL,
	"hour" smallint NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"transaction_id" text NOT NULL,
	"store_key" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"product_key" integer NOT NULL,
	"customer_sk" bigint,
	"campaign_key" integer,
	"quantity" integer NOT NULL,
	"gross" numeric(14, 2) NOT NULL,
	"discount" numeric(14, 2) NOT NULL,
	"net" numeric(14, 2) NOT NULL,
	"cost" numeric(14, 2) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "gold"."fact_sales" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "app"."audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_email" text,
	"action" text NOT NULL,
	"target" text,
	"detail" jsonb,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "app"."user_regions" (
	"user_id" uuid NOT NULL,
	"region_id" smallint NOT NULL,
	CONSTRAINT "user_regions_user_id_region_id_pk" PRIMARY KEY("user_id","region_id")
);
--> statement-breakpoint
CREATE TABLE "app"."users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "app"."etl_watermarks" (
	"stage" text PRIMARY KEY NOT NULL,
	"last_bronze_id" bigint DEFAULT 0 NOT NULL,
	"rows_total" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bronze"."events" ADD CONSTRAINT "events_batch_id_ingest_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "bronze"."ingest_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gold"."dim_store" ADD CONSTRAINT "dim_store_region_id_dim_region_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "gold"."dim_region"("region_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."user_regions" ADD CONSTRAINT "user_regions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "app"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."user_regions" ADD CONSTRAINT "user_regions_region_id_dim_region_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "gold"."dim_region"("region_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "events_unprocessed_idx" ON "bronze"."events" USING btree ("id") WHERE processed_at is null;--> statement-breakpoint
CREATE INDEX "quarantine_bronze_idx" ON "silver"."quarantine" USING btree ("bronze_id") WHERE bronze_id is not null;--> statement-breakpoint
CREATE INDEX "sales_lines_occurred_idx" ON "silver"."sales_lines" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "agg_baskets_daily_region_date_idx" ON "gold"."agg_baskets_daily" USING btree ("region_id","date_key");--> statement-breakpoint
CREATE INDEX "agg_sales_daily_region_date_idx" ON "gold"."agg_sales_daily" USING btree ("region_id","date_key");--> statement-breakpoint
CREATE INDEX "agg_sales_hourly_region_date_idx" ON "gold"."agg_sales_hourly" USING btree ("region_id","date_key");--> statement-breakpoint
CREATE UNIQUE INDEX "dim_customer_current_idx" ON "gold"."dim_customer" USING btree ("customer_id") WHERE is_current;--> statement-breakpoint
CREATE INDEX "dim_customer_history_idx" ON "gold"."dim_customer" USING btree ("customer_id","valid_from");--> statement-breakpoint
CREATE INDEX "dim_product_category_idx" ON "gold"."dim_product" USING btree ("category","subcategory");--> statement-breakpoint
CREATE INDEX "fact_sales_date_region_idx" ON "gold"."fact_sales" USING btree ("date_key","region_id");--> statement-breakpoint
CREATE INDEX "fact_sales_store_date_idx" ON "gold"."fact_sales" USING btree ("store_key","date_key");--> statement-breakpoint
CREATE INDEX "fact_sales_customer_idx" ON "gold"."fact_sales" USING btree ("customer_sk","date_key");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "app"."audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "app"."audit_log" USING btree ("action","at");--> statement-breakpoint
CREATE POLICY "agg_baskets_daily_region_scope" ON "gold"."agg_baskets_daily" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any (coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_sales_daily_region_scope" ON "gold"."agg_sales_daily" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any (coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[]));--> statement-breakpoint
CREATE POLICY "agg_sales_hourly_region_scope" ON "gold"."agg_sales_hourly" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any (coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[]));--> statement-breakpoint
CREATE POLICY "dim_region_region_scope" ON "gold"."dim_region" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any (coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[]));--> statement-breakpoint
CREATE POLICY "dim_store_region_scope" ON "gold"."dim_store" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any (coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[]));--> statement-breakpoint
CREATE POLICY "fact_inventory_region_scope" ON "gold"."fact_inventory" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any (coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[]));--> statement-breakpoint
CREATE POLICY "fact_sales_region_scope" ON "gold"."fact_sales" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any (coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[]));