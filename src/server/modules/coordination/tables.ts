import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { editableColumns, nameKeyColumns } from '../../platform/db/columns';
import { organisations } from '../organisations/tables';

const uuidArray = (name: string) =>
  uuid(name)
    .array()
    .notNull()
    .default(sql`'{}'::uuid[]`);

/**
 * A coordination programme (chương trình phối hợp): who signed it, when and where, the period,
 * its legal bases (from the document library, in the order cited), purposes and requirements.
 * It lies at the unit that signed it: a province (province_code) or a commune (both codes).
 */
export const programmes = pgTable(
  'coordination_programmes',
  {
    id: uuid().primaryKey().defaultRandom(),
    number: text().notNull(),
    title: text().notNull(),
    level: text().notNull(),
    signedOn: date('signed_on').notNull(),
    signedPlace: text('signed_place').notNull(),
    unitCode: text('unit_code').notNull(),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code'),
    /** Signing parties (organisations), in the order they sign. */
    partyIds: uuidArray('party_ids'),
    /** Legal bases (legal_documents ids), in the order cited. */
    legalBasisIds: uuidArray('legal_basis_ids'),
    periodFrom: integer('period_from').notNull(),
    periodTo: integer('period_to').notNull(),
    purposes: text().notNull(),
    requirements: text().notNull(),
    /** How it is reviewed (sơ kết, tổng kết) and other closing provisions. */
    implementation: text(),
    ...nameKeyColumns(),
    ...editableColumns(),
  },
  (t) => [
    uniqueIndex('coordination_programmes_number').on(t.provinceCode, t.number),
    index('coordination_programmes_area').on(t.provinceCode, t.communeCode),
  ],
);

/** A numbered coordination content (nội dung phối hợp) of a programme. */
export const programmeContents = pgTable(
  'coordination_contents',
  {
    id: uuid().primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    position: integer().notNull(),
    title: text().notNull(),
    /** What it covers. */
    scope: text().notNull(),
    responsibleId: uuid('responsible_id')
      .notNull()
      .references(() => organisations.id),
    coordinatingIds: uuidArray('coordinating_ids'),
  },
  (t) => [uniqueIndex('coordination_contents_position').on(t.programmeId, t.position)],
);

/** A programme's plan for one year (kế hoạch năm). */
export const programmePlans = pgTable(
  'coordination_plans',
  {
    id: uuid().primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code'),
    year: integer().notNull(),
    note: text(),
    ...editableColumns(),
  },
  (t) => [uniqueIndex('coordination_plans_year').on(t.programmeId, t.year)],
);

/** A shared task of a yearly plan, under one coordination content. */
export const programmeTasks = pgTable(
  'coordination_tasks',
  {
    id: uuid().primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => programmePlans.id),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    contentId: uuid('content_id')
      .notNull()
      .references(() => programmeContents.id),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code'),
    title: text().notNull(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => organisations.id),
    supportingIds: uuidArray('supporting_ids'),
    dueOn: date('due_on').notNull(),
    status: text().notNull().default('planned'),
    progress: integer().notNull().default(0),
    note: text(),
    ...editableColumns(),
  },
  (t) => [
    index('coordination_tasks_plan').on(t.planId),
    index('coordination_tasks_due').on(t.provinceCode, t.status, t.dueOn),
  ],
);

/**
 * A record of another module linked to a task as its evidence (domain TASK_EVIDENCE_KINDS): read
 * only, by id. The record's area and a label (what it was called when linked) are kept so the
 * list is scoped in SQL without asking each module again.
 */
export const taskEvidence = pgTable(
  'coordination_task_evidence',
  {
    id: uuid().primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => programmeTasks.id),
    kind: text().notNull(),
    refId: uuid('ref_id').notNull(),
    /** Where the linked record lies. */
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code'),
    label: text().notNull(),
    /** The record's date (campaign start, support or distribution date, model start). */
    date: date().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').notNull(),
  },
  (t) => [uniqueIndex('coordination_task_evidence_ref').on(t.taskId, t.kind, t.refId)],
);

/** A periodic review report (sơ kết / tổng kết) of a programme: figures drafted from the data, text edited by people. */
export const programmeReviews = pgTable(
  'coordination_reviews',
  {
    id: uuid().primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code'),
    kind: text().notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    number: text(),
    /** The figures as drafted (re-drafting refreshes them): total and per content. */
    figures: jsonb().notNull(),
    /** Editable text: per content (by content id), results, difficulties, directions. */
    sections: jsonb().notNull(),
    ...editableColumns(),
  },
  (t) => [index('coordination_reviews_programme').on(t.programmeId)],
);
