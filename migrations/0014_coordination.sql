CREATE TABLE "coordination_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"unit_code" text NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text,
	"place" text,
	"organiser_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"audience_kind" text NOT NULL,
	"audience_size" integer NOT NULL,
	"poor_audience" integer DEFAULT 0 NOT NULL,
	"topics" text NOT NULL,
	"budget_state" bigint DEFAULT 0 NOT NULL,
	"budget_fund" bigint DEFAULT 0 NOT NULL,
	"budget_social" bigint DEFAULT 0 NOT NULL,
	"budget_other" bigint DEFAULT 0 NOT NULL,
	"programme_id" uuid,
	"content_id" uuid,
	"task_id" uuid,
	"sort_key" text COLLATE "C" NOT NULL,
	"search_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coordination_contents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"scope" text NOT NULL,
	"responsible_id" uuid NOT NULL,
	"coordinating_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coordination_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text,
	"year" integer NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coordination_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text,
	"kind" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"number" text,
	"figures" jsonb NOT NULL,
	"sections" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coordination_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"content_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text,
	"title" text NOT NULL,
	"lead_id" uuid NOT NULL,
	"supporting_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coordination_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"level" text NOT NULL,
	"signed_on" date NOT NULL,
	"signed_place" text NOT NULL,
	"unit_code" text NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text,
	"party_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"legal_basis_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"period_from" integer NOT NULL,
	"period_to" integer NOT NULL,
	"purposes" text NOT NULL,
	"requirements" text NOT NULL,
	"implementation" text,
	"sort_key" text COLLATE "C" NOT NULL,
	"search_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"movement_id" uuid,
	"programme_id" uuid,
	"content_id" uuid,
	"unit_code" text NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text,
	"form" text NOT NULL,
	"level" text NOT NULL,
	"recipient_kind" text NOT NULL,
	"recipient_name" text NOT NULL,
	"recipient_organisation_id" uuid,
	"achievement" text NOT NULL,
	"decision_number" text NOT NULL,
	"decision_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emulation_movements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"unit_code" text NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text,
	"period_from" integer NOT NULL,
	"period_to" integer NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"issued_on" date,
	"issuer" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"province_code" text,
	"commune_code" text,
	"sort_key" text COLLATE "C" NOT NULL,
	"search_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"supervision_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text,
	"addressee_id" uuid NOT NULL,
	"text" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"answer" text,
	"answered_on" date,
	"resolved_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"unit_code" text NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text,
	"lead_id" uuid NOT NULL,
	"member_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"supervised_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"method" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"conducted_on" date,
	"findings" text,
	"programme_id" uuid,
	"content_id" uuid,
	"task_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "coordination_activities" ADD CONSTRAINT "coordination_activities_programme_id_coordination_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."coordination_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_activities" ADD CONSTRAINT "coordination_activities_content_id_coordination_contents_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."coordination_contents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_activities" ADD CONSTRAINT "coordination_activities_task_id_coordination_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."coordination_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_contents" ADD CONSTRAINT "coordination_contents_programme_id_coordination_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."coordination_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_contents" ADD CONSTRAINT "coordination_contents_responsible_id_organisations_id_fk" FOREIGN KEY ("responsible_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_plans" ADD CONSTRAINT "coordination_plans_programme_id_coordination_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."coordination_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_reviews" ADD CONSTRAINT "coordination_reviews_programme_id_coordination_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."coordination_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_tasks" ADD CONSTRAINT "coordination_tasks_plan_id_coordination_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."coordination_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_tasks" ADD CONSTRAINT "coordination_tasks_programme_id_coordination_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."coordination_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_tasks" ADD CONSTRAINT "coordination_tasks_content_id_coordination_contents_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."coordination_contents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_tasks" ADD CONSTRAINT "coordination_tasks_lead_id_organisations_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commendations" ADD CONSTRAINT "commendations_movement_id_emulation_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."emulation_movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commendations" ADD CONSTRAINT "commendations_programme_id_coordination_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."coordination_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commendations" ADD CONSTRAINT "commendations_content_id_coordination_contents_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."coordination_contents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commendations" ADD CONSTRAINT "commendations_recipient_organisation_id_organisations_id_fk" FOREIGN KEY ("recipient_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_recommendations" ADD CONSTRAINT "supervision_recommendations_supervision_id_supervisions_id_fk" FOREIGN KEY ("supervision_id") REFERENCES "public"."supervisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_recommendations" ADD CONSTRAINT "supervision_recommendations_addressee_id_organisations_id_fk" FOREIGN KEY ("addressee_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_lead_id_organisations_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_supervised_id_organisations_id_fk" FOREIGN KEY ("supervised_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_programme_id_coordination_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."coordination_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_content_id_coordination_contents_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."coordination_contents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_task_id_coordination_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."coordination_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coordination_activities_area" ON "coordination_activities" USING btree ("province_code","starts_on","commune_code");--> statement-breakpoint
CREATE INDEX "coordination_activities_programme" ON "coordination_activities" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "coordination_activities_task" ON "coordination_activities" USING btree ("task_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coordination_contents_position" ON "coordination_contents" USING btree ("programme_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "coordination_plans_year" ON "coordination_plans" USING btree ("programme_id","year");--> statement-breakpoint
CREATE INDEX "coordination_reviews_programme" ON "coordination_reviews" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "coordination_tasks_plan" ON "coordination_tasks" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "coordination_tasks_due" ON "coordination_tasks" USING btree ("province_code","status","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "coordination_programmes_number" ON "coordination_programmes" USING btree ("province_code","number");--> statement-breakpoint
CREATE INDEX "coordination_programmes_area" ON "coordination_programmes" USING btree ("province_code","commune_code");--> statement-breakpoint
CREATE INDEX "commendations_area" ON "commendations" USING btree ("province_code","decision_date","commune_code");--> statement-breakpoint
CREATE INDEX "emulation_movements_area" ON "emulation_movements" USING btree ("province_code","commune_code");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_documents_number" ON "legal_documents" USING btree ("number");--> statement-breakpoint
CREATE INDEX "legal_documents_area" ON "legal_documents" USING btree ("province_code","commune_code");--> statement-breakpoint
CREATE INDEX "supervision_recommendations_supervision" ON "supervision_recommendations" USING btree ("supervision_id");--> statement-breakpoint
CREATE INDEX "supervision_recommendations_addressee" ON "supervision_recommendations" USING btree ("addressee_id","status","due_on");--> statement-breakpoint
CREATE INDEX "supervisions_area" ON "supervisions" USING btree ("province_code","year","commune_code");--> statement-breakpoint
CREATE INDEX "supervisions_programme" ON "supervisions" USING btree ("programme_id");