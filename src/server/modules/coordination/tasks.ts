import { todayInVietnam } from '../../../domain/calendar';
import { isTaskOverdue, type TaskStatus } from '../../../domain/coordination';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import { changeRecord, type VersionedRecord } from '../../platform/changes';
import type { Db, Executor } from '../../platform/db/database';
import { errors, whenUniqueViolated } from '../../platform/errors';
import { organisationNames, requireOrganisation } from '../organisations/service';
import * as repo from './repo';
import type {
  PlanCreateReq,
  PlanView,
  TaskCreateReq,
  TaskListReq,
  TaskProgressReq,
  TaskUpdateReq,
  TaskView,
} from './schemas';
import { canManageProgramme, requireManageProgramme, requireProgramme } from './service';

/** Yearly plans of a programme and their shared tasks (issue 6, point 2). */

const taskNotFound = () => errors.notFound('nhiệm vụ', 'Task');
const planNotFound = () => errors.notFound('kế hoạch', 'Plan');
const duplicatePlan = () =>
  errors.conflict(
    'duplicate_plan_year',
    'Chương trình đã có kế hoạch của năm này.',
    'The programme already has a plan for this year.',
    'year',
  );

function presentPlan(r: Awaited<ReturnType<typeof repo.plansOf>>[number]): PlanView {
  return {
    id: r.plan.id,
    programmeId: r.plan.programmeId,
    year: r.plan.year,
    note: r.plan.note,
    tasks: r.tasks,
    tasksDone: r.tasksDone,
    tasksOverdue: r.tasksOverdue,
    version: r.plan.version,
  };
}

export async function listPlans(db: Db, actor: Actor, programmeId: string) {
  await requireProgramme(db, actor, programmeId);
  return { items: (await repo.plansOf(db, programmeId, todayInVietnam())).map(presentPlan) };
}

export async function createPlan(db: Db, actor: Actor, programmeId: string, input: PlanCreateReq) {
  return db.transaction(async (tx) => {
    const programme = await requireProgramme(tx, actor, programmeId, true);
    requireManageProgramme(actor, programme);
    if (input.year < programme.periodFrom || input.year > programme.periodTo) {
      throw errors.invalid(
        'year',
        `Năm kế hoạch phải trong thời gian của chương trình (${programme.periodFrom}–${programme.periodTo}).`,
        `The plan's year must lie in the programme's period (${programme.periodFrom}–${programme.periodTo}).`,
      );
    }
    if (await repo.findPlanByYear(tx, programmeId, input.year)) throw duplicatePlan();
    const plan = await repo
      .insertPlan(tx, {
        programmeId,
        provinceCode: programme.provinceCode,
        communeCode: programme.communeCode,
        year: input.year,
        note: input.note ?? null,
      })
      .catch(whenUniqueViolated('coordination_plans_year', duplicatePlan));
    const view = presentPlan({ plan, tasks: 0, tasksDone: 0, tasksOverdue: 0 });
    await recordAudit(tx, actor, {
      action: 'plan.create',
      entity: 'coordination_plan',
      entityId: plan.id,
      area: programme,
      after: view,
    });
    return view;
  });
}

async function presentTasks(db: Executor, actor: Actor, rows: repo.TaskListRow[]): Promise<TaskView[]> {
  const names = await organisationNames(
    db,
    rows.flatMap((r) => [r.task.leadId, ...r.task.supportingIds]),
  );
  const today = todayInVietnam();
  const ref = (id: string) => ({ id, name: names.get(id) ?? '—' });
  return rows.map(({ task: t, ...r }) => ({
    id: t.id,
    planId: t.planId,
    year: r.year,
    programmeId: t.programmeId,
    programmeNumber: r.programmeNumber,
    contentId: t.contentId,
    contentPosition: r.contentPosition,
    contentTitle: r.contentTitle,
    title: t.title,
    lead: ref(t.leadId),
    supporting: t.supportingIds.map(ref),
    dueOn: t.dueOn,
    status: t.status as TaskStatus,
    progress: t.progress,
    overdue: isTaskOverdue({ dueOn: t.dueOn, status: t.status as TaskStatus }, today),
    note: t.note,
    canManage: canManageProgramme(actor, t),
    updatedAt: t.updatedAt.toISOString(),
    version: t.version,
  }));
}

