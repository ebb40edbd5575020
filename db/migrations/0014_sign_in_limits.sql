CREATE TABLE "app"."rate_limit_counters" (
	"rule" text NOT NULL,
	"key_hash" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rate_limit_counters_rule_key_hash_window_start_pk" PRIMARY KEY("rule","key_hash","window_start")
);
--> statement-breakpoint
CREATE INDEX "rate_limit_counters_expires_idx" ON "app"."rate_limit_counters" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "audit_log_sign_in_address_idx" ON "app"."audit_log" USING btree ("actor_email","ip","at") WHERE action = 'sign_in';