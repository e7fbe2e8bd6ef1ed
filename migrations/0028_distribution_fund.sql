ALTER TABLE "support_distributions" ADD COLUMN "fund_id" uuid;--> statement-breakpoint
ALTER TABLE "support_distributions" ADD COLUMN "campaign_id" uuid;--> statement-breakpoint
CREATE INDEX "support_records_distribution" ON "support_records" USING btree ("distribution_id");--> statement-breakpoint
-- Distributions recorded before: the fund (and campaign) that paid, read from their households' expenditure postings.
UPDATE "support_distributions" d SET "fund_id" = p."fund_id", "campaign_id" = p."campaign_id"
FROM "support_records" r JOIN "fund_postings" p ON p."id" = r."fund_posting_id"
WHERE r."distribution_id" = d."id";
