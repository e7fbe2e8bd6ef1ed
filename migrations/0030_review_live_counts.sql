CREATE TABLE "review_commune_changes" (
	"commune_code" text PRIMARY KEY NOT NULL,
	"changes" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_live_counts" (
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"list_year" integer NOT NULL,
	"changes" bigint NOT NULL,
	"measures" text NOT NULL,
	"figures" jsonb NOT NULL,
	"deprivations" jsonb NOT NULL,
	"counted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_live_counts_commune_code_list_year_pk" PRIMARY KEY("commune_code","list_year")
);
--> statement-breakpoint
CREATE INDEX "review_live_counts_area" ON "review_live_counts" USING btree ("province_code","list_year");--> statement-breakpoint
-- Every write to the registry or the lists counts against the communes it touches (one row per
-- commune, whatever module writes), so a commune's cached roll-up is known stale. Statement-level:
-- one upsert per statement, however many rows it wrote. Communes in code order (no lock cycles).
CREATE FUNCTION review_commune_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO review_commune_changes (commune_code, changes)
      SELECT DISTINCT commune_code, 1 FROM new_rows ORDER BY 1
      ON CONFLICT (commune_code) DO UPDATE SET changes = review_commune_changes.changes + 1;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO review_commune_changes (commune_code, changes)
      SELECT DISTINCT commune_code, 1 FROM old_rows ORDER BY 1
      ON CONFLICT (commune_code) DO UPDATE SET changes = review_commune_changes.changes + 1;
  ELSE
    INSERT INTO review_commune_changes (commune_code, changes)
      SELECT commune_code, 1 FROM (SELECT commune_code FROM new_rows UNION SELECT commune_code FROM old_rows) c
      ORDER BY 1
      ON CONFLICT (commune_code) DO UPDATE SET changes = review_commune_changes.changes + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- On households, household_members and household_assessments: <table>_inserted, _updated, _deleted.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['households', 'household_members', 'household_assessments'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION review_commune_changed()', t || '_inserted', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION review_commune_changed()', t || '_updated', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION review_commune_changed()', t || '_deleted', t);
  END LOOP;
END $$;