async function presentTask(db: Executor, actor: Actor, id: string) {
  const row = await repo.findTask(db, id, actor.scope);
  if (!row) throw taskNotFound();
  return (await presentTasks(db, actor, [row]))[0]!;
}

/** Tasks the actor can see: those of the programmes of their area and of the areas above. */
export async function listTasks(db: Db, actor: Actor, query: TaskListReq) {
  const { items, total } = await repo.listTasks(db, actor.scope, query, todayInVietnam());
  return { items: await presentTasks(db, actor, items), total };
}

export const getTask = (db: Db, actor: Actor, id: string) => presentTask(db, actor, id);

async function checkOrganisations(db: Executor, actor: Actor, input: { leadId?: string; supportingIds?: string[] }) {
  if (input.leadId) await requireOrganisation(db, actor, input.leadId, 'leadId');
  for (const [i, id] of (input.supportingIds ?? []).entries()) {
    await requireOrganisation(db, actor, id, `supportingIds.${i}`);
  }
  if (input.leadId && input.supportingIds?.includes(input.leadId)) {
    throw errors.invalid(
      'supportingIds',
      'Đơn vị chủ trì không đồng thời là đơn vị phối hợp.',
      'The lead is not also a supporting organisation.',
    );
  }
}

/** A content of the task's programme, or a 400 on contentId. */
async function requireContentOf(db: Executor, programmeId: string, contentId: string) {
  const content = await repo.findContent(db, contentId);
  if (!content || content.programmeId !== programmeId) {
    throw errors.invalid(
      'contentId',
      'Nội dung phối hợp không thuộc chương trình này.',
      'Not a content of this programme.',
    );
  }
  return content;
}

export async function createTask(db: Db, actor: Actor, planId: string, input: TaskCreateReq) {
  return db.transaction(async (tx) => {
    const plan = await repo.findPlan(tx, planId);
    const programme = plan && (await repo.findProgramme(tx, plan.programmeId, actor.scope));
    if (!plan || !programme) throw planNotFound();
    requireManageProgramme(actor, programme);
    const content = await requireContentOf(tx, programme.id, input.contentId);
    await checkOrganisations(tx, actor, input);
    const task = await repo.insertTask(tx, {
      planId,
      programmeId: programme.id,
      contentId: content.id,
      provinceCode: programme.provinceCode,
      communeCode: programme.communeCode,
      title: input.title,
      leadId: input.leadId,
      supportingIds: input.supportingIds,
      dueOn: input.dueOn,
      note: input.note ?? null,
    });
    const view = await presentTask(tx, actor, task.id);
    await recordAudit(tx, actor, {
      action: 'task.create',
      entity: 'coordination_task',
      entityId: task.id,
      area: programme,
      after: view,
    });
    return view;
  });
}

const TASK_RECORD: VersionedRecord<repo.TaskRow, Partial<repo.NewTaskRow>, TaskView> = {
  entity: 'coordination_task',
  notFound: taskNotFound,
  findForUpdate: repo.findTaskForUpdate,
  update: repo.updateTask,
  present: (tx, row) => presentTask(tx, SYSTEM_VIEWER, row.id),
  areaOf: (row) => row,
};
/** Presenting inside a change: the caller's scope was already checked when the row was locked. */
const SYSTEM_VIEWER: Actor = { id: '', username: 'system', fullName: '', roles: [], scope: { level: 'national' } };

