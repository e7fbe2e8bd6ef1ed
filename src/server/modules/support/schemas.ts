import { z } from 'zod';
import { SUPPORT_KINDS } from '../../../domain/support';
import { listQuerySchema, listResponseSchema } from '../../platform/list';
import { isoDateField, nameText, optionalText, timestampField } from '../../platform/schemas';

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
  })
  .superRefine((v, ctx) => {
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
