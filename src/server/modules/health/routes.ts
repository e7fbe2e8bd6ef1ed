import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../platform/db/database';
import { APP_VERSION } from '../../platform/version';

export const healthRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['health'],
        summary: 'Tình trạng hệ thống / health',
        security: [],
        response: {
          200: z.object({ status: z.literal('ok'), engine: z.enum(['pglite', 'postgres']), version: z.string() }),
        },
      },
    },
    async () => {
      await database.db.execute(sql`select 1`);
      return { status: 'ok' as const, engine: database.engine, version: APP_VERSION };
    },
  );
};
