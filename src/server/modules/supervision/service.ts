import type { Area } from '../../../domain/access';
import { todayInVietnam } from '../../../domain/calendar';
import {
  daysUntil,
  isRecommendationOverdue,
  recommendationAfter,
  type RecommendationStatus,
  type RecommendationStep,
  type SupervisionMethod,
  type SupervisionStatus,
} from '../../../domain/coordination';
import { requireInScope, type Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import type { Db, Executor } from '../../platform/db/database';
import { errors } from '../../platform/errors';
import { requireCurrentUnit, unitNames } from '../admin-units/service';
import { resolveProgrammeLinks } from '../coordination/tasks';
import { organisationNames, requireOrganisation } from '../organisations/service';
import { getOwnProfile } from '../users/service';
import { supervisionPolicy } from './policy';
import * as repo from './repo';
import type {
  RecommendationCreateReq,
  RecommendationListReq,
  RecommendationView,
  SupervisionConductReq,
  SupervisionCreateReq,
  SupervisionListReq,
  SupervisionUpdateReq,
  SupervisionView,
} from './schemas';

const ENTITY = 'supervision';
const REC_ENTITY = 'recommendation';
const notFound = () => errors.notFound('cuộc giám sát', 'Supervision');
const recNotFound = () => errors.notFound('kiến nghị', 'Recommendation');

function requireManage(actor: Actor, area: Area) {
  requireInScope(actor, area);
  if (!supervisionPolicy.manage(actor, area)) throw errors.forbidden();
}

/** The organisation the signed-in user belongs to (recommendations addressed to it are theirs). */
async function organisationOf(db: Executor, actor: Actor): Promise<string | null> {
  if (!actor.id) return null;
  return (await getOwnProfile(db, actor)).organisation?.id ?? null;
}

async function presentRecommendations(
  db: Executor,
  actor: Actor,
  myOrganisation: string | null,
  rows: repo.RecommendationRow[],
  parents?: repo.SupervisionRow[],
): Promise<RecommendationView[]> {
  const supervisions = parents ?? (await repo.supervisionsByIds(db, [...new Set(rows.map((r) => r.supervisionId))]));
  const byId = new Map(supervisions.map((s) => [s.id, s]));
  const [names, units] = await Promise.all([
    organisationNames(
      db,
      rows.map((r) => r.addresseeId),
    ),
    unitNames(
      db,
      supervisions.map((s) => s.unitCode),
    ),
  ]);
  const today = todayInVietnam();
  return rows.map((r) => {
    const s = byId.get(r.supervisionId)!;
    const status = r.status as RecommendationStatus;
    return {
      id: r.id,
      supervisionId: r.supervisionId,
      supervisionTopic: s.topic,
      supervisionUnitName: units.get(s.unitCode) ?? s.unitCode,
      addressee: { id: r.addresseeId, name: names.get(r.addresseeId) ?? '—' },
      text: r.text,
      dueOn: r.dueOn,
      status,
      overdue: isRecommendationOverdue({ dueOn: r.dueOn, status }, today),
      daysLeft: daysUntil(r.dueOn, today),
      answer: r.answer,
      answeredOn: r.answeredOn,
      resolvedOn: r.resolvedOn,
      canFollowUp: supervisionPolicy.manage(actor, r),
      canAnswer: supervisionPolicy.answer(actor, r, r.addresseeId === myOrganisation),
      updatedAt: r.updatedAt.toISOString(),
      version: r.version,
    };
  });
}

async function present(db: Executor, actor: Actor, rows: repo.SupervisionRow[]): Promise<SupervisionView[]> {
  const [units, names, recs, mine] = await Promise.all([
    unitNames(
      db,
      rows.map((r) => r.unitCode),
    ),
    organisationNames(
      db,
      rows.flatMap((r) => [r.leadId, r.supervisedId, ...r.memberIds]),
    ),
    repo.recommendationsOf(
      db,
      rows.map((r) => r.id),
    ),
    organisationOf(db, actor),
  ]);
  const recViews = await presentRecommendations(db, actor, mine, recs, rows);
  const ref = (id: string) => ({ id, name: names.get(id) ?? '—' });
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    unitCode: r.unitCode,
    unitName: units.get(r.unitCode) ?? r.unitCode,
    provinceCode: r.provinceCode,
    communeCode: r.communeCode,
    lead: ref(r.leadId),
    members: r.memberIds.map(ref),
    supervised: ref(r.supervisedId),
    topic: r.topic,
    method: r.method as SupervisionMethod,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    status: r.status as SupervisionStatus,
    conductedOn: r.conductedOn,
    findings: r.findings,
    programmeId: r.programmeId,
    contentId: r.contentId,
    taskId: r.taskId,
    recommendations: recViews.filter((v) => v.supervisionId === r.id),
    canManage: supervisionPolicy.manage(actor, r),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  }));
}
const presentOne = async (db: Executor, actor: Actor, row: repo.SupervisionRow) =>
  (await present(db, actor, [row]))[0]!;

