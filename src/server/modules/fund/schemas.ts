import { z } from 'zod';
import { DONOR_KINDS, POSTING_KINDS, PURPOSES, RECEIPT_METHODS } from '../../../domain/fund';
import { listQuerySchema, listResponseSchema } from '../../platform/list';
import { isoDateField, nameText, optionalText, unitCodeField, versionField } from '../../platform/schemas';

/** Whole đồng, more than zero, at most a thousand billion (a typing mistake beyond that). */
export const amountField = z
  .number('Số tiền phải là số nguyên đồng')
  .int('Số tiền phải là số nguyên đồng (không có phần lẻ)')
  .positive('Số tiền phải lớn hơn 0')
  .max(1_000_000_000_000, 'Số tiền tối đa 1.000 tỷ đồng')
  .describe('Số tiền, đồng (số nguyên dương)');

const decisionNumber = nameText(100).describe('Số quyết định phê duyệt (ví dụ 12/QĐ-MTTQ)');

export const FundCreateSchema = z.strictObject({
  unitCode: unitCodeField.describe('Mã tỉnh (quỹ cấp tỉnh) hoặc mã xã'),
  name: nameText(200),
  organisationId: z.uuid('Mã tổ chức không hợp lệ').nullable().optional(),
  bankBin: z
    .string()
    .regex(/^\d{6}$/u, 'Mã BIN ngân hàng gồm 6 chữ số')
    .nullable()
    .optional(),
  bankName: optionalText(200).optional(),
  accountNumber: z
    .string()
    .regex(/^[0-9A-Za-z]{1,19}$/u, 'Số tài khoản: 1–19 chữ số hoặc chữ cái')
    .nullable()
    .optional(),
  accountHolder: optionalText(200).optional(),
});
export type FundCreateReq = z.infer<typeof FundCreateSchema>;

export const BankAccountSchema = z.object({
  bankBin: z.string().nullable(),
  bankName: z.string().nullable(),
  accountNumber: z.string().nullable(),
  accountHolder: z.string().nullable(),
});

export const FundSchema = BankAccountSchema.extend({
  id: z.uuid(),
  name: z.string(),
  provinceCode: z.string(),
  communeCode: z.string().nullable(),
  unitName: z.string().nullable(),
  organisationId: z.uuid().nullable(),
  balance: z.number().int(),
  postings: z.number().int(),
  canPost: z.boolean(),
});
export type FundView = z.infer<typeof FundSchema>;
export const FundListSchema = listResponseSchema(FundSchema);
export const FundListQuerySchema = listQuerySchema(['name', 'balance'] as const);

export const BalanceSchema = z.object({
  fundId: z.uuid(),
  balance: z.number().int().describe('Số dư, đồng'),
  receipts: z.number().int(),
  expenditures: z.number().int(),
  allocationsIn: z.number().int(),
  allocationsOut: z.number().int(),
  currency: z.literal('VND'),
});

const donorFields = {
  kind: z.enum(DONOR_KINDS, 'Loại nhà hảo tâm: individual, organization, business hoặc anonymous'),
  name: optionalText(200).optional(),
  phone: optionalText(30).optional(),
  email: optionalText(200).optional(),
  address: optionalText(300).optional(),
  publishName: z.boolean().optional().describe('Đồng ý công khai tên'),
};
export const DonorInputSchema = z
  .strictObject(donorFields)
  .refine((d) => d.kind === 'anonymous' || !!d.name, { message: 'Cần tên nhà hảo tâm (trừ ẩn danh)', path: ['name'] });
export type DonorInput = z.infer<typeof DonorInputSchema>;
export const DonorCreateSchema = z
  .strictObject({ ...donorFields, fundId: z.uuid('Mã quỹ không hợp lệ') })
  .refine((d) => d.kind === 'anonymous' || !!d.name, { message: 'Cần tên nhà hảo tâm (trừ ẩn danh)', path: ['name'] });

export const DonorSchema = z.object({
  id: z.uuid(),
  kind: z.enum(DONOR_KINDS),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  publishName: z.boolean(),
  mergedInto: z.uuid().nullable().describe('Đã gộp vào nhà hảo tâm này (bản trùng)'),
  version: z.number().int(),
});
export const DonorListSchema = listResponseSchema(DonorSchema);
export const DonorListQuerySchema = listQuerySchema(['name'] as const).extend({ fundId: z.uuid().optional() });

/** A donor's contact details and consent, as an officer corrects them (the kind stays). */
export const DonorUpdateSchema = z.strictObject({
  version: versionField,
  name: optionalText(200).optional(),
  phone: optionalText(30).optional(),
  email: optionalText(200).optional(),
  address: optionalText(300).optional(),
  publishName: z.boolean('Đồng ý công khai tên: true hoặc false').describe('Đồng ý công khai tên'),
});
export type DonorUpdateReq = z.infer<typeof DonorUpdateSchema>;

