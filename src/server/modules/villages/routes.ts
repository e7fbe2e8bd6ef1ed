import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/hook';
import type { Db } from '../../platform/db/database';
import { IdParamsSchema } from '../../platform/schemas';
import {
  VillageArchiveSchema,
  VillageCreateSchema,
  VillageListQuerySchema,
  VillageListSchema,
  VillageSchema,
  VillageUpdateSchema,
} from './schemas';
import * as villages from './service';

const tags = ['villages'];

export const villageRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/villages',
    {
      schema: {
        tags,
        summary: 'Danh sách thôn, tổ dân phố',
        querystring: VillageListQuerySchema,
        response: { 200: VillageListSchema },
      },
    },
    (request) => villages.listVillages(db, actorOf(request), request.query),
  );
  app.get(
    '/api/villages/:id',
    { schema: { tags, summary: 'Một thôn/tổ dân phố', params: IdParamsSchema, response: { 200: VillageSchema } } },
    (request) => villages.getVillage(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/villages',
    { schema: { tags, summary: 'Thêm thôn/tổ dân phố', body: VillageCreateSchema, response: { 201: VillageSchema } } },
    async (request, reply) => reply.status(201).send(await villages.createVillage(db, actorOf(request), request.body)),
  );
  app.patch(
    '/api/villages/:id',
    {
      schema: {
        tags,
        summary: 'Sửa thôn/tổ dân phố',
        params: IdParamsSchema,
        body: VillageUpdateSchema,
        response: { 200: VillageSchema },
      },
    },
    (request) => villages.updateVillage(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/villages/:id/archive',
    {
      schema: {
        tags,
        summary: 'Lưu trữ thôn/tổ dân phố (có lý do)',
        params: IdParamsSchema,
        body: VillageArchiveSchema,
        response: { 200: VillageSchema },
      },
    },
    (request) => villages.archiveVillage(db, actorOf(request), request.params.id, request.body),
  );
};
