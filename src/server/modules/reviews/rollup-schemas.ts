import { z } from 'zod';
import { CATEGORIES } from '../../../domain/poverty';
import { ROUND_STATES } from '../../../domain/review';
import { parseMeasure } from '../../../domain/review/rollup';
import { listResponseSchema } from '../../platform/list';

const year = z.coerce
  .number('Năm phải là số nguyên')
  .int('Năm phải là số nguyên')
  .min(2021, 'Năm từ 2021')
  .max(2100, 'Năm đến 2100')
  .describe('Năm tổ chức rà soát định kỳ (kết quả là danh sách năm sau)');
const province = z
  .string()
  .regex(/^\d{2}$/u, 'Mã tỉnh gồm 2 chữ số')
  .optional()
  .describe('Mã tỉnh (mặc định: tỉnh của người dùng)');
const commune = z.string('Mã xã gồm 5 chữ số').regex(/^\d{5}$/u, 'Mã xã gồm 5 chữ số');

export const RollupQuerySchema = z.strictObject({ year, province });
export type RollupReq = z.infer<typeof RollupQuerySchema>;

export const RollupHouseholdsQuerySchema = z.strictObject({
  year,
  commune: commune.describe('Mã xã của ô số liệu'),
  measure: z
    .string()
    .max(120, 'Chỉ tiêu không hợp lệ')
    .refine(
      (m) => parseMeasure(m) !== null,
      'Chỉ tiêu không hợp lệ (ví dụ: poor, poor.closing, poor.deprived.water_source)',
    )
    .describe('Chỉ tiêu của ô: poor, near_poor.in_newly, poor.group.merit_family, poor.cause.no_land…'),
  limit: z.coerce.number('Số dòng phải là số').int().min(1, 'Ít nhất 1 dòng').max(500, 'Tối đa 500 dòng').default(50),
  offset: z.coerce.number('Vị trí phải là số').int().min(0, 'Vị trí từ 0').default(0),
});
export type RollupHouseholdsReq = z.infer<typeof RollupHouseholdsQuerySchema>;

const figure = z.tuple([z.number().int(), z.number().int()]).describe('[số hộ, số khẩu]');

export const RollupSchema = z.object({
  year: z.number().int(),
  listYear: z.number().int().describe('Năm của danh sách mà đợt rà soát định kỳ quyết định'),
  previousListYear: z.number().int(),
  provinceCode: z.string(),
  provinceName: z.string(),
  today: z.string(),
  indicators: z.array(z.object({ key: z.string(), vi: z.string(), en: z.string() })),
  ethnicities: z.array(z.string()),
  communes: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      round: z
        .object({
          id: z.uuid(),
          state: z.enum(ROUND_STATES),
          windowStart: z.string(),
          windowEnd: z.string(),
          decisionNumber: z.string().nullable(),
          decisionDate: z.string().nullable(),
          cases: z.number().int(),
          agreed: z.number().int(),
        })
        .nullable(),
      windowEnd: z.string().describe('Hạn hoàn thành rà soát định kỳ'),
      overdue: z.boolean().describe('Quá hạn mà chưa có quyết định công nhận'),
      regularOpen: z.number().int(),
      regularOverdue: z.number().int().describe('Đơn rà soát thường xuyên quá 15 ngày chưa giải quyết'),
      source: z
        .enum(['decision', 'assessments'])
        .describe(
          'decision: theo quyết định của đợt định kỳ; assessments: theo kết quả đánh giá của năm (chưa có quyết định)',
        ),
      figures: z.record(z.string(), figure),
      deprivations: z.object({ poor: z.number().int(), near_poor: z.number().int() }),
    }),
  ),
  total: z.object({
    figures: z.record(z.string(), figure),
    deprivations: z.object({ poor: z.number().int(), near_poor: z.number().int() }),
  }),
});
export type RollupView = z.infer<typeof RollupSchema>;

export const RollupHouseholdsSchema = listResponseSchema(
  z.object({
    id: z.uuid(),
    code: z.string(),
    headName: z.string(),
    villageName: z.string(),
    category: z.enum(CATEGORIES).nullable(),
    previousCategory: z.enum(CATEGORIES).nullable(),
    persons: z.number().int(),
  }),
);
