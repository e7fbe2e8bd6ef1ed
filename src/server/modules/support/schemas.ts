import { z } from 'zod';
import { CATEGORIES } from '../../../domain/poverty';
import { FUND_SOURCE, HOUSE_STAGES, SUPPORT_KINDS } from '../../../domain/support';
import { listQuerySchema, listResponseSchema } from '../../platform/list';
import {
  isoDateField,
  nameText,
  optionalText,
  queryBoolean,
  timestampField,
  versionField,
} from '../../platform/schemas';

const vnd = (what: string) =>
  z
    .number()
    .int(`${what} phải là số nguyên (đồng)`)
    .positive(`${what} phải lớn hơn 0`)
    .max(1_000_000_000_000, `${what} quá lớn`);

export const SupportCreateSchema = z
  .strictObject({
    kind: z.enum(SUPPORT_KINDS),
    sourceCode: z.string().min(1).max(60),
    memberId: z.uuid().nullable().default(null).describe('Thành viên nhận (hỗ trợ cho một người)'),
    value: vnd('Giá trị hỗ trợ').describe('Giá trị bằng đồng; hiện vật theo giá trị quy đổi'),
    date: isoDateField,
    decisionNumber: optionalText(60).default(null).describe('Số quyết định phê duyệt'),
    handoverProof: optionalText(500).default(null).describe('Biên bản, chứng từ bàn giao'),
    note: optionalText(1000).default(null),
    loanTermMonths: z.number().int().min(1).max(600).nullable().default(null),
    loanOutstanding: z.number().int().min(0).max(1_000_000_000_000).nullable().default(null),
    fundId: z
      .uuid('Mã quỹ không hợp lệ')
      .nullable()
      .default(null)
      .describe('Quỹ chi (khi nguồn là Quỹ "Vì người nghèo")'),
  })
  .superRefine((v, ctx) => {
    const fromFund = v.sourceCode === FUND_SOURCE;
    if (fromFund && v.fundId === null)
      ctx.addIssue({ code: 'custom', path: ['fundId'], message: 'Hỗ trợ từ Quỹ "Vì người nghèo" cần chọn quỹ chi' });
    if (!fromFund && v.fundId !== null)
      ctx.addIssue({ code: 'custom', path: ['fundId'], message: 'Chỉ hỗ trợ từ Quỹ "Vì người nghèo" mới chọn quỹ' });
    if (fromFund && v.decisionNumber === null)
      ctx.addIssue({ code: 'custom', path: ['decisionNumber'], message: 'Khoản chi từ Quỹ cần số quyết định' });
    const loan = v.kind === 'policy_loan';
    if (loan && v.loanTermMonths === null)
      ctx.addIssue({ code: 'custom', path: ['loanTermMonths'], message: 'Khoản vay cần có thời hạn (tháng)' });
    if (!loan && (v.loanTermMonths !== null || v.loanOutstanding !== null))
      ctx.addIssue({
        code: 'custom',
        path: ['loanTermMonths'],
        message: 'Chỉ khoản vay chính sách có thời hạn và dư nợ',
      });
    if (loan && v.loanOutstanding !== null && v.loanOutstanding > v.value)
      ctx.addIssue({ code: 'custom', path: ['loanOutstanding'], message: 'Dư nợ không lớn hơn số tiền vay' });
  });
export type SupportCreateReq = z.infer<typeof SupportCreateSchema>;

export const SupportCancelSchema = z.strictObject({ reason: nameText(500) });

export const SupportSchema = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  provinceCode: z.string(),
  communeCode: z.string(),
  memberId: z.uuid().nullable(),
  memberName: z.string().nullable(),
  kind: z.enum(SUPPORT_KINDS),
  sourceCode: z.string(),
  value: z.number().int(),
  date: z.string(),
  decisionNumber: z.string().nullable(),
  handoverProof: z.string().nullable(),
  note: z.string().nullable(),
  loanTermMonths: z.number().int().nullable(),
  loanOutstanding: z.number().int().nullable(),
  fundPostingId: z.uuid().nullable().describe('Bút toán chi của Quỹ khi hỗ trợ chi từ Quỹ (cùng một khoản)'),
  cancelled: z.boolean(),
  cancelReason: z.string().nullable(),
  createdAt: timestampField,
});
export type SupportView = z.infer<typeof SupportSchema>;

export const SupportListQuerySchema = listQuerySchema(['date', 'value'] as const).extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: z.enum(SUPPORT_KINDS).optional(),
});
export type SupportListReq = z.infer<typeof SupportListQuerySchema>;
export const SupportListSchema = listResponseSchema(SupportSchema).extend({
  inForce: z.number().int().describe('Số hỗ trợ còn hiệu lực (chưa hủy) trong danh sách'),
  totalValue: z.number().int().describe('Tổng giá trị các hỗ trợ còn hiệu lực trong danh sách'),
});

export const SupportSourceSchema = z.object({
  code: z.string(),
  group: z.string(),
  name: z.object({ vi: z.string(), en: z.string() }),
});

