import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import { todayInVietnam } from '../../../domain/calendar';
import { actorOf } from '../../platform/auth/hook';
import type { Db } from '../../platform/db/database';
import { importHouseholds, IMPORT_LIMIT_BYTES } from './import';
import { AppError } from '../../platform/errors';
import { fileTooLarge } from './problems';
import { ExportQuerySchema, ImportQuerySchema, ImportResultSchema, TemplateQuerySchema, XLSX_TYPE } from './schemas';
import { annotateWorkbook, exportHouseholds, importTemplate } from './service';

const tags = ['households'];

/** The uploaded file, handed to the service as a stream (never buffered by the framework). */
class Upload {
  constructor(readonly stream: Readable) {}
}

const attachment = (name: string) => `attachment; filename="${name}"`;

function uploaded(body: unknown, contentLength: string | undefined): Readable {
  if (contentLength && Number(contentLength) > IMPORT_LIMIT_BYTES) {
    (body as Upload | undefined)?.stream.resume();
    throw fileTooLarge(IMPORT_LIMIT_BYTES / 1024 / 1024);
  }
  if (!(body instanceof Upload))
    throw new AppError(
      415,
      'unsupported_media_type',
      'Hãy gửi tệp Excel (.xlsx) với Content-Type ' + XLSX_TYPE + '.',
      'Send the .xlsx file with the Content-Type ' + XLSX_TYPE + '.',
    );
  return body.stream;
}

export const registryExcelRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  // Browsers send .xlsx as its own type, some tools as octet-stream: both are read as a stream.
  app.addContentTypeParser([XLSX_TYPE, 'application/octet-stream'], (_request, payload, done) =>
    done(null, new Upload(payload)),
  );
  const upload = { consumes: [XLSX_TYPE], description: 'Thân yêu cầu: tệp .xlsx (tối đa 100 MB).' };

  app.get(
    '/api/households/import-template',
    {
      schema: {
        tags,
        summary: 'Tải tệp Excel mẫu để nhập hộ, nhân khẩu và kết quả đánh giá',
        querystring: TemplateQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await importTemplate(db, actorOf(request), request.query.commune);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('mau-nhap-ho-gia-dinh.xlsx')).send(file);
    },
  );
  app.post(
    '/api/households/import',
    {
      schema: {
        tags,
        summary: 'Nhập hộ và nhân khẩu từ tệp Excel (mẫu Chung Tay hoặc danh sách của phần mềm quốc gia)',
        ...upload,
        querystring: ImportQuerySchema,
        response: { 200: ImportResultSchema },
      },
    },
    (request) =>
      importHouseholds(
        db,
        actorOf(request),
        request.query.commune,
        uploaded(request.body, request.headers['content-length']),
        { dryRun: request.query.dryRun },
      ),
  );
  app.post(
    '/api/households/import/annotated',
    {
      schema: {
        tags,
        summary: 'Kiểm tra tệp Excel và trả lại tệp với các ô lỗi được tô đỏ, có ghi chú',
        ...upload,
        querystring: ImportQuerySchema.omit({ dryRun: true }),
      },
    },
    async (request, reply) => {
      const file = await annotateWorkbook(
        db,
        actorOf(request),
        request.query.commune,
        uploaded(request.body, request.headers['content-length']),
      );
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('kiem-tra-loi.xlsx')).send(file);
    },
  );
  app.get(
    '/api/households/export',
    {
      schema: {
        tags,
        summary: 'Xuất danh sách hộ (cùng bộ lọc như danh sách) ra Excel, nhập lại được',
        querystring: ExportQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await exportHouseholds(db, actorOf(request), request.query);
      const name = `danh-sach-ho-${request.query.commune ?? 'dia-ban'}-${todayInVietnam()}.xlsx`;
      return reply.type(XLSX_TYPE).header('content-disposition', attachment(name)).send(file);
    },
  );
};
