import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../platform/db/columns';
import { programmeContents, programmes, programmeTasks } from '../coordination/tables';
import { organisations } from '../organisations/tables';

/**
 * A supervision (giám sát): planned in the year's supervision plan, then conducted, with findings.
 * Lies at the unit that runs it.
 */
export const supervisions = pgTable(
  'supervisions',
  {
    id: uuid().primaryKey().defaultRandom(),
    year: integer().notNull(),
    unitCode: text('unit_code').notNull(),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code'),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => organisations.id),
    memberIds: uuid('member_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    supervisedId: uuid('supervised_id')
      .notNull()
      .references(() => organisations.id),
    topic: text().notNull(),
    method: text().notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    status: text().notNull().default('planned'),
    conductedOn: date('conducted_on'),
    findings: text(),
    programmeId: uuid('programme_id').references(() => programmes.id),
    contentId: uuid('content_id').references(() => programmeContents.id),
    taskId: uuid('task_id').references(() => programmeTasks.id),
    ...editableColumns(),
  },
  (t) => [
    index('supervisions_area').on(t.provinceCode, t.year, t.communeCode),
    index('supervisions_programme').on(t.programmeId),
  ],
);

/**
 * A recommendation (kiến nghị) of a supervision, addressed to a named organisation with a deadline
 * and followed to closure. The addressee's area is kept so its users see it.
 */
export const recommendations = pgTable(
  'supervision_recommendations',
  {
    id: uuid().primaryKey().defaultRandom(),
    supervisionId: uuid('supervision_id')
      .notNull()
      .references(() => supervisions.id),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code'),
    addresseeId: uuid('addressee_id')
      .notNull()
      .references(() => organisations.id),
    text: text().notNull(),
    dueOn: date('due_on').notNull(),
    status: text().notNull().default('open'),
    answer: text(),
    answeredOn: date('answered_on'),
    resolvedOn: date('resolved_on'),
    ...editableColumns(),
  },
  (t) => [
    index('supervision_recommendations_supervision').on(t.supervisionId),
    index('supervision_recommendations_addressee').on(t.addresseeId, t.status, t.dueOn),
  ],
);
