CREATE TABLE "household_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"year" integer NOT NULL,
	"standard_id" text NOT NULL,
	"standard_version" integer NOT NULL,
	"source" text NOT NULL,
	"survey_date" date NOT NULL,
	"area" text NOT NULL,
	"income_per_capita_monthly" bigint NOT NULL,
	"income_score" integer,
	"facts" jsonb,
	"indicators" jsonb NOT NULL,
	"deprivations" text[] DEFAULT '{}'::text[] NOT NULL,
	"deprivation_count" integer NOT NULL,
	"category" text NOT NULL,
	"rule" text NOT NULL,
	"causes" text[] DEFAULT '{}'::text[] NOT NULL,
	"decision_number" text,
	"decision_date" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "household_assessments" ADD CONSTRAINT "household_assessments_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "household_assessments_year" ON "household_assessments" USING btree ("household_id","year");--> statement-breakpoint
CREATE INDEX "household_assessments_area" ON "household_assessments" USING btree ("province_code","year","category","commune_code");--> statement-breakpoint
CREATE INDEX "household_assessments_deprivations" ON "household_assessments" USING gin ("deprivations");