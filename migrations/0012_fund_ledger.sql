CREATE TABLE "fund_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fund_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text,
	"kind" text NOT NULL,
	"year" integer,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"target_amount" bigint,
	"reference" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_donors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text,
	"kind" text NOT NULL,
	"name" text,
	"phone" text,
	"email" text,
	"address" text,
	"publish_name" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_idempotency_keys" (
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"posting_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "fund_posting_lines" (
	"posting_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"fund_id" uuid NOT NULL,
	"account" text NOT NULL,
	"campaign_id" uuid,
	"amount" bigint NOT NULL,
	CONSTRAINT "fund_posting_lines_posting_id_line_pk" PRIMARY KEY("posting_id","line")
);
--> statement-breakpoint
CREATE TABLE "fund_postings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fund_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"amount" bigint NOT NULL,
	"receipt_year" integer,
	"receipt_seq" integer,
	"method" text,
	"in_kind_items" jsonb,
	"campaign_id" uuid,
	"donor_id" uuid,
	"donor_kind" text,
	"donor_name" text,
	"purpose" text,
	"household_id" uuid,
	"beneficiary_commune_code" text,
	"to_fund_id" uuid,
	"decision_number" text,
	"description" text,
	"reversal_of" uuid,
	"reason" text,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_receipt_counters" (
	"fund_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "fund_receipt_counters_fund_id_year_pk" PRIMARY KEY("fund_id","year")
);
--> statement-breakpoint
CREATE TABLE "funds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text,
	"organisation_id" uuid,
	"name" text NOT NULL,
	"bank_bin" text,
	"bank_name" text,
	"account_number" text,
	"account_holder" text,
	"balance" bigint DEFAULT 0 NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"last_hash" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fund_campaigns" ADD CONSTRAINT "fund_campaigns_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_posting_lines" ADD CONSTRAINT "fund_posting_lines_posting_id_fund_postings_id_fk" FOREIGN KEY ("posting_id") REFERENCES "public"."fund_postings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_posting_lines" ADD CONSTRAINT "fund_posting_lines_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_posting_lines" ADD CONSTRAINT "fund_posting_lines_campaign_id_fund_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."fund_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_postings" ADD CONSTRAINT "fund_postings_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_postings" ADD CONSTRAINT "fund_postings_campaign_id_fund_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."fund_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_postings" ADD CONSTRAINT "fund_postings_donor_id_fund_donors_id_fk" FOREIGN KEY ("donor_id") REFERENCES "public"."fund_donors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_postings" ADD CONSTRAINT "fund_postings_to_fund_id_funds_id_fk" FOREIGN KEY ("to_fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_receipt_counters" ADD CONSTRAINT "fund_receipt_counters_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funds" ADD CONSTRAINT "funds_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fund_campaigns_fund" ON "fund_campaigns" USING btree ("fund_id","start_date");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_campaigns_peak_month" ON "fund_campaigns" USING btree ("fund_id","year") WHERE "fund_campaigns"."kind" = 'peak_month';--> statement-breakpoint
CREATE INDEX "fund_donors_area" ON "fund_donors" USING btree ("province_code","commune_code");--> statement-breakpoint
CREATE INDEX "fund_posting_lines_fund" ON "fund_posting_lines" USING btree ("fund_id","account");--> statement-breakpoint
CREATE INDEX "fund_posting_lines_campaign" ON "fund_posting_lines" USING btree ("campaign_id","account");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_postings_chain" ON "fund_postings" USING btree ("fund_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_postings_receipt_number" ON "fund_postings" USING btree ("fund_id","receipt_year","receipt_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_postings_reversal_of" ON "fund_postings" USING btree ("reversal_of");--> statement-breakpoint
CREATE INDEX "fund_postings_area" ON "fund_postings" USING btree ("province_code","commune_code","date");--> statement-breakpoint
CREATE INDEX "fund_postings_fund_date" ON "fund_postings" USING btree ("fund_id","date");--> statement-breakpoint
CREATE INDEX "fund_postings_campaign" ON "fund_postings" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "fund_postings_household" ON "fund_postings" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "funds_area" ON "funds" USING btree ("province_code","commune_code");--> statement-breakpoint
CREATE UNIQUE INDEX "funds_unit" ON "funds" USING btree ("province_code",coalesce("commune_code", ''));