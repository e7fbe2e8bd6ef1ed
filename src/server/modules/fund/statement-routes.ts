import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/hook';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { answerWithProgress, PROGRESS_NOTE } from '../../platform/progress';
import { IdParamsSchema } from '../../platform/schemas';
import { XLSX_TYPE } from '../registry-excel/schemas';
import { importStatement, listStatementLines, matchStatementLine, setStatementLineAside } from './statement';
import { STATEMENT_LIMIT_BYTES, statementTooLarge } from './statement-file';
import {
  CSV_TYPE,
  StatementImportQuerySchema,
  StatementImportResultSchema,
  StatementLineListQuerySchema,
  StatementLineListSchema,
  StatementLineSchema,
  StatementMatchSchema,
  StatementSetAsideSchema,
} from './statement-schemas';

const tags = ['fund'];

/** The uploaded statement, read whole: a larger body is refused before it is read. */
function uploaded(body: unknown, contentLength: string | undefined): Buffer {
  if (contentLength && Number(contentLength) > STATEMENT_LIMIT_BYTES) throw statementTooLarge();
  if (!Buffer.isBuffer(body))
    throw new AppError(
      415,
      'unsupported_media_type',
      `Hãy gửi tệp sao kê CSV (${CSV_TYPE}) hoặc Excel (${XLSX_TYPE}).`,
      `Send the statement as CSV (${CSV_TYPE}) or Excel (${XLSX_TYPE}).`,
    );
  return body;
}

export const statementRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.addContentTypeParser(
    [CSV_TYPE, XLSX_TYPE, 'application/octet-stream'],
    // A little above the limit, so the limit's own message answers rather than the framework's.
    { parseAs: 'buffer', bodyLimit: STATEMENT_LIMIT_BYTES * 2 },
    (_r, body, done) => done(null, body),
  );
  app.post(
    '/api/funds/:id/statement-imports',
    {
      schema: {
        tags,
        summary: 'Nhập sao kê ngân hàng (CSV, Excel): xem trước (dryRun) hoặc tạo khoản thu từ các giao dịch khớp',
        description:
          `Thân yêu cầu: tệp sao kê (tối đa ${STATEMENT_LIMIT_BYTES / 1024 / 1024} MB). ` +
          `${PROGRESS_NOTE} Tiến độ: số giao dịch đã ghi.`,
        consumes: [CSV_TYPE, XLSX_TYPE],
        params: IdParamsSchema,
        querystring: StatementImportQuerySchema,
        response: { 200: StatementImportResultSchema },
      },
    },
    async (request, reply) => {
      const file = uploaded(request.body, request.headers['content-length']);
      return answerWithProgress(request, reply, (onProgress) =>
        importStatement(db, actorOf(request), request.params.id, file, { ...request.query, onProgress }),
      );
    },
  );
  app.get(
    '/api/funds/:id/statement-lines',
    {
      schema: {
        tags,
        summary: 'Các giao dịch sao kê đã nhập (lọc: chờ đối chiếu, đã khớp, để riêng)',
        params: IdParamsSchema,
        querystring: StatementLineListQuerySchema,
        response: { 200: StatementLineListSchema },
      },
    },
    (request) => listStatementLines(db, actorOf(request), request.params.id, request.query),
  );
  app.post(
    '/api/statement-lines/:id/match',
    {
      schema: {
        tags,
        summary: 'Đối chiếu tay một giao dịch: với cam kết, đợt vận động (tạo khoản thu) hoặc khoản thu đã ghi',
        params: IdParamsSchema,
        body: StatementMatchSchema,
        response: { 200: StatementLineSchema },
      },
    },
    (request) => matchStatementLine(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/statement-lines/:id/set-aside',
    {
      schema: {
        tags,
        summary: 'Để riêng một giao dịch không phải khoản ủng hộ (có lý do)',
        params: IdParamsSchema,
        body: StatementSetAsideSchema,
        response: { 200: StatementLineSchema },
      },
    },
    (request) => setStatementLineAside(db, actorOf(request), request.params.id, request.body.reason),
  );
};
