CREATE TABLE "silver"."customer_numbers" (
	"customer_id" text PRIMARY KEY NOT NULL,
	"customer_no" integer GENERATED ALWAYS AS IDENTITY (sequence name "silver"."customer_numbers_customer_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1)
);
--> statement-breakpoint
CREATE TABLE "gold"."agg_customer_bitmaps" (
	"date_key" integer NOT NULL,
	"region_id" smallint NOT NULL,
	"segment" text NOT NULL,
	"chunk" integer NOT NULL,
	"customers" bit(16384) NOT NULL,
	CONSTRAINT "agg_customer_bitmaps_date_key_region_id_segment_chunk_pk" PRIMARY KEY("date_key","region_id","segment","chunk")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_customer_bitmaps" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "agg_customer_bitmaps_region_scope" ON "gold"."agg_customer_bitmaps" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
-- Hand-written: 2 KB bitmaps stay in the row, uncompressed (a read ORs them, it should not inflate them).
ALTER TABLE "gold"."agg_customer_bitmaps" ALTER COLUMN "customers" SET STORAGE PLAIN;--> statement-breakpoint
-- Number the customers already in the customer rollup, then build their bitmaps from it.
INSERT INTO "silver"."customer_numbers" (customer_id)
SELECT DISTINCT customer_id FROM "gold"."agg_customers_daily" ORDER BY 1;--> statement-breakpoint
INSERT INTO "gold"."agg_customer_bitmaps" (date_key, region_id, segment, chunk, customers)
SELECT r.date_key, r.region_id, r.segment, n.customer_no / 16384, bit_or(B'1'::bit(16384) >> (n.customer_no % 16384))
FROM "gold"."agg_customers_daily" r JOIN "silver"."customer_numbers" n ON n.customer_id = r.customer_id
GROUP BY 1, 2, 3, 4 ORDER BY 1, 2;--> statement-breakpoint
ANALYZE "gold"."agg_customer_bitmaps";
