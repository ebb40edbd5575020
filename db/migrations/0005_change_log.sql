CREATE TABLE "app"."change_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"regions" smallint[] NOT NULL,
	"slices" jsonb NOT NULL
);
