import type { Area } from '../../../domain/access';
import type { CommendationForm, CommendationLevel, RecipientKind } from '../../../domain/coordination';
import { requireInScope, type Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import { changeRecord, type VersionedRecord } from '../../platform/changes';
import type { Db, Executor } from '../../platform/db/database';
import { errors } from '../../platform/errors';
import { requireCurrentUnit, unitNames } from '../admin-units/service';
import { resolveProgrammeLinks } from '../coordination/tasks';
import { requireOrganisation } from '../organisations/service';
import { emulationPolicy } from './policy';
import * as repo from './repo';
import type {
  CommendationCreateReq,
  CommendationListReq,
  CommendationUpdateReq,
  CommendationView,
  MovementCreateReq,
  MovementListReq,
  MovementUpdateReq,
  MovementView,
} from './schemas';

function requireManage(actor: Actor, area: Area) {
  requireInScope(actor, area);
  if (!emulationPolicy.manage(actor, area)) throw errors.forbidden();
}

async function unitArea(db: Executor, unitCode: string) {
  return (await requireCurrentUnit(db, unitCode, 'unitCode')).area as Area & { provinceCode: string };
}

async function presentMovements(db: Executor, actor: Actor, rows: repo.MovementRow[]): Promise<MovementView[]> {
  const units = await unitNames(
    db,
    rows.map((r) => r.unitCode),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    unitCode: r.unitCode,
    unitName: units.get(r.unitCode) ?? r.unitCode,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    description: r.description,
    canManage: emulationPolicy.manage(actor, r),
    version: r.version,
  }));
}

async function presentCommendations(
  db: Executor,
  actor: Actor,
  rows: repo.CommendationRow[],
): Promise<CommendationView[]> {
  const [units, movementRows] = await Promise.all([
    unitNames(
      db,
      rows.map((r) => r.unitCode),
    ),
    repo.movementNames(db, [...new Set(rows.flatMap((r) => (r.movementId ? [r.movementId] : [])))]),
  ]);
  const movementName = new Map(movementRows.map((m) => [m.id, m.name]));
  return rows.map((r) => ({
    id: r.id,
    movementId: r.movementId,
    movementName: r.movementId ? (movementName.get(r.movementId) ?? null) : null,
    programmeId: r.programmeId,
    contentId: r.contentId,
    unitCode: r.unitCode,
    unitName: units.get(r.unitCode) ?? r.unitCode,
    form: r.form as CommendationForm,
    level: r.level as CommendationLevel,
    recipientKind: r.recipientKind as RecipientKind,
    recipientName: r.recipientName,
    recipientOrganisationId: r.recipientOrganisationId,
    achievement: r.achievement,
    decisionNumber: r.decisionNumber,
    decisionDate: r.decisionDate,
    canManage: emulationPolicy.manage(actor, r),
    version: r.version,
  }));
}

export async function listMovements(db: Db, actor: Actor, query: MovementListReq) {
  const { items, total } = await repo.listMovements(db, actor.scope, query);
  return { items: await presentMovements(db, actor, items), total };
}

export async function launchMovement(db: Db, actor: Actor, input: MovementCreateReq) {
  const area = await unitArea(db, input.unitCode);
  requireManage(actor, area);
  return db.transaction(async (tx) => {
    const row = await repo.insertMovement(tx, {
      name: input.name,
      unitCode: input.unitCode,
      ...area,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      description: input.description ?? null,
    });
    const [view] = await presentMovements(tx, actor, [row]);
    await recordAudit(tx, actor, {
      action: 'movement.create',
      entity: 'emulation_movement',
      entityId: row.id,
      area,
      after: view,
    });
    return view!;
  });
}

export async function listCommendations(db: Db, actor: Actor, query: CommendationListReq) {
  const { items, total } = await repo.listCommendations(db, actor.scope, query);
  return { items: await presentCommendations(db, actor, items), total };
}

/** The fields of a commendation as given, each reference checked against what the actor can see. */
async function commendationFields(tx: Executor, actor: Actor, input: CommendationCreateReq | CommendationUpdateReq) {
  if (input.movementId && !(await repo.findMovement(tx, input.movementId, actor.scope))) {
    throw errors.invalid(
      'movementId',
      'Phong trào không tồn tại hoặc nằm ngoài địa bàn.',
      'Unknown or out-of-scope movement.',
    );
  }
  if (input.recipientOrganisationId) {
    await requireOrganisation(tx, actor, input.recipientOrganisationId, 'recipientOrganisationId');
  }
  const links = await resolveProgrammeLinks(tx, actor, input);
  return {
    movementId: input.movementId ?? null,
    programmeId: links.programmeId,
    contentId: links.contentId,
    form: input.form,
    level: input.level,
    recipientKind: input.recipientKind,
    recipientName: input.recipientName,
    recipientOrganisationId: input.recipientOrganisationId ?? null,
    achievement: input.achievement,
    decisionNumber: input.decisionNumber,
    decisionDate: input.decisionDate,
  };
}

export async function commend(db: Db, actor: Actor, input: CommendationCreateReq) {
  const area = await unitArea(db, input.unitCode);
  requireManage(actor, area);
  return db.transaction(async (tx) => {
    const row = await repo.insertCommendation(tx, {
      unitCode: input.unitCode,
      ...area,
      ...(await commendationFields(tx, actor, input)),
    });
    const [view] = await presentCommendations(tx, actor, [row]);
    await recordAudit(tx, actor, {
      action: 'commendation.create',
      entity: 'commendation',
      entityId: row.id,
      area,
      after: view,
    });
    return view!;
  });
}

const movementRecord = (actor: Actor): VersionedRecord<repo.MovementRow, Partial<repo.MovementRow>, MovementView> => ({
  entity: 'emulation_movement',
  notFound: () => errors.notFound('phong trào thi đua', 'Emulation movement'),
  findForUpdate: repo.findMovementForUpdate,
  update: repo.updateMovement,
  present: async (tx, row) => (await presentMovements(tx, actor, [row]))[0]!,
  areaOf: (row) => row,
});

/** Correct a movement's name, period or description; a commune cannot edit its province's. */
export function updateMovement(db: Db, actor: Actor, id: string, input: MovementUpdateReq) {
  return changeRecord(db, actor, movementRecord(actor), {
    id,
    version: input.version,
    action: 'movement.update',
    check: (row) => requireManage(actor, row),
    apply: () => ({
      name: input.name,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      description: input.description ?? null,
    }),
  });
}

const commendationRecord = (
  actor: Actor,
): VersionedRecord<repo.CommendationRow, Partial<repo.CommendationRow>, CommendationView> => ({
  entity: 'commendation',
  notFound: () => errors.notFound('khen thưởng', 'Commendation'),
  findForUpdate: repo.findCommendationForUpdate,
  update: repo.updateCommendation,
  present: async (tx, row) => (await presentCommendations(tx, actor, [row]))[0]!,
  areaOf: (row) => row,
});

/** Correct a commendation as recorded (its unit stays: the one that decided it). */
export function updateCommendation(db: Db, actor: Actor, id: string, input: CommendationUpdateReq) {
  return changeRecord(db, actor, commendationRecord(actor), {
    id,
    version: input.version,
    action: 'commendation.update',
    check: (row) => requireManage(actor, row),
    apply: (tx) => commendationFields(tx, actor, input),
  });
}

/** A programme's commendations in a period, for its review report. */
export const programmeCommendations = repo.ofProgrammeInPeriod;
