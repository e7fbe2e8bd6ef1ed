import { date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../platform/db/columns';
import { programmeContents, programmes } from '../coordination/tables';
import { organisations } from '../organisations/tables';

/** An emulation movement (phong trào thi đua), e.g. "Vì người nghèo – Không để ai bị bỏ lại phía sau". */
export const movements = pgTable(
  'emulation_movements',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    unitCode: text('unit_code').notNull(),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code'),
    periodFrom: integer('period_from').notNull(),
    periodTo: integer('period_to').notNull(),
    description: text(),
    ...editableColumns(),
  },
  (t) => [index('emulation_movements_area').on(t.provinceCode, t.communeCode)],
);

/** A commendation (khen thưởng, biểu dương) decided by a numbered decision. */
export const commendations = pgTable(
  'commendations',
  {
    id: uuid().primaryKey().defaultRandom(),
    movementId: uuid('movement_id').references(() => movements.id),
    programmeId: uuid('programme_id').references(() => programmes.id),
    contentId: uuid('content_id').references(() => programmeContents.id),
    unitCode: text('unit_code').notNull(),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code'),
    form: text().notNull(),
    level: text().notNull(),
    recipientKind: text('recipient_kind').notNull(),
    recipientName: text('recipient_name').notNull(),
    /** The organisation commended, when the recipient is one. */
    recipientOrganisationId: uuid('recipient_organisation_id').references(() => organisations.id),
    achievement: text().notNull(),
    decisionNumber: text('decision_number').notNull(),
    decisionDate: date('decision_date').notNull(),
    ...editableColumns(),
  },
  (t) => [index('commendations_area').on(t.provinceCode, t.decisionDate, t.communeCode)],
);
