-- Receipt counters move onto the fund's head (read by the lock that serialises its postings).
ALTER TABLE "funds" ADD COLUMN "receipt_counters" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
UPDATE "funds" SET "receipt_counters" = c.counters
FROM (
  SELECT "fund_id", jsonb_object_agg("year"::text, "last") AS counters
  FROM "fund_receipt_counters" GROUP BY "fund_id"
) AS c
WHERE c."fund_id" = "funds"."id";--> statement-breakpoint
DROP TABLE "fund_receipt_counters" CASCADE;