/** The donors of a fund's unit, with what each gave to the fund (receipts not reversed). */
export const FundDonorSchema = DonorSchema.extend({
  receipts: z.number().int().describe('Số khoản ủng hộ'),
  given: z.number().int().describe('Tổng đã ủng hộ quỹ, đồng'),
  lastDate: z.string().nullable().describe('Ngày ủng hộ gần nhất'),
  merged: z
    .array(z.object({ id: z.uuid(), name: z.string().nullable(), version: z.number().int() }))
    .describe('Các bản trùng đã gộp vào nhà hảo tâm này (tách ra được)'),
});
export type FundDonorView = z.infer<typeof FundDonorSchema>;
export const FundDonorListSchema = listResponseSchema(FundDonorSchema);
export const FundDonorListQuerySchema = listQuerySchema(['name', 'given'] as const).extend({
  kind: z.enum(DONOR_KINDS, 'Loại nhà hảo tâm: individual, organization, business hoặc anonymous').optional(),
});
export type FundDonorListReq = z.infer<typeof FundDonorListQuerySchema>;

const InKindItemSchema = z.strictObject({
  name: nameText(200),
  quantity: z.number().positive('Số lượng phải lớn hơn 0'),
  unit: nameText(30),
  value: amountField.describe('Giá trị quy đổi, đồng'),
});

export const ReceiptCreateSchema = z
  .strictObject({
    amount: amountField,
    date: isoDateField,
    method: z.enum(RECEIPT_METHODS, 'Hình thức: cash, bank hoặc in_kind'),
    donor: DonorInputSchema.optional(),
    donorId: z.uuid('Mã nhà hảo tâm không hợp lệ').optional(),
    campaignId: z.uuid('Mã đợt vận động không hợp lệ').nullable().optional(),
    items: z.array(InKindItemSchema).max(100).optional().describe('Hiện vật (khi method = in_kind)'),
    pledgeId: z.uuid('Mã cam kết không hợp lệ').optional().describe('Cam kết ủng hộ mà khoản thu này nộp'),
    description: optionalText(500).optional(),
  })
  .refine((r) => !!r.donor !== !!r.donorId, {
    message: 'Cần đúng một trong donor hoặc donorId',
    path: ['donor'],
  })
  .refine((r) => r.method !== 'in_kind' || (r.items?.length ?? 0) > 0, {
    message: 'Thu hiện vật cần liệt kê hiện vật',
    path: ['items'],
  })
  .refine((r) => r.method !== 'in_kind' || (r.items ?? []).reduce((s, i) => s + i.value, 0) === r.amount, {
    message: 'Tổng giá trị hiện vật phải bằng số tiền',
    path: ['items'],
  });
export type ReceiptCreateReq = z.infer<typeof ReceiptCreateSchema>;

export const ExpenditureCreateSchema = z.strictObject({
  amount: amountField,
  date: isoDateField,
  purpose: z.enum(PURPOSES, 'Mục đích chi không hợp lệ'),
  householdId: z.uuid('Mã hộ không hợp lệ').nullable().optional(),
  decisionNumber,
  campaignId: z.uuid('Mã đợt vận động không hợp lệ').nullable().optional(),
  description: optionalText(500).optional().describe('Nội dung, biên bản bàn giao'),
});
export type ExpenditureCreateReq = z.infer<typeof ExpenditureCreateSchema>;

export const AllocationCreateSchema = z.strictObject({
  toFundId: z.uuid('Mã quỹ nhận không hợp lệ'),
  amount: amountField,
  date: isoDateField,
  decisionNumber,
  description: optionalText(500).optional(),
});
export type AllocationCreateReq = z.infer<typeof AllocationCreateSchema>;

export const ReversalCreateSchema = z.strictObject({
  reason: nameText(500).describe('Lý do hủy'),
  date: isoDateField.optional().describe('Ngày hủy (mặc định hôm nay)'),
});
export type ReversalCreateReq = z.infer<typeof ReversalCreateSchema>;

export const IdempotencyHeadersSchema = z.looseObject({
  'idempotency-key': z
    .string()
    .min(1, 'Idempotency-Key không được trống')
    .max(200, 'Idempotency-Key tối đa 200 ký tự')
    .optional(),
});

