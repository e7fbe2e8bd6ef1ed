CREATE TABLE "support_distributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"kind" text NOT NULL,
	"source_code" text NOT NULL,
	"date" date NOT NULL,
	"decision_number" text,
	"households" integer NOT NULL,
	"total_value" bigint NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "support_records" ADD COLUMN "fund_posting_id" uuid;--> statement-breakpoint
ALTER TABLE "support_records" ADD COLUMN "distribution_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "support_distributions_key" ON "support_distributions" USING btree ("created_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "support_distributions_area" ON "support_distributions" USING btree ("province_code","commune_code","date");--> statement-breakpoint
ALTER TABLE "support_records" ADD CONSTRAINT "support_records_distribution_id_support_distributions_id_fk" FOREIGN KEY ("distribution_id") REFERENCES "public"."support_distributions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "support_records_fund_posting" ON "support_records" USING btree ("fund_posting_id");--> statement-breakpoint
-- Expenditures to households posted before the link became support records of their own:
-- one record each (the same fact), cancelled when the expenditure was reversed.
INSERT INTO "support_records" ("province_code", "commune_code", "household_id", "kind", "source_code", "value", "date",
  "decision_number", "note", "fund_posting_id", "cancelled_at", "cancel_reason", "created_by")
SELECT h."province_code", h."commune_code", p."household_id",
  CASE p."purpose" WHEN 'education' THEN 'scholarship' ELSE p."purpose" END,
  'fund', p."amount", p."date", p."decision_number", p."description", p."id", r."created_at", r."reason", p."created_by"
FROM "fund_postings" p
JOIN "households" h ON h."id" = p."household_id"
LEFT JOIN "fund_postings" r ON r."reversal_of" = p."id"
WHERE p."kind" = 'expenditure'
  AND NOT EXISTS (SELECT 1 FROM "support_records" s WHERE s."fund_posting_id" = p."id");
