-- Custom SQL migration file, put your code below! ---- Roles are cluster-wide: create the scoped reader only where it does not exist yet (a second database on
-- the same server, or a re-run, must not fail). It cannot log in, own tables or bypass row-level security.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'retailwave_app') THEN
    CREATE ROLE retailwave_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
END
$$;
