import { z } from 'zod';
import { PRIORITY_FACTORS, SUPPORT_KINDS } from '../../../domain/support';
import { listResponseSchema } from '../../platform/list';

const localized = z.object({ vi: z.string(), en: z.string() });

/** Which year's lists (the assessments of that list year) and which commune of the caller's area. */
export const TargetingQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2016, 'Năm từ 2016').max(2100, 'Năm không hợp lệ'),
  commune: z
    .string()
    .regex(/^\d{5}$/u, 'Mã xã/phường gồm 5 chữ số')
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type TargetingQuery = z.infer<typeof TargetingQuerySchema>;

const householdFields = {
  householdId: z.uuid(),
  code: z.string(),
  headName: z.string(),
  communeCode: z.string(),
  category: z.enum(['poor', 'near_poor']),
  deprivationCount: z.number().int(),
  deprivations: z.array(z.string()),
};

export const LeftBehindListSchema = listResponseSchema(z.object(householdFields));

export const UnaddressedListSchema = listResponseSchema(
  z.object({
    ...householdFields,
    indicator: z.string().describe('Chỉ số thiếu hụt chưa được hỗ trợ'),
    kinds: z.array(z.enum(SUPPORT_KINDS)).describe('Loại hỗ trợ giải quyết thiếu hụt này'),
  }),
);

export const CoverageSchema = z.object({
  year: z.number().int(),
  totalValue: z.number().int(),
  communes: z.array(
    z.object({
      communeCode: z.string(),
      name: z.string(),
      assessed: z.number().int().describe('Số hộ có kết quả đánh giá của năm'),
      poor: z.number().int(),
      nearPoor: z.number().int(),
      povertyRate: z.number().describe('Tỷ lệ hộ nghèo, %'),
      supportedHouseholds: z.number().int().describe('Số hộ nhận hỗ trợ trong năm'),
      supportValue: z.number().int(),
      valueShare: z.number().describe('Phần giá trị hỗ trợ của xã trong địa bàn, %'),
      reached: z.number().int().describe('Số hộ nghèo, cận nghèo đã nhận hỗ trợ trong năm'),
      reachedShare: z.number().describe('Tỷ lệ hộ nghèo, cận nghèo đã nhận hỗ trợ, %'),
    }),
  ),
});

export const PriorityQuerySchema = TargetingQuerySchema.extend(
  Object.fromEntries(
    PRIORITY_FACTORS.map((f) => [
      f,
      z.coerce.number().int('Điểm phải là số nguyên').min(0, 'Điểm từ 0').max(100, 'Điểm đến 100').optional(),
    ]),
  ) as Record<(typeof PRIORITY_FACTORS)[number], z.ZodOptional<z.ZodCoercedNumber>>,
).extend({
  budget: z.coerce.number().int().min(1).max(1_000_000_000_000).optional().describe('Kinh phí có (đồng)'),
  cost: z.coerce.number().int().min(1).max(1_000_000_000_000).optional().describe('Mức hỗ trợ mỗi hộ (đồng)'),
});
export type PriorityQuery = z.infer<typeof PriorityQuerySchema>;

export const PriorityListSchema = listResponseSchema(
  z.object({
    householdId: z.uuid(),
    code: z.string(),
    headName: z.string(),
    communeCode: z.string(),
    category: z.enum(['poor', 'near_poor']),
    rank: z.number().int(),
    score: z.number().int(),
    parts: z.array(
      z.object({
        factor: z.enum(PRIORITY_FACTORS),
        count: z.number().int(),
        points: z.number().int(),
        label: localized,
      }),
    ),
    withinBudget: z.boolean().nullable().describe('Trong số hộ kinh phí đủ hỗ trợ (khi có kinh phí và mức hỗ trợ)'),
  }),
).extend({
  rule: z.record(z.string(), z.number().int()),
  coveredByBudget: z.number().int().nullable(),
});
