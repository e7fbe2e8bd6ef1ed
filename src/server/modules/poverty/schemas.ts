import { z } from 'zod';
import { AREAS, CATEGORIES, StandardDefinitionSchema } from '../../../domain/poverty';

const localized = z.object({ vi: z.string(), en: z.string() });

/** A standard as published: its definition (the law as data) and whether any part is provisional. */
export const PublishedStandardSchema = StandardDefinitionSchema.extend({
  status: z.enum(['confirmed', 'provisional']).describe('provisional: có phần chưa đối chiếu văn bản pháp luật'),
});
export const StandardListSchema = z.object({ items: z.array(PublishedStandardSchema), total: z.number().int() });

export const ClassifyRequestSchema = z.strictObject({
  standard: z.string().min(1).max(50).describe('Mã chuẩn nghèo, ví dụ "2022-2025"'),
  area: z.enum(AREAS).describe('rural: nông thôn; urban: thành thị'),
  incomePerCapitaMonthly: z
    .number('Thu nhập phải là số nguyên đồng')
    .int('Thu nhập phải là số nguyên đồng')
    .min(0, 'Thu nhập không được âm')
    .max(1_000_000_000_000)
    .describe('Thu nhập bình quân đầu người mỗi tháng, đồng'),
  deprivations: z.array(z.string().max(50)).max(30).default([]).describe('Các chỉ số thiếu hụt'),
});

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
