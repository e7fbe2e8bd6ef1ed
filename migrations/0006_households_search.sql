-- Accent-insensitive search over code, address, members' names and IDs (see households/tables.ts).
CREATE INDEX IF NOT EXISTS "households_search" ON "households" USING gin ("search_key" gin_trgm_ops);
