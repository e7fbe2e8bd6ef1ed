CREATE TABLE "fund_pledge_payments" (
	"posting_id" uuid PRIMARY KEY NOT NULL,
	"pledge_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_pledges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fund_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text,
	"campaign_id" uuid,
	"donor_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"due_date" date NOT NULL,
	"reference" text NOT NULL,
	"description" text,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_statement_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fund_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text,
	"bank_transaction_id" text NOT NULL,
	"transaction_date" date NOT NULL,
	"amount" bigint NOT NULL,
	"content" text NOT NULL,
	"status" text NOT NULL,
	"matched_by" text,
	"pledge_id" uuid,
	"posting_id" uuid,
	"reason" text,
	"file_name" text,
	"imported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fund_pledge_payments" ADD CONSTRAINT "fund_pledge_payments_posting_id_fund_postings_id_fk" FOREIGN KEY ("posting_id") REFERENCES "public"."fund_postings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_pledge_payments" ADD CONSTRAINT "fund_pledge_payments_pledge_id_fund_pledges_id_fk" FOREIGN KEY ("pledge_id") REFERENCES "public"."fund_pledges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_pledges" ADD CONSTRAINT "fund_pledges_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_pledges" ADD CONSTRAINT "fund_pledges_campaign_id_fund_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."fund_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_pledges" ADD CONSTRAINT "fund_pledges_donor_id_fund_donors_id_fk" FOREIGN KEY ("donor_id") REFERENCES "public"."fund_donors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_statement_lines" ADD CONSTRAINT "fund_statement_lines_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_statement_lines" ADD CONSTRAINT "fund_statement_lines_pledge_id_fund_pledges_id_fk" FOREIGN KEY ("pledge_id") REFERENCES "public"."fund_pledges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_statement_lines" ADD CONSTRAINT "fund_statement_lines_posting_id_fund_postings_id_fk" FOREIGN KEY ("posting_id") REFERENCES "public"."fund_postings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fund_pledge_payments_pledge" ON "fund_pledge_payments" USING btree ("pledge_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_pledges_reference" ON "fund_pledges" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "fund_pledges_fund" ON "fund_pledges" USING btree ("fund_id","due_date");--> statement-breakpoint
CREATE INDEX "fund_pledges_area" ON "fund_pledges" USING btree ("province_code","commune_code");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_statement_lines_transaction" ON "fund_statement_lines" USING btree ("fund_id","bank_transaction_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_statement_lines_posting" ON "fund_statement_lines" USING btree ("posting_id");--> statement-breakpoint
CREATE INDEX "fund_statement_lines_status" ON "fund_statement_lines" USING btree ("fund_id","status","transaction_date");