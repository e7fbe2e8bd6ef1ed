import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { editableColumns, nameKeyColumns } from '../../platform/db/columns';
import { programmeContents, programmes, programmeTasks } from '../coordination/tables';

const money = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);

/**
 * An activity: communication, a training course, a conference or workshop. Lies at the unit where
 * it took place; may count under a programme's content and serve as a task's evidence.
 */
export const activities = pgTable(
  'coordination_activities',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().notNull(),
    title: text().notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    unitCode: text('unit_code').notNull(),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code'),
    place: text(),
    organiserIds: uuid('organiser_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    audienceKind: text('audience_kind').notNull(),
    audienceSize: integer('audience_size').notNull(),
    /** How many of the audience came from poor or near-poor households. */
    poorAudience: integer('poor_audience').notNull().default(0),
    topics: text().notNull(),
    budgetState: money('budget_state'),
    budgetFund: money('budget_fund'),
    budgetSocial: money('budget_social'),
    budgetOther: money('budget_other'),
    programmeId: uuid('programme_id').references(() => programmes.id),
    contentId: uuid('content_id').references(() => programmeContents.id),
    /** The task this activity is evidence of. */
    taskId: uuid('task_id').references(() => programmeTasks.id),
    ...nameKeyColumns(),
    ...editableColumns(),
  },
  (t) => [
    index('coordination_activities_area').on(t.provinceCode, t.startsOn, t.communeCode),
    index('coordination_activities_programme').on(t.programmeId),
    index('coordination_activities_task').on(t.taskId),
  ],
);
