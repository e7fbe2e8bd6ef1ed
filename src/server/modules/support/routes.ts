import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/hook';
import type { Db } from '../../platform/db/database';
import { IdParamsSchema } from '../../platform/schemas';
import {
  HouseApproveSchema,
  HouseListQuerySchema,
  HouseListSchema,
  HouseSchema,
  HouseStepSchema,
  SupportCancelSchema,
  SupportCreateSchema,
  SupportListQuerySchema,
  SupportListSchema,
  SupportSchema,
  SupportSourceSchema,
} from './schemas';
import * as support from './service';
import * as houses from './houses';

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
  app.get(
    '/api/houses',
    {
      schema: {
        tags,
        summary: 'Nhà xây mới, sửa chữa được hỗ trợ (lọc theo bước, chậm tiến độ)',
        querystring: HouseListQuerySchema,
        response: { 200: HouseListSchema },
      },
    },
    (request) => houses.listHouses(db, actorOf(request), request.query),
  );
  app.post(
    '/api/households/:id/houses',
    {
      schema: {
        tags,
        summary: 'Phê duyệt hỗ trợ xây mới hoặc sửa chữa nhà cho hộ',
        params: IdParamsSchema,
        body: HouseApproveSchema,
        response: { 201: HouseSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await houses.approveHouse(db, actorOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/houses/:id/stage',
    {
      schema: {
        tags,
        summary: 'Chuyển nhà sang bước tiếp theo: khởi công, hoàn thành, bàn giao',
        params: IdParamsSchema,
        body: HouseStepSchema,
        response: { 200: HouseSchema },
      },
    },
    (request) => houses.advanceHouse(db, actorOf(request), request.params.id, request.body),
  );
};
