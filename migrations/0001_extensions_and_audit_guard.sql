-- Accent folding and trigram search; both ship with PGlite (passed at start) and PostgreSQL contrib.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "users_search" ON "users" USING gin ("search_key" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "organisations_search" ON "organisations" USING gin ("search_key" gin_trgm_ops);
--> statement-breakpoint
-- The audit log is append-only: the database refuses to change or delete what it recorded.
CREATE OR REPLACE FUNCTION chungtay_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'append_only: % rows cannot be changed or deleted', TG_TABLE_NAME
    USING ERRCODE = 'P0001';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION chungtay_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION chungtay_refuse_change();
