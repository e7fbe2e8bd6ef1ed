import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/hook';
import type { Db } from '../../platform/db/database';
import {
  ClassificationSchema,
  ClassifyRequestSchema,
  StandardListQuerySchema,
  StandardListSchema,
  StandardLoadedSchema,
  StandardLoadSchema,
} from './schemas';
import { classifyAnswers, listStandards, loadStandard } from './service';

const tags = ['poverty'];

/** The law is public: anyone may read the standards and try the calculator, without signing in. */
export const povertyRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/public/poverty/standards',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Các chuẩn nghèo đa chiều và các phiên bản / poverty standards and their versions',
        security: [],
        querystring: StandardListQuerySchema,
        response: { 200: StandardListSchema },
      },
    },
    (request) => listStandards(db, request.query.province ?? null),
  );

  app.post(
    '/api/public/poverty/classify',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Xác định hộ nghèo, cận nghèo theo một chuẩn / classify a household',
        security: [],
        body: ClassifyRequestSchema,
        response: { 200: ClassificationSchema },
      },
    },
    (request) => classifyAnswers(db, request.body),
  );

  app.post(
    '/api/poverty/standards',
    {
      schema: {
        tags,
        summary: 'Nạp chuẩn nghèo đính chính hoặc chuẩn riêng của tỉnh (JSON) / load a standard',
        body: StandardLoadSchema,
        response: { 201: StandardLoadedSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await loadStandard(db, actorOf(request), request.body)),
  );
};
