ALTER TABLE "fund_donors" ADD COLUMN "merged_into" uuid;--> statement-breakpoint
ALTER TABLE "fund_donors" ADD COLUMN "merged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "fund_donors" ADD CONSTRAINT "fund_donors_merged_into_fund_donors_id_fk" FOREIGN KEY ("merged_into") REFERENCES "public"."fund_donors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fund_donors_merged_into" ON "fund_donors" USING btree ("merged_into");--> statement-breakpoint
ALTER TABLE "fund_donors" ADD CONSTRAINT "fund_donors_not_merged_into_itself" CHECK ("fund_donors"."merged_into" <> "fund_donors"."id");