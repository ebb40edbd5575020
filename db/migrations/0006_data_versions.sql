CREATE TABLE "app"."data_versions" (
	"region_id" smallint PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "app"."data_versions" ADD CONSTRAINT "data_versions_region_id_dim_region_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "gold"."dim_region"("region_id") ON DELETE no action ON UPDATE no action;