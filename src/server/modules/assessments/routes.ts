import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/hook';
import type { Db } from '../../platform/db/database';
import { IdParamsSchema } from '../../platform/schemas';
import {
  AssessmentInputSchema,
  AssessmentListSchema,
  AssessmentPreviewSchema,
  AssessmentSchema,
  AssessmentUpdateSchema,
  ComparisonQuerySchema,
  ComparisonSchema,
} from './schemas';
import * as assessments from './service';

const tags = ['assessments'];

export const assessmentRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/households/:id/assessments',
    {
      schema: {
        tags,
        summary: 'Kết quả đánh giá các năm của hộ, với biến động so với năm trước',
        params: IdParamsSchema,
        response: { 200: AssessmentListSchema },
      },
    },
    (request) => assessments.listAssessments(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/households/:id/assessments/preview',
    {
      schema: {
        tags,
        summary: 'Xem trước kết quả (không lưu): chỉ số thiếu hụt suy ra từ dữ liệu hộ và phân loại',
        params: IdParamsSchema,
        body: AssessmentInputSchema,
        response: { 200: AssessmentPreviewSchema },
      },
    },
    (request) => assessments.previewAssessment(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/households/:id/assessments',
    {
      schema: {
        tags,
        summary: 'Đánh giá hộ cho một năm theo một chuẩn nghèo',
        params: IdParamsSchema,
        body: AssessmentInputSchema,
        response: { 201: AssessmentSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await assessments.createAssessment(db, actorOf(request), request.params.id, request.body)),
  );
  app.put(
    '/api/assessments/:id',
    {
      schema: {
        tags,
        summary: 'Đánh giá lại (chưa có quyết định công nhận)',
        params: IdParamsSchema,
        body: AssessmentUpdateSchema,
        response: { 200: AssessmentSchema },
      },
    },
    (request) => assessments.reassess(db, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/assessments/comparison',
    {
      schema: {
        tags,
        summary: 'So sánh kết quả chính thức của một năm với một chuẩn khác (không thay đổi kết quả)',
        querystring: ComparisonQuerySchema,
        response: { 200: ComparisonSchema },
      },
    },
    (request) => assessments.compareSelection(db, actorOf(request), request.query),
  );
};
