import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/hook';
import type { Db } from '../../platform/db/database';
import { IdParamsSchema } from '../../platform/schemas';
import {
  SupportCancelSchema,
  SupportCreateSchema,
  SupportListQuerySchema,
  SupportListSchema,
  SupportSchema,
  SupportSourceSchema,
} from './schemas';
import * as support from './service';

const tags = ['support'];

export const supportRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/support/sources',
    { schema: { tags, summary: 'Nguồn hỗ trợ', response: { 200: z.array(SupportSourceSchema) } } },
    () => support.listSources(),
  );
  app.get(
    '/api/households/:id/supports',
    {
      schema: {
        tags,
        summary: 'Các hỗ trợ hộ đã nhận',
        params: IdParamsSchema,
        querystring: SupportListQuerySchema,
        response: { 200: SupportListSchema },
      },
    },
    (request) => support.householdSupports(db, actorOf(request), request.params.id, request.query),
  );
  app.post(
    '/api/households/:id/supports',
    {
      schema: {
        tags,
        summary: 'Ghi nhận một hỗ trợ cho hộ',
        params: IdParamsSchema,
        body: SupportCreateSchema,
        response: { 201: SupportSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await support.recordSupport(db, actorOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/supports/:id/cancellation',
    {
      schema: {
        tags,
        summary: 'Hủy một hỗ trợ ghi nhầm (có lý do)',
        params: IdParamsSchema,
        body: SupportCancelSchema,
        response: { 200: SupportSchema },
      },
    },
    (request) => support.cancelSupport(db, actorOf(request), request.params.id, request.body.reason),
  );
};
