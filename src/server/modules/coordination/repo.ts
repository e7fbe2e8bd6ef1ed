import { and, asc, count, eq, gte, inArray, lte, ne, notInArray, or, sql } from 'drizzle-orm';
import type { AreaScope } from '../../../domain/access';
import { insideOrAboveScope } from '../../platform/access';
import { updateVersioned } from '../../platform/changes';
import type { Executor } from '../../platform/db/database';
import { matchesText, matchesSearch, orderBy } from '../../platform/list';
import { activities } from '../activities/tables';
import { supervisions } from '../supervision/tables';
import type { ProgrammeListReq, TaskListReq } from './schemas';
import { programmeContents, programmePlans, programmes, programmeTasks, taskEvidence } from './tables';

export type ProgrammeRow = typeof programmes.$inferSelect;
export type NewProgrammeRow = typeof programmes.$inferInsert;
export type ContentRow = typeof programmeContents.$inferSelect;
export type PlanRow = typeof programmePlans.$inferSelect;
export type TaskRow = typeof programmeTasks.$inferSelect;
export type NewTaskRow = typeof programmeTasks.$inferInsert;
export type EvidenceRow = typeof taskEvidence.$inferSelect;

/**
 * A programme is seen inside its area and below it: a commune sees its own programmes and its
 * province's (whose tasks its organisations share), never another commune's.
 */
const programmeVisible = (scope: AreaScope) =>
  insideOrAboveScope(scope, { province: programmes.provinceCode, commune: programmes.communeCode });
const taskVisible = (scope: AreaScope) =>
  insideOrAboveScope(scope, { province: programmeTasks.provinceCode, commune: programmeTasks.communeCode });

