CREATE TABLE "review_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"village_id" uuid NOT NULL,
	"household_code" text NOT NULL,
	"head_name" text NOT NULL,
	"search_key" text NOT NULL,
	"reason" text NOT NULL,
	"previous_category" text,
	"application" jsonb,
	"proposed_by" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"survey" jsonb,
	"result" jsonb,
	"proposed_category" text,
	"deprivations" text[] DEFAULT '{}'::text[] NOT NULL,
	"explanation" jsonb,
	"causes" text[] DEFAULT '{}'::text[] NOT NULL,
	"meeting_id" uuid,
	"meeting_present" integer,
	"meeting_agreeing" integer,
	"final_category" text,
	"certificate_number" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"complainant" text NOT NULL,
	"content" text NOT NULL,
	"resolved" boolean DEFAULT false NOT NULL,
	"recheck_findings" text,
	"outcome_category" text,
	"changed" boolean,
	"reposted_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"village_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"chair" text NOT NULL,
	"present" integer NOT NULL,
	"votes" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_reviewers" (
	"round_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"village_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_round_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"list_year" integer NOT NULL,
	"standard_id" text NOT NULL,
	"window_start" date NOT NULL,
	"window_end" date NOT NULL,
	"state" text DEFAULT 'planned' NOT NULL,
	"posted_on" date,
	"posting_ends" date,
	"decision_number" text,
	"decision_date" date,
	"signer_name" text,
	"received_on" date,
	"deadline" date,
	"refusal_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "review_cases" ADD CONSTRAINT "review_cases_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_cases" ADD CONSTRAINT "review_cases_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_cases" ADD CONSTRAINT "review_cases_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_complaints" ADD CONSTRAINT "review_complaints_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_complaints" ADD CONSTRAINT "review_complaints_case_id_review_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."review_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_meetings" ADD CONSTRAINT "review_meetings_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_meetings" ADD CONSTRAINT "review_meetings_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_reviewers" ADD CONSTRAINT "review_reviewers_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_reviewers" ADD CONSTRAINT "review_reviewers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_reviewers" ADD CONSTRAINT "review_reviewers_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_round_events" ADD CONSTRAINT "review_round_events_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_round_events" ADD CONSTRAINT "review_round_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "review_cases_household" ON "review_cases" USING btree ("round_id","household_id");--> statement-breakpoint
CREATE INDEX "review_cases_round_village" ON "review_cases" USING btree ("round_id","village_id");--> statement-breakpoint
CREATE INDEX "review_cases_area" ON "review_cases" USING btree ("province_code","commune_code");--> statement-breakpoint
CREATE INDEX "review_complaints_round" ON "review_complaints" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "review_meetings_round" ON "review_meetings" USING btree ("round_id","village_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_reviewers_key" ON "review_reviewers" USING btree ("round_id","user_id","village_id");--> statement-breakpoint
CREATE INDEX "review_round_events_round" ON "review_round_events" USING btree ("round_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "review_rounds_periodic" ON "review_rounds" USING btree ("commune_code","year") WHERE "review_rounds"."kind" = 'periodic';--> statement-breakpoint
CREATE INDEX "review_rounds_area" ON "review_rounds" USING btree ("province_code","year","commune_code");