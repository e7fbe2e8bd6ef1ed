ALTER TABLE "household_assessments" ADD COLUMN "children" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "household_assessments" ADD COLUMN "elderly" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "household_assessments" ADD COLUMN "disabled" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "household_assessments" ADD COLUMN "woman_headed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "household_assessments" ADD COLUMN "ethnic_minority" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "households_archived" ON "households" USING btree ("id") WHERE "households"."archived_at" is not null;--> statement-breakpoint
-- The household's facts the priority rule counts, kept on the assessment whenever it is written
-- (by every writer: the survey, the review, an import), so that ranking a province reads one
-- table: its current members as at 1 January of the list year (children under 16, people of 60
-- or more, people with disabilities, a woman heading it) and whether it is an ethnic-minority household.
CREATE FUNCTION assessment_member_facts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  jan1 date := make_date(NEW.year, 1, 1);
BEGIN
  SELECT (count(*) FILTER (WHERE m.date_of_birth > jan1 - interval '16 years'))::int,
         (count(*) FILTER (WHERE m.date_of_birth <= jan1 - interval '60 years'))::int,
         (count(*) FILTER (WHERE m.disability))::int,
         coalesce(bool_or(m.relation = 'head' AND m.sex = 'female'), false)
    INTO NEW.children, NEW.elderly, NEW.disabled, NEW.woman_headed
    FROM household_members m
   WHERE m.household_id = NEW.household_id AND m.left_at IS NULL;
  SELECT h.ethnic_minority INTO NEW.ethnic_minority FROM households h WHERE h.id = NEW.household_id;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- Existing assessments, set-wise (before the trigger, which would count row by row).
UPDATE household_assessments a SET children = f.children, elderly = f.elderly, disabled = f.disabled,
    woman_headed = f.woman_headed, ethnic_minority = f.ethnic_minority
  FROM (SELECT a2.id, h.ethnic_minority,
          (count(m.id) FILTER (WHERE m.date_of_birth > make_date(a2.year, 1, 1) - interval '16 years'))::int AS children,
          (count(m.id) FILTER (WHERE m.date_of_birth <= make_date(a2.year, 1, 1) - interval '60 years'))::int AS elderly,
          (count(m.id) FILTER (WHERE m.disability))::int AS disabled,
          coalesce(bool_or(m.relation = 'head' AND m.sex = 'female'), false) AS woman_headed
        FROM household_assessments a2 JOIN households h ON h.id = a2.household_id
          LEFT JOIN household_members m ON m.household_id = a2.household_id AND m.left_at IS NULL
        GROUP BY a2.id, h.ethnic_minority) f
  WHERE f.id = a.id;
--> statement-breakpoint
CREATE TRIGGER assessment_member_facts BEFORE INSERT OR UPDATE ON household_assessments
  FOR EACH ROW EXECUTE FUNCTION assessment_member_facts();