export async function listProgrammes(db: Executor, scope: AreaScope, f: ProgrammeListReq) {
  const where = and(
    programmeVisible(scope),
    matchesSearch(programmes.searchKey, f.q),
    f.level ? eq(programmes.level, f.level) : undefined,
    f.unit ? eq(programmes.unitCode, f.unit) : undefined,
    f.year ? and(lte(programmes.periodFrom, f.year), gte(programmes.periodTo, f.year)) : undefined,
  );
  const column = f.sort === 'number' ? programmes.sortKey : programmes.signedOn;
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(programmes)
      .where(where)
      .orderBy(orderBy(column, f.order), programmes.id)
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(programmes).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findProgramme(db: Executor, id: string, scope: AreaScope, lock = false) {
  const query = db
    .select()
    .from(programmes)
    .where(and(eq(programmes.id, id), programmeVisible(scope)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function findProgrammeByNumber(db: Executor, provinceCode: string, number: string) {
  const [row] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(and(eq(programmes.provinceCode, provinceCode), eq(programmes.number, number)));
  return row;
}

export async function insertProgramme(db: Executor, row: NewProgrammeRow) {
  const [created] = await db.insert(programmes).values(row).returning();
  return created!;
}

export const updateProgramme = (db: Executor, id: string, version: number, patch: Partial<NewProgrammeRow>) =>
  updateVersioned(db, programmes, id, version, patch);

export function contentsOf(db: Executor, programmeIds: string[]) {
  if (programmeIds.length === 0) return Promise.resolve([] as ContentRow[]);
  return db
    .select()
    .from(programmeContents)
    .where(inArray(programmeContents.programmeId, programmeIds))
    .orderBy(asc(programmeContents.programmeId), asc(programmeContents.position));
}

export async function findContent(db: Executor, id: string) {
  const [row] = await db.select().from(programmeContents).where(eq(programmeContents.id, id));
  return row;
}

/** Replace a programme's contents: update the kept ones, add new ones, remove the rest. */
export async function saveContents(
  db: Executor,
  programmeId: string,
  contents: { id?: string; title: string; scope: string; responsibleId: string; coordinatingIds: string[] }[],
) {
  const kept = contents.flatMap((c) => (c.id ? [c.id] : []));
  await db
    .delete(programmeContents)
    .where(
      and(
        eq(programmeContents.programmeId, programmeId),
        kept.length ? notInArray(programmeContents.id, kept) : undefined,
      ),
    );
  // Positions are unique per programme: move the kept ones out of the way first.
  if (kept.length) {
    await db
      .update(programmeContents)
      .set({ position: sql`-${programmeContents.position}` })
      .where(eq(programmeContents.programmeId, programmeId));
  }
  for (const [i, c] of contents.entries()) {
    const values = {
      position: i + 1,
      title: c.title,
      scope: c.scope,
      responsibleId: c.responsibleId,
      coordinatingIds: c.coordinatingIds,
    };
    if (c.id) await db.update(programmeContents).set(values).where(eq(programmeContents.id, c.id));
    else await db.insert(programmeContents).values({ ...values, programmeId });
  }
}

/** Contents (of those ids) that tasks or other records refer to: they cannot be removed. */
export async function contentsInUse(db: Executor, contentIds: string[]) {
  if (contentIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: programmeTasks.contentId })
    .from(programmeTasks)
    .where(inArray(programmeTasks.contentId, contentIds));
  return rows.map((r) => r.id);
}

const overdueSql = (today: string) =>
  and(sql`${programmeTasks.dueOn} < ${today}`, notInArray(programmeTasks.status, ['done', 'cancelled']));

export async function plansOf(db: Executor, programmeId: string, today: string) {
  return db
    .select({
      plan: programmePlans,
      tasks: sql<number>`count(${programmeTasks.id})::int`,
      tasksDone: sql<number>`count(${programmeTasks.id}) filter (where ${programmeTasks.status} = 'done')::int`,
      tasksOverdue: sql<number>`count(${programmeTasks.id}) filter (where ${overdueSql(today)})::int`,
    })
    .from(programmePlans)
    .leftJoin(programmeTasks, eq(programmeTasks.planId, programmePlans.id))
    .where(eq(programmePlans.programmeId, programmeId))
    .groupBy(programmePlans.id)
    .orderBy(asc(programmePlans.year));
}

export async function findPlan(db: Executor, id: string) {
  const [row] = await db.select().from(programmePlans).where(eq(programmePlans.id, id));
  return row;
}

export async function findPlanByYear(db: Executor, programmeId: string, year: number) {
  const [row] = await db
    .select()
    .from(programmePlans)
    .where(and(eq(programmePlans.programmeId, programmeId), eq(programmePlans.year, year)));
  return row;
}

export async function insertPlan(db: Executor, row: typeof programmePlans.$inferInsert) {
  const [created] = await db.insert(programmePlans).values(row).returning();
  return created!;
}

const taskColumns = {
  task: programmeTasks,
  year: programmePlans.year,
  programmeNumber: programmes.number,
  contentPosition: programmeContents.position,
  contentTitle: programmeContents.title,
};
export type TaskListRow = {
  task: TaskRow;
  year: number;
  programmeNumber: string;
  contentPosition: number;
  contentTitle: string;
};

const joinedTasks = (db: Executor) =>
  db
    .select(taskColumns)
    .from(programmeTasks)
    .innerJoin(programmePlans, eq(programmePlans.id, programmeTasks.planId))
    .innerJoin(programmes, eq(programmes.id, programmeTasks.programmeId))
    .innerJoin(programmeContents, eq(programmeContents.id, programmeTasks.contentId));

export async function listTasks(db: Executor, scope: AreaScope, f: TaskListReq, today: string) {
  const where = and(
    taskVisible(scope),
    // Task titles are few per programme: folded as read, no key column needed.
    matchesText(programmeTasks.title, f.q),
    f.programme ? eq(programmeTasks.programmeId, f.programme) : undefined,
    f.plan ? eq(programmeTasks.planId, f.plan) : undefined,
    f.year ? eq(programmePlans.year, f.year) : undefined,
    f.status ? eq(programmeTasks.status, f.status) : undefined,
    f.organisation
      ? or(
          eq(programmeTasks.leadId, f.organisation),
          sql`${f.organisation}::uuid = any(${programmeTasks.supportingIds})`,
        )
      : undefined,
    f.overdue === true ? overdueSql(today) : f.overdue === false ? sql`not (${overdueSql(today)})` : undefined,
  );
  const column = f.sort === 'title' ? programmeTasks.title : programmeTasks.dueOn;
  const [items, [total]] = await Promise.all([
    joinedTasks(db)
      .where(where)
      .orderBy(orderBy(column, f.order), asc(programmeContents.position), programmeTasks.id)
      .limit(f.limit)
      .offset(f.offset),
    db
      .select({ n: count() })
      .from(programmeTasks)
      .innerJoin(programmePlans, eq(programmePlans.id, programmeTasks.planId))
      .where(where),
  ]);
  return { items: items as TaskListRow[], total: total?.n ?? 0 };
}

export async function findTask(db: Executor, id: string, scope: AreaScope): Promise<TaskListRow | undefined> {
  const [row] = await joinedTasks(db).where(and(eq(programmeTasks.id, id), taskVisible(scope)));
  return row as TaskListRow | undefined;
}

export async function findTaskForUpdate(db: Executor, id: string, scope: AreaScope) {
  const [row] = await db
    .select()
    .from(programmeTasks)
    .where(and(eq(programmeTasks.id, id), taskVisible(scope)))
    .for('update');
  return row;
}

export async function insertTask(db: Executor, row: NewTaskRow) {
  const [created] = await db.insert(programmeTasks).values(row).returning();
  return created!;
}

export const updateTask = (db: Executor, id: string, version: number, patch: Partial<NewTaskRow>) =>
  updateVersioned(db, programmeTasks, id, version, patch);

/** Tasks of a programme whose due date falls in the period, for the review report. */
export function tasksInPeriod(db: Executor, programmeId: string, from: string, to: string) {
  return db
    .select({ contentId: programmeTasks.contentId, status: programmeTasks.status })
    .from(programmeTasks)
    .where(
      and(
        eq(programmeTasks.programmeId, programmeId),
        gte(programmeTasks.dueOn, from),
        lte(programmeTasks.dueOn, to),
        ne(programmeTasks.status, 'cancelled'),
      ),
    );
}

// ——— evidence linked to tasks

/** A task's linked evidence the scope may see (the linked record's area, inside or above it). */
export function evidenceOf(db: Executor, taskId: string, scope: AreaScope) {
  return db
    .select()
    .from(taskEvidence)
    .where(
      and(
        eq(taskEvidence.taskId, taskId),
        insideOrAboveScope(scope, { province: taskEvidence.provinceCode, commune: taskEvidence.communeCode }),
      ),
    )
    .orderBy(asc(taskEvidence.date), asc(taskEvidence.createdAt));
}

export async function findEvidence(db: Executor, id: string) {
  const [row] = await db.select().from(taskEvidence).where(eq(taskEvidence.id, id));
  return row;
}

export async function insertEvidence(db: Executor, row: typeof taskEvidence.$inferInsert) {
  const [created] = await db.insert(taskEvidence).values(row).returning();
  return created!;
}

export async function deleteEvidence(db: Executor, id: string) {
  await db.delete(taskEvidence).where(eq(taskEvidence.id, id));
}

/** Whether activities or supervisions count under the task (they carry its content into the review report). */
export async function taskHasRecords(db: Executor, taskId: string) {
  const [row] = await db
    .select({ id: activities.id })
    .from(activities)
    .where(eq(activities.taskId, taskId))
    .union(db.select({ id: supervisions.id }).from(supervisions).where(eq(supervisions.taskId, taskId)))
    .limit(1);
  return row !== undefined;
}
