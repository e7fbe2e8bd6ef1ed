import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { foldAccents } from '../../../domain/text';
import { actorOf } from '../../platform/auth/hook';
import { answerWithProgress, PROGRESS_NOTE } from '../../platform/progress';
import type { Db } from '../../platform/db/database';
import { IdParamsSchema } from '../../platform/schemas';
import { AssessmentPreviewSchema } from '../assessments/schemas';
import * as cases from './cases';
import { classificationRoutes } from './classification-routes';
import * as meetings from './meetings';
import * as paperwork from './paperwork';
import { rollupRoutes } from './rollup-routes';
import {
  CaseAddSchema,
  CaseListQuerySchema,
  CaseListSchema,
  CaseParamsSchema,
  CaseSchema,
  ComplaintParamsSchema,
  ComplaintResolveSchema,
  ComplaintSchema,
  DecideSchema,
  HouseholdCasesSchema,
  MeetingSchema,
  PostingStartSchema,
  ReopenSchema,
  ReviewerAssignSchema,
  RoundCreateSchema,
  RoundDetailSchema,
  RoundListQuerySchema,
  RoundListSchema,
  RoundSchema,
  RoundStepSchema,
  SurveySchema,
} from './schemas';
import * as rounds from './service';

const tags = ['reviews'];
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** The type of a generated document, by its file name. */
const typeOf = (fileName: string) => (fileName.endsWith('.pdf') ? 'application/pdf' : DOCX_TYPE);
/** A header holds ASCII only: the name without accents, and in full as RFC 6266's filename*. */
const attachment = (name: string) =>
  `attachment; filename="${foldAccents(name).replace(/[^\w.-]/gu, '-')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const reviewRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  rollupRoutes(app, db);
  classificationRoutes(app, db);
  app.get(
    '/api/reviews',
    {
      schema: {
        tags,
        summary: 'Các đợt rà soát hộ nghèo, hộ cận nghèo trong địa bàn',
        querystring: RoundListQuerySchema,
        response: { 200: RoundListSchema },
      },
    },
    (request) => rounds.listRounds(db, actorOf(request), request.query),
  );
  app.post(
    '/api/reviews',
    {
      schema: {
        tags,
        summary: 'Lập kế hoạch một đợt rà soát (định kỳ hoặc thường xuyên) của xã',
        body: RoundCreateSchema,
        response: { 201: RoundSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await rounds.createRound(db, actorOf(request), request.body)),
  );
  app.get(
    '/api/reviews/:id',
    {
      schema: {
        tags,
        summary: 'Đợt rà soát: bước hiện tại, lịch sử, thôn, họp dân, khiếu nại',
        params: IdParamsSchema,
        response: { 200: RoundDetailSchema },
      },
    },
    (request) => rounds.getRound(db, actorOf(request), request.params.id),
  );

  const stepRoute = (
    path: string,
    summary: string,
    handler: (actor: ReturnType<typeof actorOf>, id: string, version: number) => Promise<unknown>,
  ) =>
    app.post(
      `/api/reviews/:id/${path}`,
      { schema: { tags, summary, params: IdParamsSchema, body: RoundStepSchema, response: { 200: RoundSchema } } },
      (request) => handler(actorOf(request), request.params.id, request.body.version) as never,
    );
  stepRoute('listing', 'Bắt đầu lập danh sách: đưa vào các hộ nghèo, cận nghèo hiện có', (a, id, v) =>
    rounds.startListing(db, a, id, v),
  );
  stepRoute('survey', 'Bắt đầu điều tra, rà soát các hộ trong danh sách', (a, id, v) =>
    rounds.startSurvey(db, a, id, v),
  );
  stepRoute('meetings', 'Chuyển sang họp dân (mọi hộ đã hoàn thành phiếu)', (a, id, v) =>
    rounds.startMeetings(db, a, id, v),
  );
  app.post(
    '/api/reviews/:id/posting',
    {
      schema: {
        tags,
        summary: 'Niêm yết công khai 03 ngày làm việc (mọi hộ đã được họp dân thống nhất)',
        params: IdParamsSchema,
        body: PostingStartSchema,
        response: { 200: RoundSchema },
      },
    },
    (request) => rounds.startPosting(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/reviews/:id/decide',
    {
      schema: {
        tags,
        summary: 'Quyết định công nhận của Chủ tịch UBND xã: kết quả thành chính thức và bị khóa',
        description: `${PROGRESS_NOTE} Tiến độ: số hộ đã ghi kết quả.`,
        params: IdParamsSchema,
        body: DecideSchema,
        response: { 200: RoundSchema },
      },
    },
    (request, reply) =>
      answerWithProgress(request, reply, (onProgress) =>
        rounds.decideRound(db, actorOf(request), request.params.id, request.body, onProgress),
      ),
  );
  app.post(
    '/api/reviews/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Mở lại đợt đã quyết định (người phê duyệt, ghi rõ lý do)',
        params: IdParamsSchema,
        body: ReopenSchema,
        response: { 200: RoundSchema },
      },
    },
    (request) => rounds.reopenRound(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/reviews/:id/cases',
    {
      schema: {
        tags,
        summary: 'Danh sách hộ rà soát (điều tra viên chỉ thấy thôn được phân công)',
        params: IdParamsSchema,
        querystring: CaseListQuerySchema,
        response: { 200: CaseListSchema },
      },
    },
    (request) => cases.listCases(db, actorOf(request), request.params.id, request.query),
  );
  app.post(
    '/api/reviews/:id/cases',
    {
      schema: {
        tags,
        summary: 'Thêm hộ vào danh sách: có đơn (Mẫu 01/04) hoặc trưởng thôn đề xuất',
        params: IdParamsSchema,
        body: CaseAddSchema,
        response: { 201: CaseSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await cases.addCase(db, actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/reviews/:id/cases/:caseId',
    { schema: { tags, summary: 'Một hộ trong đợt rà soát', params: CaseParamsSchema, response: { 200: CaseSchema } } },
    (request) => cases.getCase(db, actorOf(request), request.params.id, request.params.caseId),
  );
  app.post(
    '/api/reviews/:id/cases/:caseId/survey/preview',
    {
      schema: {
        tags,
        summary: 'Xem trước phân loại của phiếu điều tra (không lưu)',
        params: CaseParamsSchema,
        body: SurveySchema,
        response: { 200: AssessmentPreviewSchema },
      },
    },
    (request) => cases.previewSurvey(db, actorOf(request), request.params.id, request.params.caseId, request.body),
  );
  app.put(
    '/api/reviews/:id/cases/:caseId/survey',
    {
      schema: {
        tags,
        summary: 'Lưu phiếu điều tra (nháp hoặc hoàn thành)',
        params: CaseParamsSchema,
        body: SurveySchema,
        response: { 200: z.object({ case: CaseSchema, result: AssessmentPreviewSchema }) },
      },
    },
    (request) => cases.saveSurvey(db, actorOf(request), request.params.id, request.params.caseId, request.body),
  );
  app.get(
    '/api/households/:id/reviews',
    {
      schema: {
        tags,
        summary: 'Hộ trong các đợt rà soát: đợt, năm, loại, bước, kết quả',
        params: IdParamsSchema,
        response: { 200: HouseholdCasesSchema },
      },
    },
    (request) => cases.householdCases(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/reviews/:id/reviewers',
    {
      schema: {
        tags,
        summary: 'Phân công điều tra viên cho một thôn',
        params: IdParamsSchema,
        body: ReviewerAssignSchema,
      },
    },
    (request) => cases.assignReviewer(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/reviews/:id/village-meetings',
    {
      schema: {
        tags,
        summary: 'Ghi kết quả họp dân của một thôn (trên 50% số người dự họp đồng ý)',
        params: IdParamsSchema,
        body: MeetingSchema,
        response: { 200: RoundDetailSchema },
      },
    },
    (request) => meetings.recordMeeting(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/reviews/:id/complaints',
    {
      schema: {
        tags,
        summary: 'Ghi nhận khiếu nại trong thời gian niêm yết',
        params: IdParamsSchema,
        body: ComplaintSchema,
        response: { 200: RoundDetailSchema },
      },
    },
    (request) => meetings.addComplaint(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/reviews/:id/complaints/:complaintId/recheck',
    {
      schema: {
        tags,
        summary: 'Kết quả phúc tra khiếu nại (và niêm yết lại khi kết quả thay đổi)',
        params: ComplaintParamsSchema,
        body: ComplaintResolveSchema,
        response: { 200: RoundDetailSchema },
      },
    },
    (request) =>
      meetings.resolveComplaint(db, actorOf(request), request.params.id, request.params.complaintId, request.body),
  );

  /** A generated document (Word or PDF) as a download. */
  const download = <P>(
    path: string,
    summary: string,
    params: z.ZodType<P>,
    make: (
      actor: ReturnType<typeof actorOf>,
      p: P,
      q: { village?: string },
    ) => Promise<{ fileName: string; buffer: Buffer }>,
  ) =>
    app.get(
      path,
      { schema: { tags, summary, params, querystring: z.strictObject({ village: z.uuid().optional() }) } },
      async (request, reply) => {
        const file = await make(actorOf(request), request.params as P, request.query);
        return reply
          .type(typeOf(file.fileName))
          .header('content-disposition', attachment(file.fileName))
          .send(file.buffer);
      },
    );
  download(
    '/api/reviews/:id/village-meetings/:meetingId/minutes.docx',
    'Biên bản họp dân (Word)',
    z.strictObject({ id: z.uuid(), meetingId: z.uuid() }),
    (a, p) => paperwork.meetingMinutes(db, a, p.id, p.meetingId),
  );
  download(
    '/api/reviews/:id/posting-list.docx',
    'Danh sách niêm yết của xã, hoặc của một thôn (?village=)',
    IdParamsSchema,
    (a, p, q) => paperwork.postingList(db, a, p.id, q.village),
  );
  download(
    '/api/reviews/:id/posting-list.pdf',
    'Danh sách niêm yết của xã, hoặc của một thôn (?village=), bản PDF để in',
    IdParamsSchema,
    (a, p, q) => paperwork.postingListPdf(db, a, p.id, q.village),
  );
  download(
    '/api/reviews/:id/decision.docx',
    'Quyết định công nhận (Mẫu 02) với các phụ lục danh sách (Word)',
    IdParamsSchema,
    (a, p) => paperwork.decisionDocument(db, a, p.id),
  );
  download(
    '/api/reviews/:id/refusal.docx',
    'Thông báo không công nhận theo đơn, kèm lý do, gửi người làm đơn (Word)',
    IdParamsSchema,
    (a, p) => paperwork.refusalNotice(db, a, p.id),
  );
  download(
    '/api/reviews/:id/cases/:caseId/certificate.docx',
    'Giấy chứng nhận hộ nghèo, hộ cận nghèo (Mẫu 03)',
    CaseParamsSchema,
    (a, p) => paperwork.certificate(db, a, p.id, p.caseId),
  );
};
