CREATE TABLE "poverty_standards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"standard_id" text NOT NULL,
	"version" integer NOT NULL,
	"province_code" text,
	"definition" jsonb NOT NULL,
	"loaded_by" uuid NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "poverty_standards_version" ON "poverty_standards" USING btree ("standard_id","version",coalesce("province_code", ''));