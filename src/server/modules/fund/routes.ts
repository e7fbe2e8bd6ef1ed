import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/hook';
import type { Db } from '../../platform/db/database';
import { IdParamsSchema } from '../../platform/schemas';
import type { PostingResult } from './posting';
import {
  AllocationCreateSchema,
  BalanceSchema,
  CampaignCreateSchema,
  CampaignListSchema,
  CampaignSchema,
  DonorCreateSchema,
  DonorListQuerySchema,
  DonorListSchema,
  DonorSchema,
  DonorUpdateSchema,
  ExpenditureCreateSchema,
  FundDonorListQuerySchema,
  FundDonorListSchema,
  FundCreateSchema,
  FundListQuerySchema,
  FundListSchema,
  FundSchema,
  IdempotencyHeadersSchema,
  PostingListQuerySchema,
  PostingListSchema,
  PostingSchema,
  PublicFundListSchema,
  PublicFundSchema,
  ReceiptCreateSchema,
  ReportQuerySchema,
  ReversalCreateSchema,
  VerificationSchema,
  VietQrQuerySchema,
  VietQrSchema,
} from './schemas';
import { publicDisclosure, publicFunds } from './disclosure';
import * as fund from './service';
import * as fundLink from '../support/fund-link';

const tags = ['fund'];
const posted = { 201: PostingSchema };

/** 201 with the posting; a replay of an Idempotency-Key says so in `Idempotent-Replayed`. */
function sendPosting(reply: FastifyReply, result: PostingResult) {
  if (result.replayed) void reply.header('idempotent-replayed', 'true');
  return reply.status(201).send(result.posting);
}

