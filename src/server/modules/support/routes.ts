import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/hook';
import type { Db } from '../../platform/db/database';
import { IdParamsSchema } from '../../platform/schemas';
import { errors } from '../../platform/errors';
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
  SupportYearsSchema,
  DistributionCreateSchema,
  DistributionDetailSchema,
  DistributionListQuerySchema,
  DistributionListSchema,
  DistributionPreviewSchema,
  DistributionSchema,
  DistributionSelectSchema,
  DistributionSheetQuerySchema,
} from './schemas';
import * as support from './service';
import * as houses from './houses';
import { previewDistribution, recordDistribution, selectHouseholds } from './distribution';
import { previewSheet } from './distribution-sheet';
import { distributionSheet, getDistribution, listDistributions } from './distribution-view';
import { contentDisposition } from '../../platform/download';
import { householdSupportYears } from './household-years';
import { IdempotencyHeadersSchema } from '../fund/schemas';
import { XLSX_TYPE } from '../registry-excel/schemas';

const tags = ['support'];

/** A distribution's Excel list is small (a commune's households): read whole, up to 5 MB. */
const SHEET_LIMIT = 5 * 1024 * 1024;

export const supportRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.addContentTypeParser(
    [XLSX_TYPE, 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: SHEET_LIMIT },
    (_r, body, done) => done(null, body),
  );
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
  app.get(
    '/api/households/:id/support-years',
    {
      schema: {
        tags,
        summary: 'Hỗ trợ hộ nhận qua các năm, bên cạnh loại hộ của từng năm (tổng theo năm và theo nguồn)',
        params: IdParamsSchema,
        response: { 200: SupportYearsSchema },
      },
    },
    (request) => householdSupportYears(db, actorOf(request), request.params.id),
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
  app.get(
    '/api/support-distributions',
    {
      schema: {
        tags,
        summary: 'Các đợt phát hỗ trợ trong địa bàn (lọc theo xã, năm, loại hỗ trợ)',
        querystring: DistributionListQuerySchema,
        response: { 200: DistributionListSchema },
      },
    },
    (request) => listDistributions(db, actorOf(request), request.query),
  );
  app.get(
    '/api/support-distributions/:id',
    {
      schema: {
        tags,
        summary: 'Một đợt phát: ngày, loại, nguồn, quyết định, quỹ chi, tổng giá trị và từng hộ đã nhận',
        params: IdParamsSchema,
        response: { 200: DistributionDetailSchema },
      },
    },
    (request) => getDistribution(db, actorOf(request), request.params.id),
  );
  app.get(
    '/api/support-distributions/:id/export',
    {
      schema: {
        tags,
        summary: 'Tải danh sách hộ nhận của đợt phát (Excel)',
        params: IdParamsSchema,
      },
    },
    async (request, reply) => {
      const file = await distributionSheet(db, actorOf(request), request.params.id);
      return reply.type(file.type).header('content-disposition', contentDisposition(file.name)).send(file.body);
    },
  );
  app.post(
    '/api/support-distributions/preview',
    {
      schema: {
        tags,
        summary: 'Xem trước đợt phát hỗ trợ cho danh sách hộ: dòng nào bị từ chối và vì sao (không ghi gì)',
        body: DistributionCreateSchema,
        response: { 200: DistributionPreviewSchema },
      },
    },
    (request) => {
      const { rows, ...header } = request.body;
      return previewDistribution(
        db,
        actorOf(request),
        header,
        rows.map((r, i) => ({ ...r, row: i + 1 })),
      );
    },
  );
  app.post(
    '/api/support-distributions/selection',
    {
      schema: {
        tags,
        summary: 'Chọn danh sách phát từ sổ hộ: các hộ của xã theo loại hộ (đánh giá gần nhất), xem trước',
        body: DistributionSelectSchema,
        response: { 200: DistributionPreviewSchema },
      },
    },
    (request) => {
      const { categories, ...header } = request.body;
      return selectHouseholds(db, actorOf(request), header, categories);
    },
  );
  app.post(
    '/api/support-distributions/sheet',
    {
      schema: {
        tags,
        summary: 'Đọc danh sách phát từ tệp Excel (Mã hộ, Giá trị, Thành viên, Ghi chú) và xem trước',
        consumes: [XLSX_TYPE],
        description: 'Thân yêu cầu: tệp .xlsx (tối đa 5 MB).',
        querystring: DistributionSheetQuerySchema,
        response: { 200: DistributionPreviewSchema },
      },
    },
    (request) => {
      if (!Buffer.isBuffer(request.body))
        throw errors.invalid('file', 'Hãy gửi tệp Excel (.xlsx).', 'Send the .xlsx file.');
      return previewSheet(db, actorOf(request), { ...request.query, note: null }, request.body);
    },
  );
  app.post(
    '/api/support-distributions',
    {
      schema: {
        tags,
        summary: 'Ghi đợt phát: mọi dòng hoặc không dòng nào; gửi lại cùng Idempotency-Key không ghi trùng',
        headers: IdempotencyHeadersSchema,
        body: DistributionCreateSchema,
        response: { 201: DistributionSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordDistribution(db, actorOf(request), request.body, request.headers['idempotency-key'])),
  );
};
