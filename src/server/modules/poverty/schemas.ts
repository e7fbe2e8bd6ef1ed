import { z } from 'zod';
import { AREAS, CATEGORIES, StandardDefinitionSchema } from '../../../domain/poverty';

const localized = z.object({ vi: z.string(), en: z.string() });

/** A standard as published: its definition (the law as data) and whether any part is provisional. */
export const PublishedStandardSchema = StandardDefinitionSchema.extend({
  status: z.enum(['confirmed', 'provisional']).describe('provisional: có phần chưa đối chiếu văn bản pháp luật'),
  source: z.enum(['builtin', 'loaded']),
  provinceCode: z.string().nullable().describe('Chuẩn riêng của tỉnh; null = toàn quốc'),
  loadedAt: z.string().nullable(),
  current: z.boolean().describe('Phiên bản đang dùng để xác định'),
});
const provinceCodeField = z.string().regex(/^\d{2}$/u, 'Mã tỉnh gồm 2 chữ số');
export const StandardListQuerySchema = z.strictObject({
  province: provinceCodeField.optional().describe('Kèm chuẩn riêng của tỉnh này'),
});
export const StandardListSchema = z.object({ items: z.array(PublishedStandardSchema), total: z.number().int() });

export const ClassifyRequestSchema = z.strictObject({
  standard: z.string().min(1).max(50).describe('Mã chuẩn nghèo, ví dụ "2022-2025"'),
  area: z.enum(AREAS).describe('rural: nông thôn; urban: thành thị'),
  incomePerCapitaMonthly: z
    .number('Thu nhập phải là số nguyên đồng')
    .int('Thu nhập phải là số nguyên đồng')
    .min(0, 'Thu nhập không được âm')
    .max(1_000_000_000_000, 'Thu nhập không quá 1.000.000.000.000 đồng')
    .describe('Thu nhập bình quân đầu người mỗi tháng, đồng'),
  deprivations: z.array(z.string().max(50)).max(30).default([]).describe('Các chỉ số thiếu hụt'),
  province: provinceCodeField.optional().describe('Dùng chuẩn riêng của tỉnh nếu có'),
});

export const StandardLoadSchema = z.strictObject({
  provinceCode: provinceCodeField
    .nullable()
    .describe('null: chuẩn toàn quốc (đính chính); mã tỉnh: chuẩn riêng của tỉnh'),
  definition: z.unknown().describe('Định nghĩa chuẩn nghèo (JSON), xem docs/poverty-standards.md'),
});
export const StandardLoadedSchema = z.object({
  id: z.uuid(),
  standardId: z.string(),
  version: z.number().int(),
  provinceCode: z.string().nullable(),
  name: z.string(),
  loadedAt: z.string(),
});
export type StandardLoadReq = z.infer<typeof StandardLoadSchema>;

export const ClassificationSchema = z.object({
  standard: z.string(),
  version: z.number().int(),
  category: z.enum(CATEGORIES),
  deprivationCount: z.number().int(),
  deprivations: z.array(z.string()),
  rule: z.string().describe('Quy tắc đã quyết định kết quả'),
  scores: z.object({ deprivationScore: z.number(), incomeScoreLine: z.number() }).optional(),
  explanation: localized,
});

export type ClassifyReq = z.infer<typeof ClassifyRequestSchema>;
