import { date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { editableColumns, nameKeyColumns } from '../../platform/db/columns';

/**
 * The library of legal and guiding texts (văn bản pháp lý) the programmes rest on: programmes'
 * legal bases and generated documents' "Căn cứ" pick from it instead of retyping. National texts
 * have no area; a province or commune may add its own.
 */
export const legalDocuments = pgTable(
  'legal_documents',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Number and symbol (số, ký hiệu), e.g. "07/2021/NĐ-CP". */
    number: text().notNull(),
    /** Date of issue; NULL when not yet known. */
    issuedOn: date('issued_on'),
    issuer: text().notNull(),
    kind: text().notNull(),
    title: text().notNull(),
    summary: text(),
    provinceCode: text('province_code'),
    communeCode: text('commune_code'),
    ...nameKeyColumns(),
    ...editableColumns(),
  },
  (t) => [
    uniqueIndex('legal_documents_number').on(t.number),
    index('legal_documents_area').on(t.provinceCode, t.communeCode),
  ],
);
