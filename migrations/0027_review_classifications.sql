CREATE TABLE "review_classifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"village_id" uuid,
	"survey_date" date NOT NULL,
	"state" text DEFAULT 'running' NOT NULL,
	"total" integer NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"classified" integer DEFAULT 0 NOT NULL,
	"no_income" integer DEFAULT 0 NOT NULL,
	"incomplete" integer DEFAULT 0 NOT NULL,
	"kept" integer NOT NULL,
	"applied" integer NOT NULL,
	"after_case_id" uuid,
	"stop_reason" text,
	"started_by" uuid NOT NULL,
	"started_by_name" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "review_classifications" ADD CONSTRAINT "review_classifications_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_classifications" ADD CONSTRAINT "review_classifications_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_classifications" ADD CONSTRAINT "review_classifications_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_classifications_round" ON "review_classifications" USING btree ("round_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "review_classifications_running" ON "review_classifications" USING btree ("round_id") WHERE "review_classifications"."state" = 'running';--> statement-breakpoint
CREATE INDEX "household_members_commune" ON "household_members" USING btree ("commune_code","household_id") WHERE "household_members"."left_at" is null;