import { z } from 'zod';
import { STATEMENT_LINE_STATUSES } from '../../../domain/fund';
import { listQuerySchema, listResponseSchema } from '../../platform/list';
import { nameText, queryBoolean } from '../../platform/schemas';
import { DonorInputSchema } from './schemas';

export const CSV_TYPE = 'text/csv';

export const StatementImportQuerySchema = z.strictObject({
  dryRun: queryBoolean.describe('true: chỉ xem trước, không ghi gì'),
  fileName: z.string().max(200, 'Tên tệp tối đa 200 ký tự').optional(),
});

export const LINE_OUTCOMES = ['pledge', 'campaign', 'unmatched', 'debit', 'already_imported'] as const;

export const StatementImportResultSchema = z.object({
  dryRun: z.boolean(),
  lines: z.array(
    z.object({
      row: z.number().int().describe('Dòng trong tệp'),
      bankTransactionId: z.string(),
      date: z.string(),
      credit: z.number().int(),
      debit: z.number().int(),
      content: z.string(),
      outcome: z
        .enum(LINE_OUTCOMES)
        .describe(
          'pledge/campaign: khớp (tạo khoản thu); unmatched: chờ đối chiếu tay; debit: bỏ qua; already_imported: đã nhập',
        ),
      pledgeId: z.uuid().nullable(),
      pledgeReference: z.string().nullable(),
      campaignId: z.uuid().nullable(),
      campaignName: z.string().nullable(),
      reason: z.string().nullable(),
      reasonEn: z.string().nullable(),
      receiptNumber: z.string().nullable().describe('Số biên lai đã tạo (khi không phải xem trước)'),
    }),
  ),
  totals: z.object({
    matched: z.number().int(),
    matchedAmount: z.number().int(),
    unmatched: z.number().int(),
    ignored: z.number().int(),
    alreadyImported: z.number().int(),
  }),
});
export type StatementImportResult = z.infer<typeof StatementImportResultSchema>;

export const StatementLineSchema = z.object({
  id: z.uuid(),
  fundId: z.uuid(),
  bankTransactionId: z.string(),
  date: z.string(),
  amount: z.number().int(),
  content: z.string(),
  status: z.enum(STATEMENT_LINE_STATUSES),
  matchedBy: z.enum(['auto', 'manual']).nullable(),
  pledgeId: z.uuid().nullable(),
  pledgeReference: z.string().nullable(),
  postingId: z.uuid().nullable(),
  receiptNumber: z.string().nullable(),
  reason: z.string().nullable(),
  fileName: z.string().nullable(),
});
export type StatementLineView = z.infer<typeof StatementLineSchema>;
export const StatementLineListSchema = listResponseSchema(StatementLineSchema);
export const StatementLineListQuerySchema = listQuerySchema(['date'] as const).extend({
  status: z.enum(STATEMENT_LINE_STATUSES, 'Trạng thái: unmatched, matched hoặc set_aside').optional(),
});
export type StatementLineListReq = z.infer<typeof StatementLineListQuerySchema>;

/** Match a waiting line by hand: to a pledge or a campaign (a new receipt), or to a receipt recorded by hand. */
export const StatementMatchSchema = z.discriminatedUnion(
  'to',
  [
    z.strictObject({ to: z.literal('pledge'), pledgeId: z.uuid('Mã cam kết không hợp lệ') }),
    z.strictObject({
      to: z.literal('campaign'),
      campaignId: z.uuid('Mã đợt vận động không hợp lệ').nullable().describe('null: không thuộc đợt nào'),
      donor: DonorInputSchema.optional().describe('Nhà hảo tâm (mặc định: ẩn danh, "Nhà hảo tâm")'),
    }),
    z.strictObject({ to: z.literal('receipt'), postingId: z.uuid('Mã khoản thu không hợp lệ') }),
  ],
  'Đối chiếu với: pledge, campaign hoặc receipt',
);
export type StatementMatchReq = z.infer<typeof StatementMatchSchema>;

export const StatementSetAsideSchema = z.strictObject({
  reason: nameText(500).describe('Lý do để riêng (hoàn tiền, lãi ngân hàng…)'),
});
