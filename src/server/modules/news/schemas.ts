import { z } from 'zod';
import { NEWS_STATUSES } from '../../../domain/coordination';
import { listQuerySchema, listResponseSchema } from '../../platform/list';
import {
  isoDateField,
  nameText,
  optionalText,
  timestampField,
  unitCodeField,
  versionField,
} from '../../platform/schemas';

const OrgRef = z.object({ id: z.uuid(), name: z.string() });
const Photo = z.object({ id: z.uuid(), caption: z.string().nullable() });

const newsFields = {
  unitCode: unitCodeField.describe('Đơn vị đăng tin (tỉnh hoặc xã)'),
  title: nameText(300),
  summary: nameText(2000).describe('Tóm tắt, hiện ở danh sách tin'),
  body: optionalText(20_000).optional(),
  happenedOn: isoDateField.describe('Ngày diễn ra sự việc'),
  activityId: z.uuid().nullable().optional().describe('Hoạt động mà tin kể lại'),
  organisationIds: z.array(z.uuid()).max(30).default([]),
  activityPhotoIds: z.array(z.uuid()).max(30).default([]).describe('Ảnh của hoạt động được đăng kèm'),
};
export const NewsCreateSchema = z.strictObject(newsFields);
export const NewsUpdateSchema = z.strictObject({ ...newsFields, version: versionField });
export const NewsWithdrawalSchema = z.strictObject({ reason: nameText(500), version: versionField });

export const NewsSchema = z.object({
  id: z.uuid(),
  unitCode: z.string(),
  unitName: z.string(),
  provinceCode: z.string(),
  communeCode: z.string().nullable(),
  title: z.string(),
  summary: z.string(),
  body: z.string().nullable(),
  happenedOn: z.string(),
  activityId: z.uuid().nullable(),
  organisations: z.array(OrgRef),
  activityPhotoIds: z.array(z.uuid()),
  status: z.enum(NEWS_STATUSES),
  publishedAt: timestampField.nullable(),
  withdrawnAt: timestampField.nullable(),
  withdrawReason: z.string().nullable(),
  canManage: z.boolean(),
  updatedAt: timestampField,
  version: z.number().int(),
});
export const NewsListQuerySchema = listQuerySchema(['happenedOn', 'title']).extend({
  unit: unitCodeField.optional(),
  status: z.enum(NEWS_STATUSES).optional(),
});
export const NewsListSchema = listResponseSchema(NewsSchema);

/** What anyone may read of a published item. */
export const PublicNewsSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  summary: z.string(),
  body: z.string().nullable(),
  happenedOn: z.string(),
  publishedAt: timestampField,
  unitName: z.string(),
  provinceName: z.string(),
  organisations: z.array(z.string()),
  photos: z.array(Photo),
});
export const PublicNewsListQuerySchema = z.strictObject({
  province: z
    .string()
    .regex(/^\d{2}$/u, 'Mã tỉnh gồm 2 chữ số')
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(12),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export const PublicNewsListSchema = listResponseSchema(PublicNewsSchema.omit({ body: true }));
export const PublicPhotoParamsSchema = z.strictObject({ id: z.uuid(), photoId: z.uuid() });

export type NewsView = z.infer<typeof NewsSchema>;
export type NewsCreateReq = z.infer<typeof NewsCreateSchema>;
export type NewsUpdateReq = z.infer<typeof NewsUpdateSchema>;
export type NewsListReq = z.infer<typeof NewsListQuerySchema>;
export type PublicNewsListReq = z.infer<typeof PublicNewsListQuerySchema>;
