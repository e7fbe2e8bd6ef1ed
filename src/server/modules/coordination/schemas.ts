import { z } from 'zod';
import {
  LEGAL_DOCUMENT_KINDS,
  PROGRAMME_LEVELS,
  TASK_EVIDENCE_KINDS,
  TASK_STATUSES,
} from '../../../domain/coordination';
import { listQuerySchema, listResponseSchema } from '../../platform/list';
import {
  isoDateField,
  nameText,
  optionalText,
  queryBoolean,
  timestampField,
  unitCodeField,
  versionField,
} from '../../platform/schemas';

const OrgRef = z.object({ id: z.uuid(), name: z.string() });
const yearField = z.number().int().min(2000, 'Năm từ 2000').max(2100, 'Năm đến 2100');
const orgIds = (what: string) =>
  z
    .array(z.uuid(`Mã ${what} không hợp lệ`))
    .max(30, 'Tối đa 30 tổ chức')
    .refine((ids) => new Set(ids).size === ids.length, `Một tổ chức được nêu hai lần trong ${what}`);

export const ContentSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  title: z.string(),
  scope: z.string(),
  responsible: OrgRef,
  coordinating: z.array(OrgRef),
});

const LegalBasisSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  issuedOn: z.string().nullable(),
  issuer: z.string(),
  kind: z.enum(LEGAL_DOCUMENT_KINDS),
  title: z.string(),
});

export const ProgrammeSummarySchema = z.object({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  level: z.enum(PROGRAMME_LEVELS),
  signedOn: z.string(),
  signedPlace: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  provinceCode: z.string(),
  communeCode: z.string().nullable(),
  periodFrom: z.number().int(),
  periodTo: z.number().int(),
  parties: z.array(OrgRef),
  canManage: z.boolean(),
  version: z.number().int(),
});

export const ProgrammeSchema = ProgrammeSummarySchema.extend({
  legalBases: z.array(LegalBasisSchema),
  purposes: z.string(),
  requirements: z.string(),
  implementation: z.string().nullable(),
  contents: z.array(ContentSchema),
  createdAt: timestampField,
  updatedAt: timestampField,
});

export const ProgrammeListQuerySchema = listQuerySchema(['signedOn', 'number']).extend({
  level: z.enum(PROGRAMME_LEVELS).optional(),
  unit: unitCodeField.optional().describe('Chỉ các chương trình ký tại đơn vị này'),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('Chương trình có hiệu lực trong năm này'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export const ProgrammeListSchema = listResponseSchema(ProgrammeSummarySchema);

const ContentInputSchema = z.strictObject({
  id: z.uuid().optional().describe('Nội dung đã có (khi sửa); bỏ trống = nội dung mới'),
  title: nameText(300),
  scope: nameText(4000),
  responsibleId: z.uuid('Mã đơn vị chủ trì không hợp lệ'),
  coordinatingIds: orgIds('đơn vị phối hợp'),
});

const programmeFields = {
  title: nameText(500),
  signedOn: isoDateField,
  signedPlace: nameText(100),
  partyIds: orgIds('các bên ký kết').refine((ids) => ids.length >= 2, 'Chương trình phối hợp cần ít nhất hai bên ký'),
  legalBasisIds: z
    .array(z.uuid('Mã văn bản không hợp lệ'))
    .max(30, 'Tối đa 30 căn cứ')
    .refine((ids) => new Set(ids).size === ids.length, 'Một văn bản được nêu hai lần trong căn cứ'),
  periodFrom: yearField,
  periodTo: yearField,
  purposes: nameText(8000),
  requirements: nameText(8000),
  implementation: optionalText(8000).optional(),
  contents: z.array(ContentInputSchema).min(1, 'Cần ít nhất một nội dung phối hợp').max(30, 'Tối đa 30 nội dung'),
};
const periodInOrder = (p: { periodFrom?: number; periodTo?: number }) =>
  p.periodFrom === undefined || p.periodTo === undefined || p.periodFrom <= p.periodTo;
const periodProblem = { message: 'Năm kết thúc phải sau năm bắt đầu', path: ['periodTo'] };

export const ProgrammeCreateSchema = z
  .strictObject({
    number: nameText(60),
    level: z.enum(PROGRAMME_LEVELS),
    unitCode: unitCodeField.describe('Đơn vị ký: mã tỉnh hoặc mã xã'),
    ...programmeFields,
  })
  .refine(periodInOrder, periodProblem);

export const ProgrammeUpdateSchema = z
  .strictObject({ ...programmeFields, version: versionField })
  .refine(periodInOrder, periodProblem);

export const PlanSchema = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  year: z.number().int(),
  note: z.string().nullable(),
  tasks: z.number().int(),
  tasksDone: z.number().int(),
  tasksOverdue: z.number().int(),
  version: z.number().int(),
});
export const PlanListSchema = z.object({ items: z.array(PlanSchema) });
export const PlanCreateSchema = z.strictObject({ year: yearField, note: optionalText(4000).optional() });

export const TaskSchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  year: z.number().int(),
  programmeId: z.uuid(),
  programmeNumber: z.string(),
  contentId: z.uuid(),
  contentPosition: z.number().int(),
  contentTitle: z.string(),
  title: z.string(),
  lead: OrgRef,
  supporting: z.array(OrgRef),
  dueOn: z.string(),
  status: z.enum(TASK_STATUSES),
  progress: z.number().int(),
  overdue: z.boolean(),
  note: z.string().nullable(),
  canManage: z.boolean(),
  updatedAt: timestampField,
  version: z.number().int(),
});
export const TaskListQuerySchema = listQuerySchema(['dueOn', 'title']).extend({
  programme: z.uuid().optional(),
  plan: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(TASK_STATUSES).optional(),
  organisation: z.uuid().optional().describe('Việc mà tổ chức này chủ trì hoặc phối hợp'),
  overdue: queryBoolean,
});
export const TaskListSchema = listResponseSchema(TaskSchema);

