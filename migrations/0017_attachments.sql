CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"province_code" text,
	"commune_code" text,
	"file_name" text NOT NULL,
	"file_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"caption" text,
	"content" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"removed_at" timestamp with time zone,
	"removed_by" uuid,
	"remove_reason" text,
	CONSTRAINT "attachments_size_positive" CHECK ("attachments"."size_bytes" > 0),
	CONSTRAINT "attachments_removed_erased" CHECK ("attachments"."removed_at" IS NULL OR "attachments"."content" IS NULL)
);
--> statement-breakpoint
CREATE INDEX "attachments_owner" ON "attachments" USING btree ("owner_kind","owner_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "attachments_owner_file" ON "attachments" USING btree ("owner_kind","owner_id","sha256") WHERE "attachments"."removed_at" IS NULL;