export const HouseApproveSchema = z.strictObject({
  kind: z.enum(['build', 'repair']),
  decisionNumber: nameText(60).describe('Số quyết định phê duyệt'),
  approvedOn: isoDateField,
  plannedCompletion: isoDateField.describe('Ngày dự kiến hoàn thành'),
  builder: optionalText(200).default(null).describe('Đơn vị thi công hoặc người xây'),
  funding: z
    .array(z.strictObject({ sourceCode: z.string().min(1).max(60), amount: vnd('Số tiền') }))
    .min(1, 'Cần ít nhất một nguồn kinh phí')
    .max(10)
    .refine((list) => new Set(list.map((f) => f.sourceCode)).size === list.length, 'Nguồn kinh phí bị lặp'),
});
export type HouseApproveReq = z.infer<typeof HouseApproveSchema>;

export const HouseStepSchema = z.strictObject({
  stage: z.enum(['under_construction', 'completed', 'handed_over']),
  date: isoDateField,
  version: versionField,
});

export const HouseSchema = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  householdCode: z.string(),
  headName: z.string(),
  provinceCode: z.string(),
  communeCode: z.string(),
  kind: z.enum(['build', 'repair']),
  decisionNumber: z.string(),
  stage: z.enum(HOUSE_STAGES),
  dates: z.object({
    approved: z.string(),
    under_construction: z.string().optional(),
    completed: z.string().optional(),
    handed_over: z.string().optional(),
  }),
  plannedCompletion: z.string(),
  builder: z.string().nullable(),
  funding: z.array(z.object({ sourceCode: z.string(), amount: z.number().int() })),
  totalCost: z.number().int(),
  behindSchedule: z.object({ vi: z.string(), en: z.string() }).nullable(),
  version: z.number().int(),
});
export type HouseView = z.infer<typeof HouseSchema>;

export const HouseListQuerySchema = listQuerySchema(['approvedOn', 'plannedCompletion'] as const).extend({
  commune: z
    .string()
    .regex(/^\d{5}$/u, 'Mã xã/phường gồm 5 chữ số')
    .optional(),
  stage: z.enum(HOUSE_STAGES).optional(),
  behindSchedule: queryBoolean,
  householdId: z.uuid().optional(),
});
export type HouseListReq = z.infer<typeof HouseListQuerySchema>;
export const HouseListSchema = listResponseSchema(HouseSchema);

const SourceTotalSchema = z.object({
  sourceCode: z.string(),
  supports: z.number().int(),
  value: z.number().int(),
});

/** GET /api/households/:id/support-years: the year-by-year table of the household page. */
export const SupportYearsSchema = z.object({
  years: z.array(
    z.object({
      year: z.number().int(),
      category: z.enum(CATEGORIES).nullable().describe('Loại hộ theo danh sách năm (đánh giá của năm)'),
      supports: z.number().int(),
      value: z.number().int().describe('Tổng giá trị hỗ trợ nhận trong năm (đồng)'),
      bySource: z.array(SourceTotalSchema),
      kinds: z.array(z.enum(SUPPORT_KINDS)),
      distributed: z.number().int().describe('Số hỗ trợ nhận qua các đợt phát theo danh sách'),
      loans: z.object({ borrowed: z.number().int(), outstanding: z.number().int() }).nullable(),
      houses: z.array(
        z.object({
          id: z.uuid(),
          kind: z.enum(['build', 'repair']),
          decisionNumber: z.string(),
          stage: z.enum(HOUSE_STAGES).describe('Bước nhà đạt được đến cuối năm'),
          totalCost: z.number().int(),
        }),
      ),
      models: z.array(z.object({ id: z.uuid(), name: z.string(), joinedOn: z.string() })),
    }),
  ),
  bySource: z.array(SourceTotalSchema).describe('Tổng theo nguồn qua các năm'),
  supports: z.number().int(),
  value: z.number().int(),
  loanOutstanding: z.number().int().describe('Dư nợ vay chính sách còn lại'),
});

// ——— distributions (đợt phát hỗ trợ cho một danh sách hộ)

const communeField = z.string().regex(/^\d{5}$/u, 'Mã xã/phường gồm 5 chữ số');

export const DistributionRowSchema = z.strictObject({
  householdCode: z.string().trim().min(1, 'Thiếu mã hộ').max(40),
  value: vnd('Giá trị').nullable().default(null).describe('Giá trị riêng của hộ (mặc định: giá trị chung của đợt)'),
  member: optionalText(120).default(null).describe('Thành viên nhận: số CCCD hoặc họ tên'),
  note: optionalText(500).default(null),
});
export type DistributionRow = z.infer<typeof DistributionRowSchema>;

