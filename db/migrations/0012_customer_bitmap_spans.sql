CREATE TABLE "gold"."agg_customer_bitmap_spans" (
	"level" smallint NOT NULL,
	"first_day" date NOT NULL,
	"region_id" smallint NOT NULL,
	"segment" text NOT NULL,
	"chunk" integer NOT NULL,
	"customers" bit(16384) NOT NULL,
	CONSTRAINT "agg_customer_bitmap_spans_level_first_day_region_id_segment_chunk_pk" PRIMARY KEY("level","first_day","region_id","segment","chunk")
);
--> statement-breakpoint
ALTER TABLE "gold"."agg_customer_bitmap_spans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "agg_customer_bitmap_spans_region_scope" ON "gold"."agg_customer_bitmap_spans" AS PERMISSIVE FOR SELECT TO "retailwave_app" USING (region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[]));--> statement-breakpoint
-- Hand-written: 2 KB bitmaps stay in the row, uncompressed, as in agg_customer_bitmaps.
ALTER TABLE "gold"."agg_customer_bitmap_spans" ALTER COLUMN "customers" SET STORAGE PLAIN;--> statement-breakpoint
-- Build the spans of the bitmaps already kept: level 1 from the days, each level after from the one below
-- (lib/etl/bitmap-spans.ts does the same for every later change).
INSERT INTO "gold"."agg_customer_bitmap_spans" (level, first_day, region_id, segment, chunk, customers)
SELECT 1, date '1970-01-01' + (floor((to_date(r.date_key::text, 'YYYYMMDD') - date '1970-01-01') / 2.0) * 2)::int, r.region_id, r.segment, r.chunk, bit_or(r.customers)
FROM "gold"."agg_customer_bitmaps" r
GROUP BY 2, 3, 4, 5 ORDER BY 2, 3;--> statement-breakpoint
INSERT INTO "gold"."agg_customer_bitmap_spans" (level, first_day, region_id, segment, chunk, customers)
SELECT 2, date '1970-01-01' + (floor((r.first_day - date '1970-01-01') / 4.0) * 4)::int, r.region_id, r.segment, r.chunk, bit_or(r.customers)
FROM "gold"."agg_customer_bitmap_spans" r WHERE r.level = 1
GROUP BY 2, 3, 4, 5 ORDER BY 2, 3;--> statement-breakpoint
INSERT INTO "gold"."agg_customer_bitmap_spans" (level, first_day, region_id, segment, chunk, customers)
SELECT 3, date '1970-01-01' + (floor((r.first_day - date '1970-01-01') / 8.0) * 8)::int, r.region_id, r.segment, r.chunk, bit_or(r.customers)
FROM "gold"."agg_customer_bitmap_spans" r WHERE r.level = 2
GROUP BY 2, 3, 4, 5 ORDER BY 2, 3;--> statement-breakpoint
INSERT INTO "gold"."agg_customer_bitmap_spans" (level, first_day, region_id, segment, chunk, customers)
SELECT 4, date '1970-01-01' + (floor((r.first_day - date '1970-01-01') / 16.0) * 16)::int, r.region_id, r.segment, r.chunk, bit_or(r.customers)
FROM "gold"."agg_customer_bitmap_spans" r WHERE r.level = 3
GROUP BY 2, 3, 4, 5 ORDER BY 2, 3;--> statement-breakpoint
INSERT INTO "gold"."agg_customer_bitmap_spans" (level, first_day, region_id, segment, chunk, customers)
SELECT 5, date '1970-01-01' + (floor((r.first_day - date '1970-01-01') / 32.0) * 32)::int, r.region_id, r.segment, r.chunk, bit_or(r.customers)
FROM "gold"."agg_customer_bitmap_spans" r WHERE r.level = 4
GROUP BY 2, 3, 4, 5 ORDER BY 2, 3;--> statement-breakpoint
INSERT INTO "gold"."agg_customer_bitmap_spans" (level, first_day, region_id, segment, chunk, customers)
SELECT 6, date '1970-01-01' + (floor((r.first_day - date '1970-01-01') / 64.0) * 64)::int, r.region_id, r.segment, r.chunk, bit_or(r.customers)
FROM "gold"."agg_customer_bitmap_spans" r WHERE r.level = 5
GROUP BY 2, 3, 4, 5 ORDER BY 2, 3;--> statement-breakpoint
INSERT INTO "gold"."agg_customer_bitmap_spans" (level, first_day, region_id, segment, chunk, customers)
SELECT 7, date '1970-01-01' + (floor((r.first_day - date '1970-01-01') / 128.0) * 128)::int, r.region_id, r.segment, r.chunk, bit_or(r.customers)
FROM "gold"."agg_customer_bitmap_spans" r WHERE r.level = 6
GROUP BY 2, 3, 4, 5 ORDER BY 2, 3;--> statement-breakpoint
INSERT INTO "gold"."agg_customer_bitmap_spans" (level, first_day, region_id, segment, chunk, customers)
SELECT 8, date '1970-01-01' + (floor((r.first_day - date '1970-01-01') / 256.0) * 256)::int, r.region_id, r.segment, r.chunk, bit_or(r.customers)
FROM "gold"."agg_customer_bitmap_spans" r WHERE r.level = 7
GROUP BY 2, 3, 4, 5 ORDER BY 2, 3;--> statement-breakpoint
INSERT INTO "gold"."agg_customer_bitmap_spans" (level, first_day, region_id, segment, chunk, customers)
SELECT 9, date '1970-01-01' + (floor((r.first_day - date '1970-01-01') / 512.0) * 512)::int, r.region_id, r.segment, r.chunk, bit_or(r.customers)
FROM "gold"."agg_customer_bitmap_spans" r WHERE r.level = 8
GROUP BY 2, 3, 4, 5 ORDER BY 2, 3;--> statement-breakpoint
INSERT INTO "gold"."agg_customer_bitmap_spans" (level, first_day, region_id, segment, chunk, customers)
SELECT 10, date '1970-01-01' + (floor((r.first_day - date '1970-01-01') / 1024.0) * 1024)::int, r.region_id, r.segment, r.chunk, bit_or(r.customers)
FROM "gold"."agg_customer_bitmap_spans" r WHERE r.level = 9
GROUP BY 2, 3, 4, 5 ORDER BY 2, 3;--> statement-breakpoint
ANALYZE "gold"."agg_customer_bitmap_spans";
