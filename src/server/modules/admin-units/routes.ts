import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db/database';
import {
  AdminUnitGetQuerySchema,
  AdminUnitListQuerySchema,
  AdminUnitListSchema,
  AdminUnitParamsSchema,
  AdminUnitSchema,
  SuccessionConfirmSchema,
  SuccessionRemoveSchema,
  SuccessionSchema,
} from './schemas';
import { actorOf } from '../../platform/auth/hook';
import { z } from 'zod';
import { getAdminUnit, listAdminUnits } from './service';
import { confirmSuccession, removeSuccession } from './succession';

/** Reference data: readable by every signed-in user, whatever their scope; administrators correct the succession. */
export const adminUnitRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/admin-units',
    {
      schema: {
        tags: ['admin-units'],
        summary: 'Đơn vị hành chính con đang có hiệu lực / current child units',
        querystring: AdminUnitListQuerySchema,
        response: { 200: AdminUnitListSchema },
      },
    },
    (request) => {
      const { parent, at, ...rest } = request.query;
      return listAdminUnits(db, { ...rest, parentCode: parent ?? null, date: at ?? null });
    },
  );

  app.get(
    '/api/admin-units/:code',
    {
      schema: {
        tags: ['admin-units'],
        summary: 'Một đơn vị, đường dẫn và đơn vị kế thừa / one unit with path and successors',
        params: AdminUnitParamsSchema,
        querystring: AdminUnitGetQuerySchema,
        response: { 200: AdminUnitSchema },
      },
    },
    (request) => getAdminUnit(db, request.params.code, request.query.at ?? null),
  );

  app.post(
    '/api/admin-units/successions/confirm',
    {
      schema: {
        tags: ['admin-units'],
        summary: 'Xác nhận hoặc bổ sung liên kết kế thừa 2025 / confirm or add a succession link',
        body: SuccessionConfirmSchema,
        response: { 200: SuccessionSchema },
      },
    },
    (request) => confirmSuccession(db, actorOf(request), request.body),
  );

  app.post(
    '/api/admin-units/successions/remove',
    {
      schema: {
        tags: ['admin-units'],
        summary: 'Gỡ liên kết kế thừa sai (có lý do) / remove a wrong succession link',
        body: SuccessionRemoveSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await removeSuccession(db, actorOf(request), request.body);
      return reply.status(204).send(null);
    },
  );
};
