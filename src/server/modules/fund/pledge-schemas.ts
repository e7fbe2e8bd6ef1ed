import { z } from 'zod';
import { DONOR_KINDS, PLEDGE_STATUSES } from '../../../domain/fund';
import { listQuerySchema, listResponseSchema } from '../../platform/list';
import { isoDateField, nameText, optionalText } from '../../platform/schemas';
import { amountField, DonorInputSchema } from './schemas';

export const PledgeCreateSchema = z
  .strictObject({
    donor: DonorInputSchema.optional(),
    donorId: z.uuid('Mã nhà hảo tâm không hợp lệ').optional(),
    amount: amountField,
    dueDate: isoDateField.describe('Hạn nộp'),
    campaignId: z.uuid('Mã đợt vận động không hợp lệ').nullable().optional(),
    description: optionalText(500).optional(),
  })
  .refine((p) => !!p.donor !== !!p.donorId, { message: 'Cần đúng một trong donor hoặc donorId', path: ['donor'] });
export type PledgeCreateReq = z.infer<typeof PledgeCreateSchema>;

export const PledgeCancelSchema = z.strictObject({ reason: nameText(500).describe('Lý do hủy cam kết') });

export const PledgeListQuerySchema = listQuerySchema(['dueDate'] as const).extend({
  status: z.enum(PLEDGE_STATUSES, 'Trạng thái: open, partly_paid, paid hoặc cancelled').optional(),
});
export type PledgeListReq = z.infer<typeof PledgeListQuerySchema>;

export const PledgeSchema = z.object({
  id: z.uuid(),
  fundId: z.uuid(),
  campaignId: z.uuid().nullable(),
  campaignName: z.string().nullable(),
  donor: z.object({ id: z.uuid(), kind: z.enum(DONOR_KINDS), name: z.string().nullable() }),
  amount: z.number().int(),
  paid: z.number().int().describe('Đã nộp: tổng các khoản thu của cam kết chưa bị hủy'),
  dueDate: z.string(),
  reference: z.string().describe('Mã tham chiếu ghi trong nội dung chuyển khoản'),
  description: z.string().nullable(),
  status: z.enum(PLEDGE_STATUSES),
  overdue: z.boolean().describe('Quá hạn mà chưa nộp đủ'),
  cancelReason: z.string().nullable(),
  canPost: z.boolean(),
});
export type PledgeView = z.infer<typeof PledgeSchema>;
export const PledgeListSchema = listResponseSchema(PledgeSchema);
