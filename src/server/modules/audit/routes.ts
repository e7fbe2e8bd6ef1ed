import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/hook';
import type { Db } from '../../platform/db/database';
import { AuditListQuerySchema, AuditListSchema } from './schemas';
import { listAuditEvents } from './service';

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/audit-events',
    {
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký thao tác (quản trị) / audit log',
        querystring: AuditListQuerySchema,
        response: { 200: AuditListSchema },
      },
    },
    (request) => listAuditEvents(db, actorOf(request), request.query),
  );
};
