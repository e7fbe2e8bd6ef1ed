import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/hook';
import type { Db } from '../../platform/db/database';
import * as targeting from './targeting';
import {
  CoverageSchema,
  LeftBehindListSchema,
  PriorityListSchema,
  PriorityQuerySchema,
  TargetingQuerySchema,
  UnaddressedListSchema,
} from './targeting-schemas';

const tags = ['support'];
const UnaddressedQuerySchema = TargetingQuerySchema.extend({ indicator: z.string().max(40).optional() });
const ExportQuerySchema = PriorityQuerySchema.extend({ indicator: z.string().max(40).optional() });
const ViewParamsSchema = z.strictObject({
  view: z.enum(['left-behind', 'unaddressed', 'coverage', 'priority'], 'Không có báo cáo này'),
});

/** Targeting and coverage views of the caller's area; each read also as an Excel file. */
export const targetingRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/targeting/left-behind',
    {
      schema: {
        tags,
        summary: 'Hộ nghèo, cận nghèo của danh sách năm chưa nhận hỗ trợ nào trong năm',
        querystring: TargetingQuerySchema,
        response: { 200: LeftBehindListSchema },
      },
    },
    (request) => targeting.leftBehind(db, actorOf(request), request.query),
  );
  app.get(
    '/api/targeting/unaddressed',
    {
      schema: {
        tags,
        summary: 'Thiếu hụt chưa được giải quyết: hộ thiếu hụt một chỉ số mà chưa có hỗ trợ tương ứng',
        querystring: UnaddressedQuerySchema,
        response: { 200: UnaddressedListSchema },
      },
    },
    (request) => targeting.unaddressed(db, actorOf(request), request.query),
  );
  app.get(
    '/api/targeting/coverage',
    {
      schema: {
        tags,
        summary: 'Các xã theo tỷ lệ nghèo, với phần hỗ trợ của năm (giá trị và số hộ)',
        querystring: TargetingQuerySchema,
        response: { 200: CoverageSchema },
      },
    },
    (request) => targeting.coverage(db, actorOf(request), request.query),
  );
  app.get(
    '/api/targeting/priority',
    {
      schema: {
        tags,
        summary: 'Danh sách ưu tiên theo quy tắc chấm điểm sửa được, có cách tính điểm từng hộ',
        querystring: PriorityQuerySchema,
        response: { 200: PriorityListSchema },
      },
    },
    (request) => targeting.priority(db, actorOf(request), request.query),
  );
  app.get(
    '/api/targeting/:view/export',
    {
      schema: {
        tags,
        summary: 'Tải báo cáo (chưa được hỗ trợ, thiếu hụt, theo xã, ưu tiên) dạng Excel',
        params: ViewParamsSchema,
        querystring: ExportQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await targeting.exportView(db, actorOf(request), request.params.view, request.query);
      return reply.type(file.type).header('content-disposition', `attachment; filename="${file.name}"`).send(file.body);
    },
  );
};
