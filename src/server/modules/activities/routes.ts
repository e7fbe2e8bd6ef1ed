import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/hook';
import type { Db } from '../../platform/db/database';
import { IdParamsSchema } from '../../platform/schemas';
import {
  ActivityCreateSchema,
  ActivityListQuerySchema,
  ActivityListSchema,
  ActivitySchema,
  ActivitySummaryQuerySchema,
  ActivitySummarySchema,
  ActivityUpdateSchema,
} from './schemas';
import * as activities from './service';

const tags = ['activities'];

export const activityRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/activities',
    {
      schema: {
        tags,
        summary: 'Hoạt động tuyên truyền, tập huấn, hội nghị (kèm tổng số theo bộ lọc)',
        querystring: ActivityListQuerySchema,
        response: { 200: ActivityListSchema },
      },
    },
    (request) => activities.listActivities(db, actorOf(request), request.query),
  );
  app.get(
    '/api/activities/summary',
    {
      schema: {
        tags,
        summary: 'Tổng hợp hoạt động theo đơn vị và loại trong kỳ',
        querystring: ActivitySummaryQuerySchema,
        response: { 200: ActivitySummarySchema },
      },
    },
    (request) => activities.summariseActivities(db, actorOf(request), request.query),
  );
  app.get(
    '/api/activities/:id',
    { schema: { tags, summary: 'Một hoạt động', params: IdParamsSchema, response: { 200: ActivitySchema } } },
    (request) => activities.getActivity(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/activities',
    { schema: { tags, summary: 'Ghi nhận hoạt động', body: ActivityCreateSchema, response: { 201: ActivitySchema } } },
    async (request, reply) =>
      reply.status(201).send(await activities.createActivity(db, actorOf(request), request.body)),
  );
  app.put(
    '/api/activities/:id',
    {
      schema: {
        tags,
        summary: 'Sửa hoạt động',
        params: IdParamsSchema,
        body: ActivityUpdateSchema,
        response: { 200: ActivitySchema },
      },
    },
    (request) => activities.updateActivity(db, actorOf(request), request.params.id, request.body),
  );
};
