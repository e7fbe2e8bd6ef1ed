import { z } from 'zod';
import { nameText, optionalText, queryBoolean, timestampField } from '../../platform/schemas';
import { FILE_TYPES, type FileType } from './file-types';
import { OWNER_KINDS } from './owners';

/** Whose files: `ownerKind` and `ownerId` name the record. */
export const OwnerQuerySchema = z.strictObject({
  ownerKind: z.enum(OWNER_KINDS).describe('Loại hồ sơ: activity, supervision, programme, news, house, legal_document'),
  ownerId: z.uuid('Mã hồ sơ không hợp lệ'),
});

export const UploadQuerySchema = OwnerQuerySchema.extend({
  fileName: nameText(255).describe('Tên tệp (kèm phần mở rộng)'),
  caption: optionalText(500).optional().describe('Chú thích (ảnh lễ bàn giao, biên bản…)'),
});

export const ContentQuerySchema = z.strictObject({
  download: queryBoolean.describe('true: tải về thay vì xem trong trình duyệt'),
});

export const RemovalSchema = z.strictObject({ reason: nameText(500).describe('Lý do gỡ tệp') });

export const AttachmentSchema = z.object({
  id: z.uuid(),
  ownerKind: z.enum(OWNER_KINDS),
  ownerId: z.uuid(),
  fileName: z.string(),
  fileType: z.enum(Object.keys(FILE_TYPES) as [FileType, ...FileType[]]),
  mediaType: z.string(),
  image: z.boolean(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  caption: z.string().nullable(),
  createdAt: timestampField,
  createdByName: z.string().nullable(),
  canRemove: z.boolean(),
});
export type AttachmentView = z.infer<typeof AttachmentSchema>;
export const AttachmentListSchema = z.object({ items: z.array(AttachmentSchema) });

export type OwnerReq = z.infer<typeof OwnerQuerySchema>;
export type UploadReq = z.infer<typeof UploadQuerySchema>;
