import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the modules' tables.ts files, read, and committed.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/**/tables.ts',
  out: './migrations',
});
