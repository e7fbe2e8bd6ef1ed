import { z } from 'zod';
import { listQuerySchema, listResponseSchema } from '../../platform/list';
import { isoDateField } from '../../platform/schemas';

export const AuditEventSchema = z.object({
  id: z.number().int(),
  at: z.iso.datetime({ offset: true }),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  provinceCode: z.string().nullable(),
  communeCode: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});

export const AuditListQuerySchema = listQuerySchema(['at']).extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  entity: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(80).optional(),
  actor: z.string().max(100).optional().describe('Tên đăng nhập người thực hiện'),
  from: isoDateField.optional(),
  to: isoDateField.optional().describe('Đến hết ngày này (giờ Việt Nam)'),
});
export const AuditListSchema = listResponseSchema(AuditEventSchema).extend({
  totalCapped: z.boolean().describe('true: there are more than `total` events; narrow the filters'),
});
export type AuditListReq = z.infer<typeof AuditListQuerySchema>;
