-- Accent-insensitive search (LIKE on the folded key) served by trigram indexes.
CREATE INDEX IF NOT EXISTS "legal_documents_search" ON "legal_documents" USING gin ("search_key" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "coordination_programmes_search" ON "coordination_programmes" USING gin ("search_key" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "coordination_activities_search" ON "coordination_activities" USING gin ("search_key" gin_trgm_ops);
