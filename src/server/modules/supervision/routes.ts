import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/hook';
import type { Db } from '../../platform/db/database';
import { IdParamsSchema } from '../../platform/schemas';
import {
  RecommendationAcceptSchema,
  RecommendationAnswerSchema,
  RecommendationCreateSchema,
  RecommendationListQuerySchema,
  RecommendationListSchema,
  RecommendationResolveSchema,
  RecommendationSchema,
  SupervisionConductSchema,
  SupervisionCreateSchema,
  SupervisionListQuerySchema,
  SupervisionListSchema,
  SupervisionSchema,
  SupervisionUpdateSchema,
} from './schemas';
import * as supervision from './service';

const tags = ['supervision'];

export const supervisionRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/supervisions',
    {
      schema: {
        tags,
        summary: 'Giám sát (kế hoạch năm và các cuộc đã giám sát)',
        querystring: SupervisionListQuerySchema,
        response: { 200: SupervisionListSchema },
      },
    },
    (request) => supervision.listSupervisions(db, actorOf(request), request.query),
  );
  app.get(
    '/api/supervisions/:id',
    { schema: { tags, summary: 'Một cuộc giám sát', params: IdParamsSchema, response: { 200: SupervisionSchema } } },
    (request) => supervision.getSupervision(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/supervisions',
    {
      schema: {
        tags,
        summary: 'Đưa cuộc giám sát vào kế hoạch',
        body: SupervisionCreateSchema,
        response: { 201: SupervisionSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await supervision.planSupervision(db, actorOf(request), request.body)),
  );
  app.put(
    '/api/supervisions/:id',
    {
      schema: {
        tags,
        summary: 'Sửa cuộc giám sát',
        params: IdParamsSchema,
        body: SupervisionUpdateSchema,
        response: { 200: SupervisionSchema },
      },
    },
    (request) => supervision.updateSupervision(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/supervisions/:id/conduct',
    {
      schema: {
        tags,
        summary: 'Ghi nhận đã giám sát, kèm kết quả',
        params: IdParamsSchema,
        body: SupervisionConductSchema,
        response: { 200: SupervisionSchema },
      },
    },
    (request) => supervision.conductSupervision(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/supervisions/:id/recommendations',
    {
      schema: {
        tags,
        summary: 'Kiến nghị gửi một tổ chức, có hạn trả lời',
        params: IdParamsSchema,
        body: RecommendationCreateSchema,
        response: { 201: RecommendationSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await supervision.recommend(db, actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/recommendations',
    {
      schema: {
        tags,
        summary: 'Kiến nghị sau giám sát (của địa bàn và gửi đến tổ chức của bạn)',
        querystring: RecommendationListQuerySchema,
        response: { 200: RecommendationListSchema },
      },
    },
    (request) => supervision.listRecommendations(db, actorOf(request), request.query),
  );
  app.get(
    '/api/recommendations/mine',
    {
      schema: {
        tags,
        summary: 'Nhắc việc: kiến nghị gửi đến tổ chức của bạn chưa giải quyết xong',
        response: { 200: RecommendationListSchema },
      },
    },
    (request) => supervision.myReminders(db, actorOf(request)),
  );
  app.post(
    '/api/recommendations/:id/answer',
    {
      schema: {
        tags,
        summary: 'Ghi nhận trả lời kiến nghị',
        params: IdParamsSchema,
        body: RecommendationAnswerSchema,
        response: { 200: RecommendationSchema },
      },
    },
    (request) => supervision.followUp(db, actorOf(request), request.params.id, 'answer', request.body),
  );
  app.post(
    '/api/recommendations/:id/accept',
    {
      schema: {
        tags,
        summary: 'Tiếp thu trả lời kiến nghị',
        params: IdParamsSchema,
        body: RecommendationAcceptSchema,
        response: { 200: RecommendationSchema },
      },
    },
    (request) => supervision.followUp(db, actorOf(request), request.params.id, 'accept', request.body),
  );
  app.post(
    '/api/recommendations/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Kiến nghị đã được giải quyết xong',
        params: IdParamsSchema,
        body: RecommendationResolveSchema,
        response: { 200: RecommendationSchema },
      },
    },
    (request) => supervision.followUp(db, actorOf(request), request.params.id, 'resolve', request.body),
  );
};
