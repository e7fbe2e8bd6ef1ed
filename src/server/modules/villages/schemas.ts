import { z } from 'zod';
import { VILLAGE_KINDS } from '../../../domain/reference';
import { listQuerySchema, listResponseSchema } from '../../platform/list';
import { nameText, queryBoolean, timestampField, versionField } from '../../platform/schemas';

const communeCodeField = z.string().regex(/^\d{5}$/u, 'Mã xã/phường gồm 5 chữ số');

export const VillageSchema = z.object({
  id: z.uuid(),
  provinceCode: z.string(),
  communeCode: z.string(),
  name: z.string(),
  kind: z.enum(VILLAGE_KINDS),
  archived: z.boolean(),
  archivedAt: timestampField.nullable(),
  archiveReason: z.string().nullable(),
  createdAt: timestampField,
  updatedAt: timestampField,
  version: z.number().int(),
});

export const VillageListQuerySchema = listQuerySchema(['name', 'createdAt']).extend({
  commune: communeCodeField.optional().describe('Mã xã/phường'),
  includeArchived: queryBoolean,
});
export const VillageListSchema = listResponseSchema(VillageSchema);

export const VillageCreateSchema = z.strictObject({
  communeCode: communeCodeField,
  name: nameText(100),
  kind: z.enum(VILLAGE_KINDS),
});

export const VillageUpdateSchema = z.strictObject({
  name: nameText(100).optional(),
  kind: z.enum(VILLAGE_KINDS).optional(),
  version: versionField,
});

export const VillageArchiveSchema = z.strictObject({
  reason: nameText(500),
  version: versionField,
});

export type VillageView = z.infer<typeof VillageSchema>;
export type VillageListReq = z.infer<typeof VillageListQuerySchema>;
export type VillageCreateReq = z.infer<typeof VillageCreateSchema>;
export type VillageUpdateReq = z.infer<typeof VillageUpdateSchema>;
