CREATE TABLE "news_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" text NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text,
	"happened_on" date NOT NULL,
	"activity_id" uuid,
	"organisation_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"activity_photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdraw_reason" text,
	"sort_key" text COLLATE "C" NOT NULL,
	"search_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "news_items" ADD CONSTRAINT "news_items_activity_id_coordination_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."coordination_activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "news_items_area" ON "news_items" USING btree ("province_code","commune_code","happened_on");--> statement-breakpoint
CREATE INDEX "news_items_public" ON "news_items" USING btree ("province_code","published_at") WHERE "news_items"."status" = 'published';