export const TaskCreateSchema = z.strictObject({
  contentId: z.uuid('Mã nội dung phối hợp không hợp lệ'),
  title: nameText(500),
  leadId: z.uuid('Mã đơn vị chủ trì không hợp lệ'),
  supportingIds: orgIds('đơn vị phối hợp'),
  dueOn: isoDateField,
  note: optionalText(4000).optional(),
});
export const TaskUpdateSchema = z.strictObject({
  contentId: z
    .uuid('Mã nội dung phối hợp không hợp lệ')
    .optional()
    .describe('Chuyển sang nội dung khác của chương trình'),
  title: nameText(500).optional(),
  leadId: z.uuid('Mã đơn vị chủ trì không hợp lệ').optional(),
  supportingIds: orgIds('đơn vị phối hợp').optional(),
  dueOn: isoDateField.optional(),
  note: optionalText(4000).optional(),
  version: versionField,
});
export const TaskProgressSchema = z
  .strictObject({
    status: z.enum(TASK_STATUSES),
    progress: z.number().int().min(0, 'Tiến độ từ 0%').max(100, 'Tiến độ đến 100%'),
    note: optionalText(4000).optional(),
    version: versionField,
  })
  .refine((p) => p.status !== 'done' || p.progress === 100, {
    message: 'Việc hoàn thành phải có tiến độ 100%',
    path: ['progress'],
  })
  .refine((p) => p.status !== 'planned' || p.progress === 0, {
    message: 'Việc chưa thực hiện có tiến độ 0%',
    path: ['progress'],
  });

export const EvidenceLinkSchema = z.strictObject({
  kind: z.enum(TASK_EVIDENCE_KINDS, 'Loại minh chứng: fund_campaign, support, distribution hoặc model'),
  refId: z.uuid('Mã bản ghi minh chứng không hợp lệ'),
});
export const EvidenceSchema = z.object({
  id: z.uuid(),
  taskId: z.uuid(),
  kind: z.enum(TASK_EVIDENCE_KINDS),
  refId: z.uuid(),
  label: z.string().describe('Tên bản ghi khi liên kết'),
  date: z.string(),
  provinceCode: z.string(),
  communeCode: z.string().nullable(),
  canUnlink: z.boolean(),
});
export const EvidenceListSchema = z.object({ items: z.array(EvidenceSchema) });

export type ProgrammeView = z.infer<typeof ProgrammeSchema>;
export type ProgrammeSummaryView = z.infer<typeof ProgrammeSummarySchema>;
export type ProgrammeListReq = z.infer<typeof ProgrammeListQuerySchema>;
export type ProgrammeCreateReq = z.infer<typeof ProgrammeCreateSchema>;
export type ProgrammeUpdateReq = z.infer<typeof ProgrammeUpdateSchema>;
export type PlanView = z.infer<typeof PlanSchema>;
export type PlanCreateReq = z.infer<typeof PlanCreateSchema>;
export type TaskView = z.infer<typeof TaskSchema>;
export type TaskListReq = z.infer<typeof TaskListQuerySchema>;
export type TaskCreateReq = z.infer<typeof TaskCreateSchema>;
export type TaskUpdateReq = z.infer<typeof TaskUpdateSchema>;
export type TaskProgressReq = z.infer<typeof TaskProgressSchema>;
export type EvidenceLinkReq = z.infer<typeof EvidenceLinkSchema>;
export type EvidenceView = z.infer<typeof EvidenceSchema>;
