import { z } from 'zod';
import { listQuerySchema, listResponseSchema } from '../../platform/list';
import { isoDateField } from '../../platform/schemas';

export const UNIT_LEVELS = ['province', 'district', 'commune'] as const;
const isoDate = isoDateField.describe('YYYY-MM-DD');
export const UnitCodeSchema = z.string().regex(/^\d{2}(\d|\d{3})?$/u, 'Mã đơn vị hành chính gồm 2, 3 hoặc 5 chữ số');

export const AdminUnitListQuerySchema = listQuerySchema(['name', 'code']).extend({
  parent: UnitCodeSchema.optional().describe('Mã đơn vị cha; bỏ trống = danh sách tỉnh/thành'),
  level: z.enum(UNIT_LEVELS).optional(),
  at: isoDate.optional().describe('Ngày xem cấu trúc (mặc định: hôm nay)'),
});

export const AdminUnitSummarySchema = z.object({
  code: z.string(),
  level: z.enum(UNIT_LEVELS),
  name: z.string(),
  fullName: z.string(),
  unitType: z.string(),
  parentCode: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});

const LinkedUnitSchema = AdminUnitSummarySchema.extend({
  kind: z.enum(['full', 'partial']),
  confirmed: z.boolean(),
});

export const AdminUnitSchema = AdminUnitSummarySchema.extend({
  status: z.enum(['current', 'closed']),
  path: z.array(AdminUnitSummarySchema).describe('Từ tỉnh xuống đơn vị này'),
  successors: z.array(LinkedUnitSchema),
  predecessors: z.array(LinkedUnitSchema),
});

export const AdminUnitParamsSchema = z.strictObject({ code: UnitCodeSchema });
export const AdminUnitGetQuerySchema = z.strictObject({ at: isoDate.optional() });
export const AdminUnitListSchema = listResponseSchema(AdminUnitSummarySchema);

const fiveDigits = z.string().regex(/^\d{2}(\d{3})?$/u, 'Mã tỉnh (2 chữ số) hoặc xã (5 chữ số)');
export const SuccessionConfirmSchema = z.strictObject({
  predecessorCode: fiveDigits.describe('Mã đơn vị cũ (trước 01/7/2025)'),
  successorCode: fiveDigits.describe('Mã đơn vị mới (đang có hiệu lực)'),
  kind: z.enum(['full', 'partial']).describe('full: toàn bộ đơn vị cũ; partial: một phần'),
});
export const SuccessionRemoveSchema = z.strictObject({
  predecessorCode: fiveDigits,
  successorCode: fiveDigits,
  reason: z.string().trim().min(1, 'Cần ghi lý do').max(500),
});
export const SuccessionSchema = z.object({
  predecessor: AdminUnitSummarySchema,
  successor: AdminUnitSummarySchema,
  kind: z.enum(['full', 'partial']),
  confirmed: z.boolean(),
});
export type SuccessionConfirmReq = z.infer<typeof SuccessionConfirmSchema>;
export type SuccessionRemoveReq = z.infer<typeof SuccessionRemoveSchema>;
