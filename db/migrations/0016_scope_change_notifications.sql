-- Custom SQL migration file, put your code below! --
-- Open live streams end within a second when what they were opened with stops holding: every process
-- LISTENs on scope_changes (lib/realtime/scope-watch.ts) and re-checks the streams of the user or link
-- named. Triggers, so that every way of changing these rows (admin console, scripts, SQL) is heard.
CREATE OR REPLACE FUNCTION app.notify_user_scope_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('scope_changes', 'user:' || COALESCE(NEW.id, OLD.id)::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER users_scope_change AFTER UPDATE OF role, is_active, session_version OR DELETE ON app.users
  FOR EACH ROW EXECUTE FUNCTION app.notify_user_scope_change();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.notify_user_regions_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('scope_changes', 'user:' || COALESCE(NEW.user_id, OLD.user_id)::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER user_regions_scope_change AFTER INSERT OR UPDATE OR DELETE ON app.user_regions
  FOR EACH ROW EXECUTE FUNCTION app.notify_user_regions_change();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.notify_share_scope_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('scope_changes', 'share:' || COALESCE(NEW.id, OLD.id)::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER share_links_scope_change AFTER UPDATE OF revoked_at, expires_at, region_ids OR DELETE ON app.share_links
  FOR EACH ROW EXECUTE FUNCTION app.notify_share_scope_change();
