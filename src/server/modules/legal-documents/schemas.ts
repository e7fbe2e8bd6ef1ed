import { z } from 'zod';
import { LEGAL_DOCUMENT_KINDS } from '../../../domain/coordination';
import { listQuerySchema, listResponseSchema } from '../../platform/list';
import {
  isoDateField,
  nameText,
  optionalText,
  timestampField,
  unitCodeField,
  versionField,
} from '../../platform/schemas';

export const LegalDocumentSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  issuedOn: z.string().nullable(),
  issuer: z.string(),
  kind: z.enum(LEGAL_DOCUMENT_KINDS),
  title: z.string(),
  summary: z.string().nullable(),
  provinceCode: z.string().nullable(),
  communeCode: z.string().nullable(),
  createdAt: timestampField,
  updatedAt: timestampField,
  canManage: z.boolean().describe('Người xem được sửa văn bản và đính kèm toàn văn'),
  version: z.number().int(),
});

export const LegalDocumentListQuerySchema = listQuerySchema(['issuedOn', 'number']).extend({
  kind: z.enum(LEGAL_DOCUMENT_KINDS).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export const LegalDocumentListSchema = listResponseSchema(LegalDocumentSchema);

const documentNumber = nameText(60).pipe(
  z.string().regex(/^[^\s/]+(\/[^\s/]+)+$/u, 'Số, ký hiệu dạng "07/2021/NĐ-CP" (có dấu /, không có khoảng trắng)'),
);

export const LegalDocumentCreateSchema = z.strictObject({
  number: documentNumber,
  issuedOn: isoDateField.nullable(),
  issuer: nameText(200),
  kind: z.enum(LEGAL_DOCUMENT_KINDS),
  title: nameText(500),
  summary: optionalText(2000).optional(),
  unitCode: unitCodeField.nullable().describe('Văn bản của địa phương: mã tỉnh hoặc xã; null = văn bản trung ương'),
});

export const LegalDocumentUpdateSchema = z.strictObject({
  issuedOn: isoDateField.nullable().optional(),
  issuer: nameText(200).optional(),
  kind: z.enum(LEGAL_DOCUMENT_KINDS).optional(),
  title: nameText(500).optional(),
  summary: optionalText(2000).optional(),
  version: versionField,
});

export type LegalDocumentView = z.infer<typeof LegalDocumentSchema>;
export type LegalDocumentListReq = z.infer<typeof LegalDocumentListQuerySchema>;
export type LegalDocumentCreateReq = z.infer<typeof LegalDocumentCreateSchema>;
export type LegalDocumentUpdateReq = z.infer<typeof LegalDocumentUpdateSchema>;
