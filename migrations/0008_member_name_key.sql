ALTER TABLE "household_members" ADD COLUMN "name_key" text COLLATE "C" DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "household_members_name" ON "household_members" USING btree ("province_code","name_key") WHERE "household_members"."left_at" is null;--> statement-breakpoint
UPDATE "household_members" SET "name_key" = lower(unaccent("full_name"));
