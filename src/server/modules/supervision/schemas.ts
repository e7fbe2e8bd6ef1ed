import { z } from 'zod';
import { RECOMMENDATION_STATUSES, SUPERVISION_METHODS, SUPERVISION_STATUSES } from '../../../domain/coordination';
import { listQuerySchema, listResponseSchema } from '../../platform/list';
import {
  isoDateField,
  nameText,
  queryBoolean,
  timestampField,
  unitCodeField,
  versionField,
} from '../../platform/schemas';

const OrgRef = z.object({ id: z.uuid(), name: z.string() });

export const RecommendationSchema = z.object({
  id: z.uuid(),
  supervisionId: z.uuid(),
  supervisionTopic: z.string(),
  supervisionUnitName: z.string(),
  addressee: OrgRef,
  text: z.string(),
  dueOn: z.string(),
  status: z.enum(RECOMMENDATION_STATUSES),
  overdue: z.boolean(),
  daysLeft: z.number().int(),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
  resolvedOn: z.string().nullable(),
  /** The supervising unit's officers follow it up (accept, resolve). */
  canFollowUp: z.boolean(),
  /** The addressee's officers (and the supervising unit's) record its answer. */
  canAnswer: z.boolean(),
  updatedAt: timestampField,
  version: z.number().int(),
});

export const SupervisionSchema = z.object({
  id: z.uuid(),
  year: z.number().int(),
  unitCode: z.string(),
  unitName: z.string(),
  provinceCode: z.string(),
  communeCode: z.string().nullable(),
  lead: OrgRef,
  members: z.array(OrgRef),
  supervised: OrgRef,
  topic: z.string(),
  method: z.enum(SUPERVISION_METHODS),
  periodFrom: z.string(),
  periodTo: z.string(),
  status: z.enum(SUPERVISION_STATUSES),
  conductedOn: z.string().nullable(),
  findings: z.string().nullable(),
  programmeId: z.uuid().nullable(),
  contentId: z.uuid().nullable(),
  taskId: z.uuid().nullable(),
  recommendations: z.array(RecommendationSchema),
  canManage: z.boolean(),
  updatedAt: timestampField,
  version: z.number().int(),
});

export const SupervisionListQuerySchema = listQuerySchema(['periodFrom', 'topic']).extend({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('Kế hoạch giám sát của năm'),
  status: z.enum(SUPERVISION_STATUSES).optional(),
  programme: z.uuid().optional(),
  task: z.uuid().optional(),
  unit: unitCodeField.optional().describe('Chỉ các cuộc giám sát của đơn vị này (mã tỉnh: cấp tỉnh và mọi xã)'),
});
export const SupervisionListSchema = listResponseSchema(SupervisionSchema);

const orgIds = z
  .array(z.uuid('Mã tổ chức không hợp lệ'))
  .max(20, 'Tối đa 20 tổ chức')
  .refine((ids) => new Set(ids).size === ids.length, 'Một tổ chức được nêu hai lần');
const supervisionFields = {
  year: z.number().int().min(2000, 'Năm từ 2000').max(2100, 'Năm đến 2100'),
  leadId: z.uuid('Mã đơn vị chủ trì không hợp lệ'),
  memberIds: orgIds,
  supervisedId: z.uuid('Mã đơn vị được giám sát không hợp lệ'),
  topic: nameText(500),
  method: z.enum(SUPERVISION_METHODS),
  periodFrom: isoDateField,
  periodTo: isoDateField,
  programmeId: z.uuid().nullable().optional(),
  contentId: z.uuid().nullable().optional(),
  taskId: z.uuid().nullable().optional(),
};
const periodInOrder = (s: { periodFrom: string; periodTo: string }) => s.periodTo >= s.periodFrom;
const PERIOD = { message: 'Ngày kết thúc không trước ngày bắt đầu', path: ['periodTo'] };

export const SupervisionCreateSchema = z
  .strictObject({ ...supervisionFields, unitCode: unitCodeField.describe('Đơn vị tổ chức giám sát') })
  .refine(periodInOrder, PERIOD);
export const SupervisionUpdateSchema = z
  .strictObject({ ...supervisionFields, version: versionField })
  .refine(periodInOrder, PERIOD);
export const SupervisionConductSchema = z.strictObject({
  conductedOn: isoDateField,
  findings: nameText(8000),
  version: versionField,
});

export const RecommendationCreateSchema = z.strictObject({
  addresseeId: z.uuid('Mã đơn vị nhận kiến nghị không hợp lệ'),
  text: nameText(4000),
  dueOn: isoDateField,
  version: versionField.describe('Phiên bản cuộc giám sát đã đọc'),
});
export const RecommendationListQuerySchema = listQuerySchema(['dueOn']).extend({
  status: z.enum(RECOMMENDATION_STATUSES).optional(),
  overdue: queryBoolean,
  open: queryBoolean.describe('Chưa giải quyết xong'),
  addressee: z.uuid().optional(),
  supervision: z.uuid().optional(),
  unit: unitCodeField.optional().describe('Chỉ kiến nghị của các cuộc giám sát tại đơn vị này'),
});
export const RecommendationListSchema = listResponseSchema(RecommendationSchema);
export const RecommendationAnswerSchema = z.strictObject({
  answer: nameText(8000),
  answeredOn: isoDateField,
  version: versionField,
});
export const RecommendationAcceptSchema = z.strictObject({ version: versionField });
export const RecommendationResolveSchema = z.strictObject({ resolvedOn: isoDateField, version: versionField });

export type SupervisionView = z.infer<typeof SupervisionSchema>;
export type RecommendationView = z.infer<typeof RecommendationSchema>;
export type SupervisionListReq = z.infer<typeof SupervisionListQuerySchema>;
export type SupervisionCreateReq = z.infer<typeof SupervisionCreateSchema>;
export type SupervisionUpdateReq = z.infer<typeof SupervisionUpdateSchema>;
export type SupervisionConductReq = z.infer<typeof SupervisionConductSchema>;
export type RecommendationCreateReq = z.infer<typeof RecommendationCreateSchema>;
export type RecommendationListReq = z.infer<typeof RecommendationListQuerySchema>;
