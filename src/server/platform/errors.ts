import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * One list of errors, one handler. Every error leaves as RFC 9457 problem+json with a stable
 * `code`, a Vietnamese `detail`, an English `detailEn` and, for bad input, the offending field.
 * Code matches on `code`, never on message text.
 */
export interface FieldProblem {
  field: string;
  message: string;
  messageEn: string;
  /** A problem in an uploaded spreadsheet: where it is (row 1-based, column by its header). */
  sheet?: string | null;
  row?: number | null;
  column?: string | null;
  cell?: string | null;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly vi: string,
    readonly en: string,
    readonly errors: FieldProblem[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(en);
  }
}

export const errors = {
  unauthenticated: () => new AppError(401, 'unauthenticated', 'Bạn cần đăng nhập.', 'Sign-in required.'),
  badCredentials: () =>
    new AppError(401, 'bad_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.', 'Wrong username or password.'),
  csrf: () =>
    new AppError(
      403,
      'csrf_token_invalid',
      'Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token). Hãy tải lại trang.',
      'Missing or wrong X-CSRF-Token header. Reload the page.',
    ),
  forbidden: (vi = 'Bạn không có quyền thực hiện thao tác này.', en = 'You may not do this.') =>
    new AppError(403, 'forbidden', vi, en),
  outOfScope: () =>
    new AppError(
      403,
      'out_of_scope',
      'Dữ liệu này nằm ngoài địa bàn bạn được phân quyền.',
      'This lies outside the area you are assigned to.',
    ),
  notFound: (entityVi: string, entityEn: string) =>
    new AppError(404, 'not_found', `Không tìm thấy ${entityVi}.`, `${entityEn} not found.`),
  invalid: (field: string, vi: string, en: string) =>
    new AppError(400, 'validation_failed', vi, en, [{ field, message: vi, messageEn: en }]),
  conflict: (code: string, vi: string, en: string, field?: string) =>
    new AppError(409, code, vi, en, field ? [{ field, message: vi, messageEn: en }] : []),
  staleVersion: () =>
    new AppError(
      409,
      'stale_version',
      'Bản ghi đã được người khác sửa. Hãy tải lại và thử lại.',
      'Someone else changed this record. Reload and try again.',
    ),
  tooManyRequests: (retryAfterSeconds: number) =>
    new AppError(
      429,
      'too_many_attempts',
      `Quá nhiều lần thử. Hãy thử lại sau ${retryAfterSeconds} giây.`,
      `Too many attempts. Try again in ${retryAfterSeconds} seconds.`,
      [],
      { 'retry-after': String(retryAfterSeconds) },
    ),
};

/** The database's own error behind an error: drizzle wraps it as the cause of its own. */
function databaseError(error: unknown): { code?: string; constraint?: string } {
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  return e.cause?.code ? e.cause : e;
}

/** The SQLSTATE of a database error (either driver), if the server answered with one. */
export function sqlStateOf(error: unknown): string | undefined {
  return databaseError(error).code;
}

/** The unique constraint a database error violated, if that is what it is. */
function violatedUniqueConstraint(error: unknown): string | undefined {
  const pg = databaseError(error);
  return pg.code === '23505' ? pg.constraint : undefined;
}

/**
 * For `.catch()` after a write whose uniqueness the service checked first: when a concurrent
 * request won the race, the database constraint answers, and this turns it into the same
 * specific problem the check gives.
 */
export function whenUniqueViolated(constraint: string, problem: () => AppError) {
  return (error: unknown): never => {
    throw violatedUniqueConstraint(error) === constraint ? problem() : error;
  };
}

const english = z.locales.en().localeError;

function fieldOf(context: string | undefined, instancePath: string): string {
  // "/a/b" → "a.b"; the root is "/" (so an unknown key at the root arrives as "//key").
  const path = instancePath.split('/').filter(Boolean).join('.');
  if (context === 'body') return path || 'body';
  return path ? `${context ?? 'request'}.${path}` : (context ?? 'request');
}

function toProblem(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext;
    const fields = error.validation.map((v) => {
      const issue = { ...v.params, code: v.keyword, path: v.instancePath.split('/').slice(1) };
      const en = english?.(issue as never);
      // An unknown field is named by its own key, not by the object that holds it.
      const keys = v.keyword === 'unrecognized_keys' ? (v.params as { keys?: string[] }).keys : undefined;
      const path = keys?.length ? `${v.instancePath}/${keys.join(',')}` : v.instancePath;
      return {
        field: fieldOf(context, path),
        message: v.message ?? 'Không hợp lệ',
        messageEn: (typeof en === 'string' ? en : en?.message) ?? 'Invalid',
      };
    });
    const first = fields[0]!;
    return new AppError(
      400,
      'validation_failed',
      `${first.field}: ${first.message}`,
      `${first.field}: ${first.messageEn}`,
      fields,
    );
  }
  const fe = error as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return errors.invalid('body', 'Nội dung gửi lên không phải JSON hợp lệ.', 'The body is not valid JSON.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(413, 'body_too_large', 'Nội dung gửi lên quá lớn.', 'The body is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(
        415,
        'unsupported_media_type',
        'Kiểu nội dung không được hỗ trợ.',
        'Unsupported content type.',
      );
  }
  // PostgreSQL constraint violations that slipped past validation: never leak SQL text.
  const pgCode = sqlStateOf(error);
  if (pgCode === '23505') return errors.conflict('duplicate', 'Dữ liệu bị trùng.', 'Duplicate value.');
  if (pgCode?.startsWith('22')) {
    return errors.invalid('body', 'Giá trị không hợp lệ.', 'Invalid value (rejected by the database).');
  }
  if (pgCode === '23503')
    return errors.conflict('reference_missing', 'Tham chiếu không tồn tại.', 'Referenced record missing.');
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError(fe.statusCode, 'bad_request', 'Yêu cầu không hợp lệ.', fe.message);
  }
  return new AppError(500, 'internal_error', 'Lỗi hệ thống. Vui lòng thử lại sau.', 'Internal error.');
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: AppError) {
  return reply
    .status(problem.status)
    .headers(problem.headers)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `https://chungtay.vn/problems/${problem.code}`,
      title: problem.vi,
      status: problem.status,
      code: problem.code,
      detail: problem.vi,
      detailEn: problem.en,
      field: problem.errors[0]?.field,
      errors: problem.errors.length ? problem.errors : undefined,
      instance: request.url,
      requestId: request.id,
    });
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const problem = toProblem(error);
  if (problem.status >= 500) request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, request, problem);
}
