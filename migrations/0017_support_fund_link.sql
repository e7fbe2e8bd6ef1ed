ALTER TABLE "support_records" ADD COLUMN "fund_posting_id" uuid;--> statement-breakpoint
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
