CREATE TABLE "review_summaries" (
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"list_year" integer NOT NULL,
	"round_id" uuid NOT NULL,
	"figures" jsonb NOT NULL,
	"deprivations" jsonb NOT NULL,
	"written_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "review_summaries" ADD CONSTRAINT "review_summaries_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "review_summaries_key" ON "review_summaries" USING btree ("commune_code","list_year");--> statement-breakpoint
CREATE INDEX "review_summaries_area" ON "review_summaries" USING btree ("province_code","list_year");--> statement-breakpoint
CREATE INDEX "review_cases_of_household" ON "review_cases" USING btree ("household_id");