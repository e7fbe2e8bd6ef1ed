CREATE TABLE "houses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"household_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"decision_number" text NOT NULL,
	"approved_on" date NOT NULL,
	"planned_completion" date NOT NULL,
	"started_on" date,
	"completed_on" date,
	"handed_over_on" date,
	"builder" text,
	"funding" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "houses" ADD CONSTRAINT "houses_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "houses_area" ON "houses" USING btree ("province_code","commune_code","approved_on");--> statement-breakpoint
CREATE INDEX "houses_household" ON "houses" USING btree ("household_id");