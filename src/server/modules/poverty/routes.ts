import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ClassificationSchema, ClassifyRequestSchema, StandardListSchema } from './schemas';
import { classifyAnswers, listPublishedStandards } from './service';

/** The law is public: anyone may read the standards and try the calculator, without signing in. */
export const publicPovertyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/public/poverty/standards',
    {
      config: { public: true },
      schema: {
        tags: ['poverty'],
        summary: 'Các chuẩn nghèo đa chiều / multidimensional poverty standards',
        security: [],
        response: { 200: StandardListSchema },
      },
    },
    () => listPublishedStandards(),
  );

  app.post(
    '/api/public/poverty/classify',
    {
      config: { public: true },
      schema: {
        tags: ['poverty'],
        summary: 'Xác định hộ nghèo, cận nghèo theo một chuẩn / classify a household',
        security: [],
        body: ClassifyRequestSchema,
        response: { 200: ClassificationSchema },
      },
    },
    (request) => classifyAnswers(request.body),
  );
};
