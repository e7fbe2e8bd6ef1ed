CREATE TABLE "support_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"household_id" uuid NOT NULL,
	"member_id" uuid,
	"kind" text NOT NULL,
	"source_code" text NOT NULL,
	"value" bigint NOT NULL,
	"date" date NOT NULL,
	"decision_number" text,
	"handover_proof" text,
	"note" text,
	"loan_term_months" integer,
	"loan_outstanding" bigint,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "support_records_value_positive" CHECK ("support_records"."value" > 0)
);
--> statement-breakpoint
ALTER TABLE "support_records" ADD CONSTRAINT "support_records_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "support_records_household" ON "support_records" USING btree ("household_id","date");--> statement-breakpoint
CREATE INDEX "support_records_area" ON "support_records" USING btree ("province_code","commune_code","date");