export async function updateTask(db: Db, actor: Actor, id: string, input: TaskUpdateReq) {
  const view = await changeRecord(db, actor, TASK_RECORD, {
    id,
    version: input.version,
    action: 'task.update',
    check: (row) => requireManageProgramme(actor, row),
    apply: async (tx, row) => {
      await checkOrganisations(tx, actor, {
        leadId: input.leadId ?? row.leadId,
        supportingIds: input.supportingIds ?? row.supportingIds,
      });
      if (input.contentId && input.contentId !== row.contentId) {
        await requireContentOf(tx, row.programmeId, input.contentId);
        if (await repo.taskHasRecords(tx, row.id)) {
          throw errors.conflict(
            'task_has_records',
            'Nhiệm vụ đã có hoạt động, cuộc giám sát ghi nhận theo nội dung hiện tại; không chuyển sang nội dung khác.',
            'Activities or supervisions already count under the task’s content; it cannot move to another.',
            'contentId',
          );
        }
      }
      return {
        contentId: input.contentId ?? row.contentId,
        title: input.title ?? row.title,
        leadId: input.leadId ?? row.leadId,
        supportingIds: input.supportingIds ?? row.supportingIds,
        dueOn: input.dueOn ?? row.dueOn,
        note: input.note === undefined ? row.note : input.note,
      };
    },
  });
  // Only a manager gets this far.
  return { ...view, canManage: true };
}

/** Record where a task stands: its status and progress (a business action, audited as such). */
export async function reportTaskProgress(db: Db, actor: Actor, id: string, input: TaskProgressReq) {
  const view = await changeRecord(db, actor, TASK_RECORD, {
    id,
    version: input.version,
    action: 'task.progress',
    check: (row) => requireManageProgramme(actor, row),
    apply: (_tx, row) => ({
      status: input.status,
      progress: input.progress,
      note: input.note === undefined ? row.note : input.note,
    }),
  });
  return { ...view, canManage: true };
}

/** A task the actor can see, for linking evidence (activities, supervisions) to it; 400 naming the field. */
export async function requireTask(db: Executor, actor: Actor, taskId: string, field: string) {
  const row = await repo.findTask(db, taskId, actor.scope);
  if (!row) {
    throw errors.invalid(field, 'Nhiệm vụ không tồn tại hoặc nằm ngoài địa bàn.', 'Unknown or out-of-scope task.');
  }
  return row.task;
}

export const tasksInPeriod = repo.tasksInPeriod;

/**
 * What a record (an activity, a supervision, a commendation) counts under: a task (which names
 * its programme and content), or a programme and optionally one of its contents. Each must be
 * one the actor can see; the content must belong to the programme. 400 naming the field.
 */
export async function resolveProgrammeLinks(
  db: Executor,
  actor: Actor,
  links: { programmeId?: string | null; contentId?: string | null; taskId?: string | null },
) {
  if (links.taskId) {
    const task = await requireTask(db, actor, links.taskId, 'taskId');
    if (
      (links.programmeId && links.programmeId !== task.programmeId) ||
      (links.contentId && links.contentId !== task.contentId)
    ) {
      throw errors.invalid(
        'taskId',
        'Nhiệm vụ không thuộc chương trình, nội dung đã chọn.',
        'The task is not under the chosen programme and content.',
      );
    }
    return { programmeId: task.programmeId, contentId: task.contentId, taskId: task.id };
  }
  if (links.contentId) {
    const content = await repo.findContent(db, links.contentId);
    const programme = content && (await repo.findProgramme(db, content.programmeId, actor.scope));
    if (!content || !programme || (links.programmeId && links.programmeId !== content.programmeId)) {
      throw errors.invalid(
        'contentId',
        'Nội dung phối hợp không thuộc chương trình đã chọn.',
        'The content is not one of the chosen programme.',
      );
    }
    return { programmeId: content.programmeId, contentId: content.id, taskId: null };
  }
  if (links.programmeId) {
    if (!(await repo.findProgramme(db, links.programmeId, actor.scope))) {
      throw errors.invalid(
        'programmeId',
        'Chương trình không tồn tại hoặc nằm ngoài địa bàn.',
        'Unknown or out-of-scope programme.',
      );
    }
    return { programmeId: links.programmeId, contentId: null, taskId: null };
  }
  return { programmeId: null, contentId: null, taskId: null };
}
