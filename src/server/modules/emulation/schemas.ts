import { z } from 'zod';
import { COMMENDATION_FORMS, COMMENDATION_LEVELS, RECIPIENT_KINDS } from '../../../domain/coordination';
import { listQuerySchema, listResponseSchema } from '../../platform/list';
import { isoDateField, nameText, optionalText, unitCodeField, versionField } from '../../platform/schemas';

const yearField = z.number().int().min(2000, 'Năm từ 2000').max(2100, 'Năm đến 2100');

export const MovementSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  periodFrom: z.number().int(),
  periodTo: z.number().int(),
  description: z.string().nullable(),
  canManage: z.boolean(),
  version: z.number().int(),
});
export const MovementListSchema = listResponseSchema(MovementSchema);
export const MovementListQuerySchema = listQuerySchema(['periodFrom']).extend({
  order: z.enum(['asc', 'desc']).default('desc'),
});
const movementFields = {
  name: nameText(300),
  periodFrom: yearField,
  periodTo: yearField,
  description: optionalText(4000).optional(),
};
const periodInOrder = (m: { periodFrom: number; periodTo: number }) => m.periodTo >= m.periodFrom;
const PERIOD = { message: 'Năm kết thúc phải sau năm bắt đầu', path: ['periodTo'] };
export const MovementCreateSchema = z
  .strictObject({ ...movementFields, unitCode: unitCodeField })
  .refine(periodInOrder, PERIOD);
/** A movement keeps the unit that launched it. */
export const MovementUpdateSchema = z
  .strictObject({ ...movementFields, version: versionField })
  .refine(periodInOrder, PERIOD);

export const CommendationSchema = z.object({
  id: z.uuid(),
  movementId: z.uuid().nullable(),
  movementName: z.string().nullable(),
  programmeId: z.uuid().nullable(),
  contentId: z.uuid().nullable(),
  unitCode: z.string(),
  unitName: z.string(),
  form: z.enum(COMMENDATION_FORMS),
  level: z.enum(COMMENDATION_LEVELS),
  recipientKind: z.enum(RECIPIENT_KINDS),
  recipientName: z.string(),
  recipientOrganisationId: z.uuid().nullable(),
  achievement: z.string(),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  canManage: z.boolean(),
  version: z.number().int(),
});
export const CommendationListSchema = listResponseSchema(CommendationSchema);
export const CommendationListQuerySchema = listQuerySchema(['decisionDate']).extend({
  movement: z.uuid().optional(),
  programme: z.uuid().optional(),
  recipientKind: z.enum(RECIPIENT_KINDS).optional(),
  level: z.enum(COMMENDATION_LEVELS).optional(),
  from: isoDateField.optional(),
  to: isoDateField.optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
const commendationFields = {
  movementId: z.uuid('Mã phong trào không hợp lệ').nullable().optional(),
  programmeId: z.uuid('Mã chương trình không hợp lệ').nullable().optional(),
  contentId: z.uuid('Mã nội dung phối hợp không hợp lệ').nullable().optional(),
  form: z.enum(COMMENDATION_FORMS),
  level: z.enum(COMMENDATION_LEVELS),
  recipientKind: z.enum(RECIPIENT_KINDS),
  recipientName: nameText(300),
  recipientOrganisationId: z.uuid('Mã tổ chức không hợp lệ').nullable().optional(),
  achievement: nameText(4000),
  decisionNumber: nameText(60),
  decisionDate: isoDateField,
};
export const CommendationCreateSchema = z.strictObject({
  unitCode: unitCodeField.describe('Đơn vị khen thưởng'),
  ...commendationFields,
});
/** A commendation keeps the unit that decided it. */
export const CommendationUpdateSchema = z.strictObject({ ...commendationFields, version: versionField });

export type MovementView = z.infer<typeof MovementSchema>;
export type MovementCreateReq = z.infer<typeof MovementCreateSchema>;
export type MovementUpdateReq = z.infer<typeof MovementUpdateSchema>;
export type MovementListReq = z.infer<typeof MovementListQuerySchema>;
export type CommendationView = z.infer<typeof CommendationSchema>;
export type CommendationCreateReq = z.infer<typeof CommendationCreateSchema>;
export type CommendationUpdateReq = z.infer<typeof CommendationUpdateSchema>;
export type CommendationListReq = z.infer<typeof CommendationListQuerySchema>;