export async function listSupervisions(db: Db, actor: Actor, query: SupervisionListReq) {
  const { items, total } = await repo.list(db, actor.scope, query);
  return { items: await present(db, actor, items), total };
}

export async function getSupervision(db: Db, actor: Actor, id: string) {
  const row = await repo.findSupervision(db, id, actor.scope);
  if (!row) throw notFound();
  return presentOne(db, actor, row);
}

async function fieldsOf(db: Executor, actor: Actor, input: SupervisionCreateReq | SupervisionUpdateReq) {
  await requireOrganisation(db, actor, input.leadId, 'leadId');
  await requireOrganisation(db, actor, input.supervisedId, 'supervisedId');
  for (const [i, id] of input.memberIds.entries()) await requireOrganisation(db, actor, id, `memberIds.${i}`);
  return {
    year: input.year,
    leadId: input.leadId,
    memberIds: input.memberIds,
    supervisedId: input.supervisedId,
    topic: input.topic,
    method: input.method,
    periodFrom: input.periodFrom,
    periodTo: input.periodTo,
    ...(await resolveProgrammeLinks(db, actor, input)),
  };
}

/** Put a supervision in the year's supervision plan. */
export async function planSupervision(db: Db, actor: Actor, input: SupervisionCreateReq) {
  const area = (await requireCurrentUnit(db, input.unitCode, 'unitCode')).area as Area & { provinceCode: string };
  requireManage(actor, area);
  return db.transaction(async (tx) => {
    const row = await repo.insertSupervision(tx, {
      unitCode: input.unitCode,
      ...area,
      ...(await fieldsOf(tx, actor, input)),
    });
    const view = await presentOne(tx, actor, row);
    await recordAudit(tx, actor, { action: 'supervision.plan', entity: ENTITY, entityId: row.id, area, after: view });
    return view;
  });
}

/** Lock a supervision the actor manages, check the version, apply, audit before and after. */
async function changeSupervision(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  action: string,
  apply: (
    tx: Executor,
    row: repo.SupervisionRow,
  ) => Promise<Partial<repo.NewSupervisionRow>> | Partial<repo.NewSupervisionRow>,
) {
  return db.transaction(async (tx) => {
    const row = await repo.findSupervision(tx, id, actor.scope, true);
    if (!row) throw notFound();
    requireManage(actor, row);
    if (row.version !== version) throw errors.staleVersion();
    const before = await presentOne(tx, actor, row);
    const updated = await repo.updateSupervision(tx, id, version, await apply(tx, row));
    if (!updated) throw errors.staleVersion();
    const after = await presentOne(tx, actor, updated);
    await recordAudit(tx, actor, { action, entity: ENTITY, entityId: id, area: row, before, after });
    return after;
  });
}

export const updateSupervision = (db: Db, actor: Actor, id: string, input: SupervisionUpdateReq) =>
  changeSupervision(db, actor, id, input.version, 'supervision.update', (tx) => fieldsOf(tx, actor, input));

/** Record that the supervision took place, with its findings. */
export const conductSupervision = (db: Db, actor: Actor, id: string, input: SupervisionConductReq) =>
  changeSupervision(db, actor, id, input.version, 'supervision.conduct', (_tx, row) => {
    if (input.conductedOn < row.periodFrom) {
      throw errors.invalid(
        'conductedOn',
        'Ngày giám sát không trước thời kỳ được giám sát.',
        'The supervision cannot precede the period supervised.',
      );
    }
    return { status: 'conducted', conductedOn: input.conductedOn, findings: input.findings };
  });

