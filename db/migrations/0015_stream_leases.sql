CREATE TABLE "app"."stream_leases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"holder" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "stream_leases_holder_idx" ON "app"."stream_leases" USING btree ("holder","expires_at");