/** What is handed out, to whom: the common part of every record, and the list. */
export const DistributionHeaderSchema = z.strictObject({
  communeCode: communeField,
  kind: z.enum(SUPPORT_KINDS),
  sourceCode: z.string().min(1).max(60),
  date: isoDateField,
  value: vnd('Giá trị mỗi suất').describe('Giá trị mỗi suất, bằng đồng'),
  decisionNumber: optionalText(60).default(null).describe('Số quyết định phê duyệt'),
  note: optionalText(500).default(null),
  fundId: z
    .uuid('Mã quỹ không hợp lệ')
    .nullable()
    .default(null)
    .describe('Quỹ chi (khi nguồn là Quỹ "Vì người nghèo"): mỗi hộ là một bút toán chi của quỹ'),
  campaignId: z
    .uuid('Mã đợt vận động không hợp lệ')
    .nullable()
    .default(null)
    .describe('Đợt vận động của quỹ chi cho đợt phát (tùy chọn)'),
});
export type DistributionHeader = z.infer<typeof DistributionHeaderSchema>;

export const DistributionCreateSchema = DistributionHeaderSchema.extend({
  rows: z.array(DistributionRowSchema).min(1, 'Danh sách hộ trống').max(5000, 'Tối đa 5.000 hộ mỗi đợt'),
});
export type DistributionCreateReq = z.infer<typeof DistributionCreateSchema>;

/** The commune's households of the chosen categories (latest assessment), as the list to hand out to. */
export const DistributionSelectSchema = DistributionHeaderSchema.extend({
  categories: z.array(z.enum(['poor', 'near_poor', 'average', 'not_poor'])).min(1, 'Chọn ít nhất một loại hộ'),
});

export const DistributionSheetQuerySchema = DistributionHeaderSchema.omit({ note: true, decisionNumber: true }).extend({
  value: z.coerce.number().int('Giá trị phải là số nguyên (đồng)').positive('Giá trị phải lớn hơn 0'),
  decisionNumber: optionalText(60).default(null),
});

const problemSchema = z.object({ column: z.string(), message: z.string(), messageEn: z.string() });

export const DistributionPreviewSchema = z.object({
  rows: z.array(
    z.object({
      row: z.number().int().describe('Số dòng (trong tệp Excel, hoặc thứ tự trong danh sách)'),
      householdCode: z.string(),
      householdId: z.uuid().nullable(),
      headName: z.string().nullable(),
      memberName: z.string().nullable(),
      value: z.number().int().nullable(),
      note: z.string().nullable(),
      problems: z.array(problemSchema).describe('Lý do từ chối dòng này (trống: được ghi nhận)'),
    }),
  ),
  accepted: z.number().int(),
  refused: z.number().int(),
  totalValue: z.number().int().describe('Tổng giá trị các dòng được ghi nhận'),
  fundBalance: z.number().int().nullable().describe('Số dư hiện tại của quỹ chi (khi chi từ Quỹ)'),
});
export type DistributionPreview = z.infer<typeof DistributionPreviewSchema>;

export const DistributionSchema = z.object({
  id: z.uuid(),
  communeCode: z.string(),
  kind: z.enum(SUPPORT_KINDS),
  sourceCode: z.string(),
  date: z.string(),
  decisionNumber: z.string().nullable(),
  households: z.number().int(),
  totalValue: z.number().int(),
  replayed: z.boolean().describe('Yêu cầu lặp lại cùng Idempotency-Key: trả lại đợt đã ghi, không ghi thêm'),
});

/** GET /api/support-distributions: the distributions of the caller's area, by commune, year and kind. */
export const DistributionListQuerySchema = listQuerySchema(['date', 'totalValue'] as const).extend({
  commune: communeField.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: z.enum(SUPPORT_KINDS).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type DistributionListReq = z.infer<typeof DistributionListQuerySchema>;

/** A distribution as listed: its households and value are those of its supports still in force. */
export const DistributionSummarySchema = z.object({
  id: z.uuid(),
  provinceCode: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  kind: z.enum(SUPPORT_KINDS),
  sourceCode: z.string(),
  date: z.string(),
  decisionNumber: z.string().nullable(),
  fundId: z.uuid().nullable().describe('Quỹ chi, khi đợt phát chi từ Quỹ "Vì người nghèo"'),
  campaignId: z.uuid().nullable(),
  households: z.number().int().describe('Số hộ nhận (không kể hỗ trợ đã hủy)'),
  totalValue: z.number().int().describe('Tổng giá trị, đồng (không kể hỗ trợ đã hủy)'),
  cancelled: z.number().int().describe('Số hỗ trợ của đợt đã bị hủy'),
  title: z.string().describe('Tên đợt phát, ví dụ "Quà Tết 2026 — 300 hộ, 150.000.000 đ"'),
});
export const DistributionListSchema = listResponseSchema(DistributionSummarySchema);

/** One distribution with who received what. */
export const DistributionDetailSchema = DistributionSummarySchema.extend({
  fundName: z.string().nullable(),
  campaignName: z.string().nullable(),
  recipients: z.array(
    z.object({
      supportId: z.uuid(),
      householdId: z.uuid(),
      householdCode: z.string(),
      headName: z.string(),
      memberName: z.string().nullable(),
      value: z.number().int(),
      note: z.string().nullable(),
      cancelled: z.boolean(),
    }),
  ),
});
export type DistributionSummary = z.infer<typeof DistributionSummarySchema>;
export type DistributionDetail = z.infer<typeof DistributionDetailSchema>;