/** Address a recommendation of a conducted supervision to a named organisation, with a deadline. */
export async function recommend(db: Db, actor: Actor, supervisionId: string, input: RecommendationCreateReq) {
  return db.transaction(async (tx) => {
    const row = await repo.findSupervision(tx, supervisionId, actor.scope, true);
    if (!row) throw notFound();
    requireManage(actor, row);
    if (row.version !== input.version) throw errors.staleVersion();
    if (row.status !== 'conducted' || !row.conductedOn) {
      throw errors.conflict(
        'supervision_not_conducted',
        'Chỉ ghi kiến nghị sau khi đã giám sát.',
        'Recommendations follow a conducted supervision.',
      );
    }
    if (input.dueOn < row.conductedOn) {
      throw errors.invalid(
        'dueOn',
        'Hạn trả lời không trước ngày giám sát.',
        'The deadline cannot precede the supervision.',
      );
    }
    await requireOrganisation(tx, actor, input.addresseeId, 'addresseeId');
    const rec = await repo.insertRecommendation(tx, {
      supervisionId,
      provinceCode: row.provinceCode,
      communeCode: row.communeCode,
      addresseeId: input.addresseeId,
      text: input.text,
      dueOn: input.dueOn,
    });
    const [view] = await presentRecommendations(tx, actor, null, [rec], [row]);
    await recordAudit(tx, actor, {
      action: 'recommendation.create',
      entity: REC_ENTITY,
      entityId: rec.id,
      area: row,
      after: view,
    });
    return view!;
  });
}

export async function listRecommendations(db: Db, actor: Actor, query: RecommendationListReq) {
  const mine = await organisationOf(db, actor);
  const { items, total } = await repo.listRecommendations(db, actor.scope, mine, query, todayInVietnam());
  return { items: await presentRecommendations(db, actor, mine, items), total };
}

/** What waits for the signed-in user's organisation: unresolved recommendations addressed to it. */
export async function myReminders(db: Db, actor: Actor) {
  const mine = await organisationOf(db, actor);
  if (!mine) return { items: [], total: 0 };
  const rows = await repo.openForAddressee(db, mine);
  return { items: await presentRecommendations(db, actor, mine, rows), total: rows.length };
}

/** Move a recommendation one step towards closure: answer received, accepted, resolved. */
export async function followUp(
  db: Db,
  actor: Actor,
  id: string,
  step: RecommendationStep,
  input: { version: number; answer?: string; answeredOn?: string; resolvedOn?: string },
) {
  const mine = await organisationOf(db, actor);
  return db.transaction(async (tx) => {
    const row = await repo.findRecommendationForUpdate(tx, id, actor.scope, mine);
    if (!row) throw recNotFound();
    const allowed =
      step === 'answer'
        ? supervisionPolicy.answer(actor, row, row.addresseeId === mine)
        : supervisionPolicy.manage(actor, row);
    if (!allowed) throw errors.forbidden();
    const next = recommendationAfter(row.status as RecommendationStatus, step);
    if (!next) {
      throw errors.conflict(
        'recommendation_step_not_allowed',
        `Kiến nghị đang ở trạng thái không cho phép bước này (${row.status}).`,
        `This step does not apply to a recommendation that is ${row.status}.`,
      );
    }
    if (row.version !== input.version) throw errors.staleVersion();
    if (input.resolvedOn && row.answeredOn && input.resolvedOn < row.answeredOn) {
      throw errors.invalid(
        'resolvedOn',
        'Ngày giải quyết không trước ngày trả lời.',
        'Resolved before it was answered.',
      );
    }
    const [before] = await presentRecommendations(tx, actor, mine, [row]);
    const updated = await repo.updateRecommendation(tx, id, input.version, {
      status: next,
      ...(step === 'answer' ? { answer: input.answer, answeredOn: input.answeredOn } : {}),
      ...(step === 'resolve' ? { resolvedOn: input.resolvedOn } : {}),
    });
    if (!updated) throw errors.staleVersion();
    const [after] = await presentRecommendations(tx, actor, mine, [updated]);
    await recordAudit(tx, actor, {
      action: `recommendation.${step}`,
      entity: REC_ENTITY,
      entityId: id,
      area: row,
      before,
      after,
    });
    return after!;
  });
}

/** A programme's supervisions in a period, with their recommendations' statuses, for its review report. */
export async function programmeSupervisions(db: Executor, programmeId: string, from: string, to: string) {
  const rows = await repo.ofProgrammeInPeriod(db, programmeId, from, to);
  const recs = await repo.recommendationsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    contentId: r.contentId,
    status: r.status as SupervisionStatus,
    recommendations: recs.filter((x) => x.supervisionId === r.id).map((x) => x.status as RecommendationStatus),
  }));
}
