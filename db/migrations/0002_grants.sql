-- Custom SQL migration file, put your code below! ---- drizzle-kit emits policies but no grants: the scoped reader may read gold and nothing else.
GRANT USAGE ON SCHEMA gold TO retailwave_app;
--> statement-breakpoint
GRANT SELECT ON ALL TABLES IN SCHEMA gold TO retailwave_app;
--> statement-breakpoint
REVOKE ALL ON SCHEMA bronze, silver, app FROM retailwave_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA gold GRANT SELECT ON TABLES TO retailwave_app;
