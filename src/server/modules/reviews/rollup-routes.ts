import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/hook';
import { answerWithProgress, PROGRESS_NOTE } from '../../platform/progress';
import type { Db } from '../../platform/db/database';
import { XLSX_TYPE } from '../registry-excel/schemas';
import { cellHouseholds, rollupOfYear } from './rollup';
import { rollupWorkbook } from './rollup-excel';
import { RollupHouseholdsQuerySchema, RollupHouseholdsSchema, RollupQuerySchema, RollupSchema } from './rollup-schemas';

const tags = ['reviews'];

/** The province roll-up of the yearly review (registered with the review routes). */
export function rollupRoutes(parent: FastifyInstance, db: Db) {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/reviews/rollup',
    {
      schema: {
        tags,
        summary: 'Tổng hợp rà soát của tỉnh: tiến độ từng xã (quá hạn) và kết quả chính thức',
        description:
          'Xã chưa có quyết định được đếm trực tiếp (lưu lại đến khi dữ liệu của xã thay đổi). ' +
          `${PROGRESS_NOTE} Tiến độ: số xã đã đếm.`,
        querystring: RollupQuerySchema,
        response: { 200: RollupSchema },
      },
    },
    (request, reply) =>
      answerWithProgress(request, reply, (onProgress) => rollupOfYear(db, actorOf(request), request.query, onProgress)),
  );
  app.get(
    '/api/reviews/rollup.xlsx',
    {
      schema: {
        tags,
        summary: 'Các biểu tổng hợp kết quả rà soát (Excel): kết quả, biến động, thiếu hụt, nhóm, dân tộc, nguyên nhân',
        querystring: RollupQuerySchema,
      },
    },
    async (request, reply) => {
      const view = await rollupOfYear(db, actorOf(request), request.query);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="tong-hop-ra-soat-${view.provinceCode}-${view.year}.xlsx"`)
        .send(await rollupWorkbook(view));
    },
  );
  app.get(
    '/api/reviews/rollup/households',
    {
      schema: {
        tags,
        summary: 'Danh sách hộ của một ô số liệu tổng hợp (xã, chỉ tiêu)',
        querystring: RollupHouseholdsQuerySchema,
        response: { 200: RollupHouseholdsSchema },
      },
    },
    (request) => cellHouseholds(db, actorOf(request), request.query),
  );
}
