ALTER TABLE "gold"."dim_customer" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP INDEX "gold"."fact_sales_customer_idx";--> statement-breakpoint
CREATE INDEX "fact_sales_customer_idx" ON "gold"."fact_sales" USING btree ("customer_sk","region_id","date_key");--> statement-breakpoint
CREATE POLICY "dim_customer_region_scope" ON "gold"."dim_customer" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (exists (select 1 from gold.fact_sales f where f.customer_sk = dim_customer.customer_sk)
    or exists (select 1 from gold.dim_store s where s.store_key = dim_customer.home_store_key));