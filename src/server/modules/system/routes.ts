import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/hook';
import type { Database } from '../../platform/db/database';
import { takeBackup } from './service';

export const systemRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    '/api/system/backup',
    {
      schema: {
        tags: ['system'],
        summary: 'Tải bản sao lưu toàn bộ dữ liệu (SQL) / download a full backup',
        produces: ['application/sql'],
        response: { 200: z.any().describe('Tệp SQL, khôi phục bằng `chungtay restore`') },
      },
    },
    async (request, reply) => {
      const { fileName, stream } = await takeBackup(database, actorOf(request));
      return reply
        .header('content-type', 'application/sql; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );
};