export const PostingSchema = z.object({
  id: z.uuid(),
  fundId: z.uuid(),
  seq: z.number().int(),
  kind: z.enum(POSTING_KINDS),
  date: z.string(),
  amount: z.number().int(),
  receiptNumber: z.string().nullable(),
  method: z.enum(RECEIPT_METHODS).nullable(),
  inKindItems: z
    .array(z.object({ name: z.string(), quantity: z.number(), unit: z.string(), value: z.number() }))
    .nullable(),
  campaignId: z.uuid().nullable(),
  donor: z.object({ id: z.uuid().nullable(), kind: z.string(), name: z.string().nullable() }).nullable(),
  purpose: z.enum(PURPOSES).nullable(),
  householdId: z.uuid().nullable(),
  beneficiaryCommuneCode: z.string().nullable(),
  toFundId: z.uuid().nullable(),
  decisionNumber: z.string().nullable(),
  description: z.string().nullable(),
  reversalOf: z.uuid().nullable(),
  reversedBy: z.uuid().nullable(),
  reason: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  hash: z.string(),
  /** The fund's balance right after this request (only on the answer to a posting). */
  balance: z.number().int().optional(),
});
export type PostingView = z.infer<typeof PostingSchema>;
export const PostingListSchema = listResponseSchema(PostingSchema);
export const PostingListQuerySchema = listQuerySchema(['date'] as const).extend({
  kind: z.enum(POSTING_KINDS).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type PostingListReq = z.infer<typeof PostingListQuerySchema>;

export const CampaignCreateSchema = z
  .strictObject({
    name: nameText(200),
    startDate: isoDateField,
    endDate: isoDateField,
    targetAmount: amountField.nullable().optional(),
  })
  .refine((c) => c.endDate >= c.startDate, {
    message: 'Ngày kết thúc không được trước ngày bắt đầu',
    path: ['endDate'],
  });
export type CampaignCreateReq = z.infer<typeof CampaignCreateSchema>;

export const CampaignSchema = z.object({
  id: z.uuid(),
  fundId: z.uuid(),
  kind: z.enum(['peak_month', 'other']),
  year: z.number().int().nullable(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  targetAmount: z.number().int().nullable(),
  reference: z.string(),
  raised: z.number().int(),
  spent: z.number().int(),
  balance: z.number().int(),
  receipts: z.number().int(),
});
export type CampaignView = z.infer<typeof CampaignSchema>;
export const CampaignListSchema = z.object({ items: z.array(CampaignSchema), total: z.number().int() });

export const VietQrQuerySchema = z.strictObject({
  campaignId: z.uuid('Mã đợt vận động không hợp lệ').optional(),
  amount: z.coerce.number().int('Số tiền phải là số nguyên').positive('Số tiền phải lớn hơn 0').optional(),
});
export const VietQrSchema = z.object({
  payload: z.string(),
  svg: z.string(),
  note: z.string(),
  bankBin: z.string(),
  accountNumber: z.string(),
  accountHolder: z.string().nullable(),
  bankName: z.string().nullable(),
});

export const VerificationSchema = z.object({
  ok: z.boolean(),
  checkedAt: z.string(),
  funds: z.array(
    z.object({
      fundId: z.uuid(),
      name: z.string(),
      postings: z.number().int(),
      ok: z.boolean(),
      firstBroken: z
        .object({ postingId: z.uuid().nullable(), seq: z.number().int().nullable(), problem: z.string() })
        .nullable(),
    }),
  ),
});
export type Verification = z.infer<typeof VerificationSchema>;

export const PublicFundListSchema = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), unitName: z.string().nullable() })),
  total: z.number().int(),
});

export const PublicFundSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  unitName: z.string().nullable(),
  bankName: z.string().nullable(),
  accountNumber: z.string().nullable(),
  accountHolder: z.string().nullable(),
  balance: z.number().int(),
  receiptsTotal: z.number().int(),
  spentTotal: z.number().int(),
  allocationsIn: z.number().int(),
  allocationsOut: z.number().int(),
  householdsSupported: z.number().int().describe('Số hộ được hỗ trợ (không kèm thông tin cá nhân)'),
  campaigns: z.array(CampaignSchema),
  receipts: z.array(
    z.object({ date: z.string(), amount: z.number().int(), campaignId: z.uuid().nullable(), donor: z.string() }),
  ),
  spendingByPurpose: z.array(
    z.object({ purpose: z.enum(PURPOSES), amount: z.number().int(), count: z.number().int() }),
  ),
  spendingByCommune: z.array(
    z.object({
      communeCode: z.string().nullable(),
      name: z.string().nullable(),
      amount: z.number().int(),
      count: z.number().int(),
    }),
  ),
  qr: VietQrSchema.nullable(),
});
export type PublicFund = z.infer<typeof PublicFundSchema>;

export const ReportQuerySchema = z
  .strictObject({
    from: isoDateField.describe('Từ ngày'),
    to: isoDateField.describe('Đến ngày'),
    format: z.enum(['pdf', 'xlsx'], 'Định dạng: pdf hoặc xlsx').default('pdf'),
  })
  .refine((q) => q.to >= q.from, { message: 'Đến ngày không được trước từ ngày', path: ['to'] });
