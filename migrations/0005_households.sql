CREATE TABLE "household_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"position" integer NOT NULL,
	"full_name" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"sex" text NOT NULL,
	"citizen_id" text,
	"relation" text NOT NULL,
	"ethnicity" text NOT NULL,
	"disability" boolean DEFAULT false NOT NULL,
	"health_insurance" boolean DEFAULT false NOT NULL,
	"attending" text,
	"education" text,
	"in_training" boolean DEFAULT false NOT NULL,
	"work" text,
	"able_to_work" boolean DEFAULT true NOT NULL,
	"monthly_social_allowance" boolean DEFAULT false NOT NULL,
	"stunted" boolean,
	"underweight" boolean,
	"left_at" date,
	"left_reason" text,
	"sort_key" text COLLATE "C" NOT NULL,
	"search_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"village_id" uuid NOT NULL,
	"code" text NOT NULL,
	"head_name" text NOT NULL,
	"address" text NOT NULL,
	"area" text NOT NULL,
	"ethnic_minority" boolean DEFAULT false NOT NULL,
	"phone" text,
	"policy_flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"walls" text,
	"frame" text,
	"roof" text,
	"floor_area" numeric(7, 1),
	"clean_water" boolean,
	"hygienic_latrine" boolean,
	"telecom_subscription" boolean,
	"devices" text[],
	"hears_loudspeaker" boolean,
	"internet_use" boolean,
	"waste_handled_hygienically" boolean,
	"archived_at" timestamp with time zone,
	"archive_reason" text,
	"sort_key" text COLLATE "C" NOT NULL,
	"search_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "household_members_household" ON "household_members" USING btree ("household_id","position");--> statement-breakpoint
CREATE INDEX "household_members_citizen_id" ON "household_members" USING btree ("citizen_id");--> statement-breakpoint
CREATE UNIQUE INDEX "households_commune_code" ON "households" USING btree ("commune_code","code");--> statement-breakpoint
CREATE INDEX "households_area" ON "households" USING btree ("province_code","commune_code","village_id");--> statement-breakpoint
CREATE INDEX "households_province_sort" ON "households" USING btree ("province_code","sort_key");