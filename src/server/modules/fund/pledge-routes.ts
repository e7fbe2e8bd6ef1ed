import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/hook';
import type { Db } from '../../platform/db/database';
import { IdParamsSchema } from '../../platform/schemas';
import {
  PledgeCancelSchema,
  PledgeCreateSchema,
  PledgeListQuerySchema,
  PledgeListSchema,
  PledgeSchema,
} from './pledge-schemas';
import * as pledges from './pledges';
import { VietQrSchema } from './schemas';

const tags = ['fund'];

export const pledgeRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/funds/:id/pledges',
    {
      schema: {
        tags,
        summary: 'Cam kết ủng hộ của quỹ (lọc theo trạng thái)',
        params: IdParamsSchema,
        querystring: PledgeListQuerySchema,
        response: { 200: PledgeListSchema },
      },
    },
    (request) => pledges.listPledges(db, actorOf(request), request.params.id, request.query),
  );
  app.post(
    '/api/funds/:id/pledges',
    {
      schema: {
        tags,
        summary: 'Ghi cam kết ủng hộ (số tiền, hạn nộp, mã tham chiếu để chuyển khoản)',
        params: IdParamsSchema,
        body: PledgeCreateSchema,
        response: { 201: PledgeSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await pledges.createPledge(db, actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/pledges/:id',
    { schema: { tags, summary: 'Một cam kết ủng hộ', params: IdParamsSchema, response: { 200: PledgeSchema } } },
    (request) => pledges.getPledge(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/pledges/:id/cancellation',
    {
      schema: {
        tags,
        summary: 'Hủy phần chưa nộp của một cam kết (có lý do)',
        params: IdParamsSchema,
        body: PledgeCancelSchema,
        response: { 200: PledgeSchema },
      },
    },
    (request) => pledges.cancelPledge(db, actorOf(request), request.params.id, request.body.reason),
  );
  app.get(
    '/api/pledges/:id/vietqr',
    {
      schema: {
        tags,
        summary: 'Mã VietQR riêng của cam kết (mã tham chiếu trong nội dung, số tiền còn lại)',
        params: IdParamsSchema,
        response: { 200: VietQrSchema },
      },
    },
    (request) => pledges.pledgeQr(db, actorOf(request), request.params.id),
  );
};
