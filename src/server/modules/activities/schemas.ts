import { z } from 'zod';
import { ACTIVITY_KINDS, AUDIENCE_KINDS } from '../../../domain/coordination';
import { listQuerySchema } from '../../platform/list';
import {
  isoDateField,
  nameText,
  optionalText,
  timestampField,
  unitCodeField,
  versionField,
} from '../../platform/schemas';

const OrgRef = z.object({ id: z.uuid(), name: z.string() });
const money = z
  .number()
  .int('Số tiền là số nguyên (đồng)')
  .min(0, 'Số tiền không âm')
  .max(1_000_000_000_000, 'Số tiền quá lớn');
const people = z.number().int('Số người là số nguyên').min(0, 'Số người không âm').max(10_000_000, 'Số người quá lớn');

export const BudgetSchema = z.strictObject({ state: money, fund: money, social: money, other: money });

export const ActivitySchema = z.object({
  id: z.uuid(),
  kind: z.enum(ACTIVITY_KINDS),
  group: z.enum(['communication', 'training', 'conference']),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  provinceCode: z.string(),
  communeCode: z.string().nullable(),
  place: z.string().nullable(),
  organisers: z.array(OrgRef),
  audienceKind: z.enum(AUDIENCE_KINDS),
  audienceSize: z.number().int(),
  poorAudience: z.number().int(),
  topics: z.string(),
  budget: z.object({ state: z.number(), fund: z.number(), social: z.number(), other: z.number() }),
  budgetTotal: z.number(),
  programmeId: z.uuid().nullable(),
  contentId: z.uuid().nullable(),
  taskId: z.uuid().nullable(),
  canManage: z.boolean(),
  createdAt: timestampField,
  updatedAt: timestampField,
  version: z.number().int(),
});

const TotalsSchema = z.object({
  activities: z.number().int(),
  audience: z.number().int(),
  poorAudience: z.number().int(),
  budget: z.number(),
});

export const ActivityListQuerySchema = listQuerySchema(['startsOn', 'title']).extend({
  kind: z.enum(ACTIVITY_KINDS).optional(),
  group: z.enum(['communication', 'training', 'conference']).optional(),
  unit: unitCodeField.optional().describe('Chỉ các hoạt động tại đơn vị này (mã tỉnh: cấp tỉnh và mọi xã)'),
  from: isoDateField.optional().describe('Bắt đầu từ ngày'),
  to: isoDateField.optional().describe('Bắt đầu đến ngày'),
  programme: z.uuid().optional(),
  task: z.uuid().optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export const ActivityListSchema = z.object({
  items: z.array(ActivitySchema),
  total: z.number().int(),
  /** Sums over every activity the filters select (not only this page). */
  totals: TotalsSchema,
});

export const ActivitySummaryQuerySchema = z.strictObject({
  from: isoDateField.optional(),
  to: isoDateField.optional(),
  programme: z.uuid().optional(),
});
export const ActivitySummarySchema = z.object({
  rows: z.array(
    TotalsSchema.extend({
      unitCode: z.string(),
      unitName: z.string(),
      group: z.enum(['communication', 'training', 'conference']),
    }),
  ),
  totals: TotalsSchema,
});

const activityFields = {
  kind: z.enum(ACTIVITY_KINDS),
  title: nameText(500),
  startsOn: isoDateField,
  endsOn: isoDateField,
  unitCode: unitCodeField.describe('Nơi tổ chức: mã tỉnh hoặc mã xã'),
  place: optionalText(300).optional(),
  organiserIds: z
    .array(z.uuid('Mã đơn vị tổ chức không hợp lệ'))
    .min(1, 'Cần ít nhất một đơn vị tổ chức')
    .max(20, 'Tối đa 20 đơn vị')
    .refine((ids) => new Set(ids).size === ids.length, 'Một đơn vị được nêu hai lần'),
  audienceKind: z.enum(AUDIENCE_KINDS),
  audienceSize: people,
  poorAudience: people,
  topics: nameText(2000),
  budget: BudgetSchema,
  programmeId: z.uuid('Mã chương trình không hợp lệ').nullable().optional(),
  contentId: z.uuid('Mã nội dung phối hợp không hợp lệ').nullable().optional(),
  taskId: z.uuid('Mã nhiệm vụ không hợp lệ').nullable().optional().describe('Nhiệm vụ mà hoạt động này là minh chứng'),
};
type Checked = { startsOn: string; endsOn: string; audienceSize: number; poorAudience: number };
const datesInOrder = (a: Checked) => a.endsOn >= a.startsOn;
const poorWithinAudience = (a: Checked) => a.poorAudience <= a.audienceSize;
const DATES = { message: 'Ngày kết thúc không trước ngày bắt đầu', path: ['endsOn'] };
const POOR = { message: 'Số người thuộc hộ nghèo, cận nghèo không vượt quá số người tham dự', path: ['poorAudience'] };

export const ActivityCreateSchema = z
  .strictObject(activityFields)
  .refine(datesInOrder, DATES)
  .refine(poorWithinAudience, POOR);
export const ActivityUpdateSchema = z
  .strictObject({ ...activityFields, version: versionField })
  .refine(datesInOrder, DATES)
  .refine(poorWithinAudience, POOR);

export type ActivityView = z.infer<typeof ActivitySchema>;
export type ActivityListReq = z.infer<typeof ActivityListQuerySchema>;
export type ActivitySummaryReq = z.infer<typeof ActivitySummaryQuerySchema>;
export type ActivityCreateReq = z.infer<typeof ActivityCreateSchema>;
export type ActivityUpdateReq = z.infer<typeof ActivityUpdateSchema>;
