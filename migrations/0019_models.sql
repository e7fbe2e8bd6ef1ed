CREATE TABLE "poverty_model_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"joined_on" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poverty_model_supports" (
	"support_id" uuid PRIMARY KEY NOT NULL,
	"participant_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poverty_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"village_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"lead_organisation_id" uuid NOT NULL,
	"partner_organisation_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"budget" jsonb NOT NULL,
	"expected_results" text NOT NULL,
	"expected_income_increase" bigint,
	"actual_results" text,
	"actual_income_increase" bigint,
	"origin_id" uuid,
	"sort_key" text COLLATE "C" NOT NULL,
	"search_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "poverty_model_participants" ADD CONSTRAINT "poverty_model_participants_model_id_poverty_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."poverty_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poverty_model_participants" ADD CONSTRAINT "poverty_model_participants_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poverty_model_supports" ADD CONSTRAINT "poverty_model_supports_support_id_support_records_id_fk" FOREIGN KEY ("support_id") REFERENCES "public"."support_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poverty_model_supports" ADD CONSTRAINT "poverty_model_supports_participant_id_poverty_model_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."poverty_model_participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poverty_models" ADD CONSTRAINT "poverty_models_lead_organisation_id_organisations_id_fk" FOREIGN KEY ("lead_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poverty_models" ADD CONSTRAINT "poverty_models_origin_id_poverty_models_id_fk" FOREIGN KEY ("origin_id") REFERENCES "public"."poverty_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "poverty_model_participants_household" ON "poverty_model_participants" USING btree ("model_id","household_id");--> statement-breakpoint
CREATE INDEX "poverty_model_participants_of_household" ON "poverty_model_participants" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "poverty_model_supports_participant" ON "poverty_model_supports" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "poverty_models_area" ON "poverty_models" USING btree ("province_code","commune_code","starts_on");--> statement-breakpoint
CREATE INDEX "poverty_models_origin" ON "poverty_models" USING btree ("origin_id");