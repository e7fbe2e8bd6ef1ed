import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/hook';
import type { Db } from '../../platform/db/database';
import { IdParamsSchema } from '../../platform/schemas';
import {
  latestClassification,
  resumeClassifications,
  startClassification,
  stopClassifications,
} from './classification';
import { ClassificationLatestSchema, ClassificationSchema, ClassificationStartSchema } from './schemas';

const tags = ['reviews'];

/**
 * A round's bulk classification (registered with the review routes): started here, run in the
 * background, its progress polled; resumed when the server starts, paused when it closes.
 */
export function classificationRoutes(parent: FastifyInstance, db: Db) {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  app.addHook('onReady', () => resumeClassifications(db));
  app.addHook('onClose', () => stopClassifications());
  app.post(
    '/api/reviews/:id/classification',
    {
      schema: {
        tags,
        summary: 'Phân loại hàng loạt các hộ chưa có phiếu từ dữ liệu sổ hộ (chạy nền, theo dõi tiến độ)',
        params: IdParamsSchema,
        body: ClassificationStartSchema,
        response: { 202: ClassificationSchema },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await startClassification(db, actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/reviews/:id/classification',
    {
      schema: {
        tags,
        summary: 'Tiến độ và kết quả lần phân loại hàng loạt gần nhất của đợt rà soát',
        params: IdParamsSchema,
        response: { 200: ClassificationLatestSchema },
      },
    },
    (request) => latestClassification(db, actorOf(request), request.params.id),
  );
}
