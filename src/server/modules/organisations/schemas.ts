import { z } from 'zod';
import { ORGANISATION_KINDS } from '../../../domain/reference';
import { listQuerySchema, listResponseSchema } from '../../platform/list';
import {
  nameText,
  optionalText,
  queryBoolean,
  timestampField,
  unitCodeField,
  versionField,
} from '../../platform/schemas';

export const OrganisationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(ORGANISATION_KINDS),
  unitCode: z.string().nullable(),
  unitName: z.string(),
  provinceCode: z.string().nullable(),
  communeCode: z.string().nullable(),
  archived: z.boolean(),
  createdAt: timestampField,
  updatedAt: timestampField,
  version: z.number().int(),
});

export const OrganisationListQuerySchema = listQuerySchema(['name', 'createdAt']).extend({
  kind: z.enum(ORGANISATION_KINDS).optional(),
  unit: unitCodeField.optional().describe('Chỉ các tổ chức đặt tại đơn vị này'),
  includeArchived: queryBoolean,
});
export const OrganisationListSchema = listResponseSchema(OrganisationSchema);

export const OrganisationCreateSchema = z.strictObject({
  name: nameText(200),
  shortName: optionalText(50).optional(),
  kind: z.enum(ORGANISATION_KINDS),
  unitCode: unitCodeField.nullable().describe('Đơn vị hành chính nơi tổ chức đặt trụ sở; null = trung ương'),
});

export const OrganisationUpdateSchema = z.strictObject({
  name: nameText(200).optional(),
  shortName: optionalText(50).optional(),
  kind: z.enum(ORGANISATION_KINDS).optional(),
  version: versionField,
});

export type OrganisationView = z.infer<typeof OrganisationSchema>;
export type OrganisationCreateReq = z.infer<typeof OrganisationCreateSchema>;
export type OrganisationUpdateReq = z.infer<typeof OrganisationUpdateSchema>;
export type OrganisationListReq = z.infer<typeof OrganisationListQuerySchema>;
