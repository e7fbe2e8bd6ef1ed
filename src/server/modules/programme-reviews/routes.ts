import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/hook';
import type { Db } from '../../platform/db/database';
import { IdParamsSchema, VersionBodySchema } from '../../platform/schemas';
import { WORD_TYPE } from '../../platform/word/official';
import { ReviewCreateSchema, ReviewListSchema, ReviewSchema, ReviewUpdateSchema } from './schemas';
import * as reviews from './service';
import { reviewDocx } from './word';

const tags = ['coordination'];

export const programmeReviewRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/programmes/:id/reviews',
    {
      schema: {
        tags,
        summary: 'Báo cáo sơ kết, tổng kết của chương trình',
        params: IdParamsSchema,
        response: { 200: ReviewListSchema },
      },
    },
    (request) => reviews.listReviews(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/programmes/:id/reviews',
    {
      schema: {
        tags,
        summary: 'Dự thảo báo cáo sơ kết, tổng kết từ số liệu',
        params: IdParamsSchema,
        body: ReviewCreateSchema,
        response: { 201: ReviewSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reviews.draftReview(db, actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/programme-reviews/:id',
    {
      schema: {
        tags,
        summary: 'Một báo cáo sơ kết, tổng kết',
        params: IdParamsSchema,
        response: { 200: ReviewSchema },
      },
    },
    (request) => reviews.getReview(db, actorOf(request), request.params.id),
  );
  app.put(
    '/api/programme-reviews/:id',
    {
      schema: {
        tags,
        summary: 'Sửa nội dung báo cáo',
        params: IdParamsSchema,
        body: ReviewUpdateSchema,
        response: { 200: ReviewSchema },
      },
    },
    (request) => reviews.editReview(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/programme-reviews/:id/refresh',
    {
      schema: {
        tags,
        summary: 'Lấy lại số liệu từ dữ liệu (giữ phần chữ đã sửa)',
        params: IdParamsSchema,
        body: VersionBodySchema,
        response: { 200: ReviewSchema },
      },
    },
    (request) => reviews.refreshReview(db, actorOf(request), request.params.id, request.body.version),
  );
  app.get(
    '/api/programme-reviews/:id/document',
    {
      schema: {
        tags,
        summary: 'Báo cáo (Word, thể thức Nghị định 30/2020/NĐ-CP)',
        params: IdParamsSchema,
        response: { 200: z.any().describe(WORD_TYPE) },
      },
    },
    async (request, reply) => {
      const { buffer, filename } = await reviewDocx(db, actorOf(request), request.params.id);
      return reply.type(WORD_TYPE).header('content-disposition', `attachment; filename="${filename}"`).send(buffer);
    },
  );
};
