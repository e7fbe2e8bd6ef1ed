import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db/database';
import {
  AdminUnitGetQuerySchema,
  AdminUnitListQuerySchema,
  AdminUnitListSchema,
  AdminUnitParamsSchema,
  AdminUnitSchema,
} from './schemas';
import { getAdminUnit, listAdminUnits } from './service';

/** Reference data: readable by every signed-in user, whatever their scope. */
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
};
