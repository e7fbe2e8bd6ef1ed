ALTER TABLE "fund_campaigns" ADD COLUMN "balance" bigint DEFAULT 0 NOT NULL;
--> statement-breakpoint
-- The campaigns' balances as their cash lines leave them (the postings' rows are not touched).
UPDATE "fund_campaigns" c SET "balance" = l.total
FROM (
  SELECT campaign_id, sum(amount)::bigint AS total FROM "fund_posting_lines"
  WHERE account = 'cash' AND campaign_id IS NOT NULL GROUP BY campaign_id
) l
WHERE c.id = l.campaign_id;
