import { z } from 'zod';
import { AREAS, CATEGORIES } from '../../../domain/poverty';
import { MOVEMENTS, POVERTY_CAUSES } from '../../../domain/registry/codes';
import { isoDateField, nameText, optionalText, timestampField, versionField } from '../../platform/schemas';

const localized = z.object({ vi: z.string(), en: z.string() });
const unique = <T>(list: T[]) => new Set(list).size === list.length;

/** The list year: the periodic review at the end of 2025 decides the 2026 lists (year 2026). */
const yearField = z
  .number('Năm phải là số nguyên')
  .int('Năm phải là số nguyên')
  .min(2016, 'Năm từ 2016')
  .max(2100, 'Năm đến 2100');

export const AssessmentInputSchema = z.strictObject({
  year: yearField.describe('Năm của danh sách mà kết quả xác định'),
  standard: z.string().min(1).max(50).optional().describe('Mã chuẩn nghèo; mặc định chuẩn áp dụng cho năm'),
  surveyDate: isoDateField.describe('Ngày điều tra, rà soát'),
  incomePerCapitaMonthly: z
    .number('Thu nhập phải là số nguyên đồng')
    .int('Thu nhập phải là số nguyên đồng')
    .min(0, 'Thu nhập không được âm')
    .max(1_000_000_000, 'Thu nhập không quá 1.000.000.000 đồng/người/tháng')
    .describe('Thu nhập bình quân đầu người mỗi tháng, đồng'),
  incomeScore: z.number().int().min(0).max(10_000).nullable().default(null).describe('Điểm B1 (phiếu B)'),
  overrides: z
    .array(
      z.strictObject({
        indicator: z.string().min(1).max(50),
        deprived: z.boolean(),
        reason: z.string().max(1000).describe('Bắt buộc: lý do điều tra viên kết luận khác'),
      }),
    )
    .max(30)
    .default([]),
  causes: z.array(z.enum(POVERTY_CAUSES)).refine(unique, 'Nguyên nhân bị lặp').default([]),
  note: optionalText(1000).default(null),
});
export const AssessmentUpdateSchema = AssessmentInputSchema.extend({ version: versionField });
export type AssessmentInput = z.infer<typeof AssessmentInputSchema>;

const IndicatorSchema = z.object({
  indicator: z.string(),
  name: localized,
  dimension: localized,
  deprived: z.boolean().describe('Giá trị được tính (theo điều chỉnh nếu có)'),
  derived: z.object({
    deprived: z.boolean(),
    reasons: z.array(localized),
    missingData: z.literal(true).optional(),
  }),
  override: z.object({ deprived: z.boolean(), reason: z.string() }).nullable(),
});

/** A result before it is saved (the live preview of the survey form). */
export const AssessmentPreviewSchema = z.object({
  householdId: z.uuid(),
  year: z.number().int(),
  standard: z.object({ id: z.string(), version: z.number().int(), name: localized, provisional: z.boolean() }),
  source: z.enum(['survey', 'import']),
  surveyDate: z.string(),
  area: z.enum(AREAS),
  incomePerCapitaMonthly: z.number().int().nullable().describe('null: không có quyền xem thu nhập'),
  incomeScore: z.number().int().nullable(),
  category: z.enum(CATEGORIES),
  rule: z.string(),
  deprivationCount: z.number().int(),
  deprivations: z.array(z.string()),
  scores: z.object({ deprivationScore: z.number(), incomeScoreLine: z.number() }).nullable(),
  explanation: localized,
  indicators: z.array(IndicatorSchema),
  causes: z.array(z.enum(POVERTY_CAUSES)),
  note: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
});
export const AssessmentSchema = AssessmentPreviewSchema.extend({
  id: z.uuid(),
  movement: z.enum(MOVEMENTS),
  createdAt: timestampField,
  updatedAt: timestampField,
  version: z.number().int(),
});
export const AssessmentListSchema = z.object({ items: z.array(AssessmentSchema) });
export type AssessmentPreview = z.infer<typeof AssessmentPreviewSchema>;
export type AssessmentView = z.infer<typeof AssessmentSchema>;

export const ComparisonQuerySchema = z.strictObject({
  province: z
    .string()
    .regex(/^\d{2}$/u, 'Mã tỉnh gồm 2 chữ số')
    .optional(),
  commune: z
    .string()
    .regex(/^\d{5}$/u, 'Mã xã gồm 5 chữ số')
    .optional(),
  village: z.uuid().optional(),
  year: z.coerce.number().pipe(yearField),
  to: nameText(50).describe('Chuẩn nghèo để so sánh, ví dụ 2027-2030'),
});
const categoryCounts = z.object(Object.fromEntries(CATEGORIES.map((c) => [c, z.number().int()])));
export const ComparisonSchema = z.object({
  year: z.number().int(),
  to: z.object({ standard: z.string(), version: z.number().int(), name: localized, provisional: z.boolean() }),
  total: z.number().int().describe('Số hộ có kết quả chính thức của năm trong phạm vi chọn'),
  compared: z.number().int(),
  notComparable: z.number().int().describe('Kết quả nhập từ danh sách, không có dữ liệu điều tra'),
  changed: z.number().int(),
  matrix: z.object(Object.fromEntries(CATEGORIES.map((c) => [c, categoryCounts]))),
  changes: z.array(
    z.object({
      householdId: z.uuid(),
      code: z.string(),
      headName: z.string(),
      villageName: z.string(),
      from: z.enum(CATEGORIES),
      to: z.enum(CATEGORIES),
      deprivationCount: z.number().int(),
    }),
  ),
  changesTruncated: z.boolean(),
});
export type ComparisonReq = z.infer<typeof ComparisonQuerySchema>;
