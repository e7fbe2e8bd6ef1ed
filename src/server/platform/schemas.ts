import { z } from 'zod';
import { normalizeText } from '../../domain/text';

/** Shared field schemas: one definition of "a name", "a version", "a unit code". */
export const nameText = (max: number) =>
  z
    .string()
    .transform(normalizeText)
    .pipe(z.string().min(1, 'Không được để trống').max(max, `Tối đa ${max} ký tự`));

export const optionalText = (max: number) =>
  z
    .string()
    .transform(normalizeText)
    .pipe(z.string().max(max, `Tối đa ${max} ký tự`))
    .transform((v) => (v === '' ? null : v))
    .nullable();

/** The row version the client read; a write on a newer row is refused (409 stale_version). */
export const versionField = z.number().int().min(1).describe('Phiên bản bản ghi đã đọc (khóa lạc quan)');
export const VersionBodySchema = z.strictObject({ version: versionField });

export const IdParamsSchema = z.strictObject({ id: z.uuid('Mã định danh không hợp lệ') });

export const unitCodeField = z.string().regex(/^\d{2}(\d{3})?$/u, 'Mã tỉnh (2 chữ số) hoặc xã (5 chữ số)');

export const timestampField = z.iso.datetime({ offset: true });

/** A boolean in a query string: only "true" or "false". */
export const queryBoolean = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

/** A calendar date YYYY-MM-DD between 1900 and 2100 (dates outside are typing mistakes). */
export const isoDateField = z.iso
  .date('Ngày theo dạng YYYY-MM-DD')
  .refine((d) => d >= '1900-01-01' && d <= '2100-12-31', 'Ngày phải trong khoảng 1900–2100');