export const fundRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/funds',
    {
      schema: {
        tags,
        summary: 'Danh sách Quỹ "Vì người nghèo" và số dư',
        querystring: FundListQuerySchema,
        response: { 200: FundListSchema },
      },
    },
    (request) => fund.listFunds(db, actorOf(request), request.query),
  );
  app.post(
    '/api/funds',
    {
      schema: {
        tags,
        summary: 'Lập quỹ của một cấp Mặt trận (tỉnh, xã)',
        body: FundCreateSchema,
        response: { 201: FundSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await fund.createFund(db, actorOf(request), request.body)),
  );
  app.get(
    '/api/funds/:id',
    { schema: { tags, summary: 'Một quỹ', params: IdParamsSchema, response: { 200: FundSchema } } },
    (request) => fund.getFund(db, actorOf(request), request.params.id),
  );
  app.get(
    '/api/funds/:id/balance',
    { schema: { tags, summary: 'Số dư của quỹ (đồng)', params: IdParamsSchema, response: { 200: BalanceSchema } } },
    (request) => fund.fundBalance(db, actorOf(request), request.params.id),
  );
  app.get(
    '/api/funds/:id/postings',
    {
      schema: {
        tags,
        summary: 'Sổ bút toán của quỹ',
        params: IdParamsSchema,
        querystring: PostingListQuerySchema,
        response: { 200: PostingListSchema },
      },
    },
    (request) => fund.listPostings(db, actorOf(request), request.params.id, request.query),
  );
  app.post(
    '/api/funds/:id/receipts',
    {
      schema: {
        tags,
        summary: 'Ghi thu (tiền mặt, chuyển khoản, hiện vật) và cấp biên lai',
        params: IdParamsSchema,
        headers: IdempotencyHeadersSchema,
        body: ReceiptCreateSchema,
        response: posted,
      },
    },
    async (request, reply) =>
      sendPosting(
        reply,
        await fund.postReceipt(
          db,
          actorOf(request),
          request.params.id,
          request.body,
          request.headers['idempotency-key'],
        ),
      ),
  );
  app.post(
    '/api/funds/:id/expenditures',
    {
      schema: {
        tags,
        summary: 'Ghi chi hỗ trợ hộ hoặc mục đích chung',
        params: IdParamsSchema,
        headers: IdempotencyHeadersSchema,
        body: ExpenditureCreateSchema,
        response: posted,
      },
    },
    async (request, reply) =>
      sendPosting(
        reply,
        await fundLink.postExpenditure(
          db,
          actorOf(request),
          request.params.id,
          request.body,
          request.headers['idempotency-key'],
        ),
      ),
  );
  app.post(
    '/api/funds/:id/allocations',
    {
      schema: {
        tags,
        summary: 'Điều chuyển sang quỹ khác (cả hai bên trong một giao dịch)',
        params: IdParamsSchema,
        headers: IdempotencyHeadersSchema,
        body: AllocationCreateSchema,
        response: posted,
      },
    },
    async (request, reply) =>
      sendPosting(
        reply,
        await fund.postAllocation(
          db,
          actorOf(request),
          request.params.id,
          request.body,
          request.headers['idempotency-key'],
        ),
      ),
  );
  app.get(
    '/api/funds/:id/campaigns',
    {
      schema: {
        tags,
        summary: 'Các đợt vận động (Tháng cao điểm có sẵn mỗi năm)',
        params: IdParamsSchema,
        response: { 200: CampaignListSchema },
      },
    },
    (request) => fund.listCampaigns(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/funds/:id/campaigns',
    {
      schema: {
        tags,
        summary: 'Mở đợt vận động (Tết, thiên tai…)',
        params: IdParamsSchema,
        body: CampaignCreateSchema,
        response: { 201: CampaignSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await fund.createCampaign(db, actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/funds/:id/vietqr',
    {
      schema: {
        tags,
        summary: 'Mã VietQR để ủng hộ quỹ (hoặc một đợt vận động)',
        params: IdParamsSchema,
        querystring: VietQrQuerySchema,
        response: { 200: VietQrSchema },
      },
    },
    (request) => fund.fundVietQr(db, actorOf(request), request.params.id, request.query),
  );
  app.get(
    '/api/postings/:id',
    { schema: { tags, summary: 'Một bút toán', params: IdParamsSchema, response: { 200: PostingSchema } } },
    (request) => fund.getPosting(db, actorOf(request), request.params.id),
  );
  app.get(
    '/api/funds/:id/report',
    {
      schema: {
        tags,
        summary: 'Báo cáo thu, chi của quỹ trong kỳ (PDF hoặc Excel)',
        params: IdParamsSchema,
        querystring: ReportQuerySchema,
        produces: ['application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      const { body, type, name } = await fund.fundReportDocument(
        db,
        actorOf(request),
        request.params.id,
        request.query,
      );
      return reply.type(type).header('content-disposition', `attachment; filename="${name}"`).send(body);
    },
  );
  app.get(
    '/api/postings/:id/receipt.pdf',
    {
      schema: {
        tags,
        summary: 'Biên lai (PDF, khổ A5) của một khoản thu',
        params: IdParamsSchema,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const { pdf, fileName } = await fund.receiptDocument(db, actorOf(request), request.params.id);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`).send(pdf);
    },
  );
  app.post(
    '/api/postings/:id/reversal',
    {
      schema: {
        tags,
        summary: 'Hủy bút toán bằng bút toán đảo (có lý do)',
        params: IdParamsSchema,
        headers: IdempotencyHeadersSchema,
        body: ReversalCreateSchema,
        response: posted,
      },
    },
    async (request, reply) =>
      sendPosting(
        reply,
        await fundLink.reversePosting(
          db,
          actorOf(request),
          request.params.id,
          request.body,
          request.headers['idempotency-key'],
        ),
      ),
  );
  app.get(
    '/api/donors',
    { schema: { tags, summary: 'Nhà hảo tâm', querystring: DonorListQuerySchema, response: { 200: DonorListSchema } } },
    (request) => fund.listDonors(db, actorOf(request), request.query),
  );
  app.post(
    '/api/donors',
    { schema: { tags, summary: 'Thêm nhà hảo tâm', body: DonorCreateSchema, response: { 201: DonorSchema } } },
    async (request, reply) => reply.status(201).send(await fund.createDonor(db, actorOf(request), request.body)),
  );
  app.get(
    '/api/funds/:id/donors',
    {
      schema: {
        tags,
        summary: 'Nhà hảo tâm của quỹ (tìm theo tên, điện thoại, thư; lọc theo loại) và số đã ủng hộ',
        params: IdParamsSchema,
        querystring: FundDonorListQuerySchema,
        response: { 200: FundDonorListSchema },
      },
    },
    (request) => fund.listFundDonors(db, actorOf(request), request.params.id, request.query),
  );
  app.put(
    '/api/donors/:id',
    {
      schema: {
        tags,
        summary: 'Sửa thông tin liên hệ và sự đồng ý công khai tên của nhà hảo tâm',
        params: IdParamsSchema,
        body: DonorUpdateSchema,
        response: { 200: DonorSchema },
      },
    },
    (request) => fund.updateDonor(db, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/public/funds',
    { schema: { tags, summary: 'Công khai: danh sách quỹ', response: { 200: PublicFundListSchema } } },
    () => publicFunds(db),
  );
  app.get(
    '/api/public/funds/:id',
    {
      schema: {
        tags,
        summary: 'Công khai: thu, chi, đợt vận động, số hộ được hỗ trợ và mã VietQR của một quỹ',
        params: IdParamsSchema,
        response: { 200: PublicFundSchema },
      },
    },
    (request) => publicDisclosure(db, request.params.id),
  );
  app.get(
    '/api/ledger/verification',
    { schema: { tags, summary: 'Kiểm tra chuỗi băm của sổ quỹ', response: { 200: VerificationSchema } } },
    (request) => fund.ledgerVerification(db, actorOf(request)),
  );
};
