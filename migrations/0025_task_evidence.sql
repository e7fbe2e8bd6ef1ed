CREATE TABLE "coordination_task_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"ref_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text,
	"label" text NOT NULL,
	"date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "coordination_task_evidence" ADD CONSTRAINT "coordination_task_evidence_task_id_coordination_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."coordination_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "coordination_task_evidence_ref" ON "coordination_task_evidence" USING btree ("task_id","kind","ref_id");