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
