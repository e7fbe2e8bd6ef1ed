import type { FastifyInstance } from 'fastify';
import { errors } from './errors';

// C0 control characters other than tab, line feed and carriage return: never meaningful in
// user input, and PostgreSQL refuses NUL outright.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;

function findControl(value: unknown, path: string): string | null {
  if (typeof value === 'string') return CONTROL.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findControl(v, path ? `${path}.${i}` : String(i));
      if (found !== null) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = findControl(v, path ? `${path}.${k}` : k);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * Refuse control characters anywhere in a query string or JSON body, naming the field. Other
 * bodies (an uploaded workbook, read as a stream) are files, not text fields, and are not walked.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const json = request.headers['content-type']?.includes('json') ?? false;
    const field = findControl(request.query, 'querystring') ?? (json ? findControl(request.body, '') : null);
    if (field !== null) {
      throw errors.invalid(
        field || 'body',
        'Dữ liệu chứa ký tự điều khiển không hợp lệ.',
        'The value contains a control character.',
      );
    }
  });
}
