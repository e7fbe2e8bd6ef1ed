ALTER TABLE "households" ADD COLUMN "search_words" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "households_search_words" ON "households" USING gin ("search_words");