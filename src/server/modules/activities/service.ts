import type { Area } from '../../../domain/access';
import { activityGroup, budgetTotal, type ActivityKind, type AudienceKind } from '../../../domain/coordination';
import { foldAccents, vietnameseSortKey } from '../../../domain/text';
import { requireInScope, type Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import { changeRecord, type VersionedRecord } from '../../platform/changes';
import type { Db, Executor } from '../../platform/db/database';
import { errors } from '../../platform/errors';
import { requireCurrentUnit, unitNames } from '../admin-units/service';
import { resolveProgrammeLinks } from '../coordination/tasks';
import { organisationNames, requireOrganisation } from '../organisations/service';
import { activityPolicy } from './policy';
import * as repo from './repo';
import type {
  ActivityCreateReq,
  ActivityListReq,
  ActivitySummaryReq,
  ActivityUpdateReq,
  ActivityView,
} from './schemas';

const ENTITY = 'activity';
const notFound = () => errors.notFound('hoạt động', 'Activity');
const keys = (title: string, topics: string) => ({
  sortKey: vietnameseSortKey(title),
  searchKey: foldAccents(`${title} ${topics}`),
});

const canManage = (actor: Actor, area: Area) => activityPolicy.manage(actor, area);
function requireManage(actor: Actor, area: Area) {
  requireInScope(actor, area);
  if (!canManage(actor, area)) throw errors.forbidden();
}

const budgetOf = (r: repo.ActivityRow) => ({
  state: r.budgetState,
  fund: r.budgetFund,
  social: r.budgetSocial,
  other: r.budgetOther,
});

async function present(db: Executor, actor: Actor, rows: repo.ActivityRow[]): Promise<ActivityView[]> {
  const [units, names] = await Promise.all([
    unitNames(
      db,
      rows.map((r) => r.unitCode),
    ),
    organisationNames(
      db,
      rows.flatMap((r) => r.organiserIds),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as ActivityKind,
    group: activityGroup(r.kind as ActivityKind),
    title: r.title,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    unitCode: r.unitCode,
    unitName: units.get(r.unitCode) ?? r.unitCode,
    provinceCode: r.provinceCode,
    communeCode: r.communeCode,
    place: r.place,
    organisers: r.organiserIds.map((id) => ({ id, name: names.get(id) ?? '—' })),
    audienceKind: r.audienceKind as AudienceKind,
    audienceSize: r.audienceSize,
    poorAudience: r.poorAudience,
    topics: r.topics,
    budget: budgetOf(r),
    budgetTotal: budgetTotal(budgetOf(r)),
    programmeId: r.programmeId,
    contentId: r.contentId,
    taskId: r.taskId,
    canManage: canManage(actor, r),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  }));
}
const presentOne = async (db: Executor, actor: Actor, row: repo.ActivityRow) => (await present(db, actor, [row]))[0]!;

export async function listActivities(db: Db, actor: Actor, query: ActivityListReq) {
  const { items, total, totals } = await repo.list(db, actor.scope, query);
  return { items: await present(db, actor, items), total, totals };
}

/** Totals by unit and group (communication, training, conferences) for a period. */
export async function summariseActivities(db: Db, actor: Actor, query: ActivitySummaryReq) {
  const rows = await repo.summary(db, actor.scope, query);
  const names = await unitNames(
    db,
    rows.map((r) => r.unitCode),
  );
  const byKey = new Map<string, ActivitySummaryRow>();
  const totals = { activities: 0, audience: 0, poorAudience: 0, budget: 0 };
  for (const r of rows) {
    const group = activityGroup(r.kind as ActivityKind);
    const key = `${r.unitCode}|${group}`;
    const row = byKey.get(key) ?? {
      unitCode: r.unitCode,
      unitName: names.get(r.unitCode) ?? r.unitCode,
      group,
      activities: 0,
      audience: 0,
      poorAudience: 0,
      budget: 0,
    };
    for (const target of [row, totals]) {
      target.activities += r.activities;
      target.audience += r.audience;
      target.poorAudience += r.poorAudience;
      target.budget += r.budget;
    }
    byKey.set(key, row);
  }
  const order = ['communication', 'training', 'conference'];
  const sorted = [...byKey.values()].sort(
    (a, b) => a.unitName.localeCompare(b.unitName, 'vi') || order.indexOf(a.group) - order.indexOf(b.group),
  );
  return { rows: sorted, totals };
}
type ActivitySummaryRow = {
  unitCode: string;
  unitName: string;
  group: 'communication' | 'training' | 'conference';
  activities: number;
  audience: number;
  poorAudience: number;
  budget: number;
};

export async function getActivity(db: Db, actor: Actor, id: string) {
  const row = await repo.findVisible(db, id, actor.scope);
  if (!row) throw notFound();
  return presentOne(db, actor, row);
}

async function fieldsOf(db: Executor, actor: Actor, input: ActivityCreateReq | ActivityUpdateReq) {
  for (const [i, id] of input.organiserIds.entries()) await requireOrganisation(db, actor, id, `organiserIds.${i}`);
  const links = await resolveProgrammeLinks(db, actor, input);
  return {
    kind: input.kind,
    title: input.title,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    place: input.place ?? null,
    organiserIds: input.organiserIds,
    audienceKind: input.audienceKind,
    audienceSize: input.audienceSize,
    poorAudience: input.poorAudience,
    topics: input.topics,
    budgetState: input.budget.state,
    budgetFund: input.budget.fund,
    budgetSocial: input.budget.social,
    budgetOther: input.budget.other,
    ...links,
    ...keys(input.title, input.topics),
  };
}

export async function createActivity(db: Db, actor: Actor, input: ActivityCreateReq) {
  const area = (await requireCurrentUnit(db, input.unitCode, 'unitCode')).area as Area & { provinceCode: string };
  requireManage(actor, area);
  return db.transaction(async (tx) => {
    const row = await repo.insert(tx, { unitCode: input.unitCode, ...area, ...(await fieldsOf(tx, actor, input)) });
    const view = await presentOne(tx, actor, row);
    await recordAudit(tx, actor, { action: 'activity.create', entity: ENTITY, entityId: row.id, area, after: view });
    return view;
  });
}

export async function updateActivity(db: Db, actor: Actor, id: string, input: ActivityUpdateReq) {
  const area = (await requireCurrentUnit(db, input.unitCode, 'unitCode')).area as Area & { provinceCode: string };
  requireManage(actor, area);
  const record: VersionedRecord<repo.ActivityRow, Partial<repo.NewActivityRow>, ActivityView> = {
    entity: ENTITY,
    notFound,
    findForUpdate: repo.findForUpdate,
    update: repo.update,
    present: (tx, row) => presentOne(tx, actor, row),
    areaOf: (row) => row,
  };
  return changeRecord(db, actor, record, {
    id,
    version: input.version,
    action: 'activity.update',
    check: (row) => requireManage(actor, row),
    apply: async (tx) => ({ unitCode: input.unitCode, ...area, ...(await fieldsOf(tx, actor, input)) }),
  });
}

/** A programme's activities in a period, for its review report. */
export async function programmeActivities(db: Executor, programmeId: string, from: string, to: string) {
  const rows = await repo.ofProgrammeInPeriod(db, programmeId, from, to);
  return rows.map((r) => ({
    contentId: r.contentId,
    kind: r.kind as ActivityKind,
    audienceSize: r.audienceSize,
    poorAudience: r.poorAudience,
    budget: budgetOf(r),
  }));
}
