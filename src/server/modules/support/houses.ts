/**
 * Houses built or repaired with support: approved with a decision, funding by source and a
 * planned completion; then started, completed and handed over, one stage at a time, each step
 * audited; the behind-schedule list for the commune and the province.
 */
import { todayInVietnam } from '../../../domain/calendar';
import { advance, behindSchedule, BUILT_IN_SOURCES, stageOf, type HouseDates } from '../../../domain/support';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import { AppError, errors } from '../../platform/errors';
import { requireCurrentUnit } from '../admin-units/service';
import { scopeCovers } from '../../../domain/access';
import { getHousehold, lockHousehold } from '../households/service';
import * as repo from './repo';
import type { HouseApproveReq, HouseListReq, HouseView } from './schemas';
import { supportPolicy } from './policy';
import { requireManage } from './records';

const ENTITY = 'house';
const notFound = () => errors.notFound('nhà', 'House');

export const datesOf = (row: repo.HouseRow): HouseDates => ({
  approved: row.approvedOn,
  ...(row.startedOn ? { under_construction: row.startedOn } : {}),
  ...(row.completedOn ? { completed: row.completedOn } : {}),
  ...(row.handedOverOn ? { handed_over: row.handedOverOn } : {}),
});

function present(
  row: repo.HouseRow & { householdCode: string; headName: string },
  today = todayInVietnam(),
): HouseView {
  const dates = datesOf(row);
  return {
    id: row.id,
    householdId: row.householdId,
    householdCode: row.householdCode,
    headName: row.headName,
    provinceCode: row.provinceCode,
    communeCode: row.communeCode,
    kind: row.kind as HouseView['kind'],
    decisionNumber: row.decisionNumber,
    stage: stageOf(dates),
    dates,
    plannedCompletion: row.plannedCompletion,
    builder: row.builder,
    funding: row.funding,
    totalCost: row.funding.reduce((sum, f) => sum + f.amount, 0),
    behindSchedule: behindSchedule({ dates, plannedCompletion: row.plannedCompletion }, today),
    version: row.version,
  };
}

export async function approveHouse(db: Db, actor: Actor, householdId: string, input: HouseApproveReq) {
  const unknown = input.funding.findIndex((f) => !BUILT_IN_SOURCES.some((s) => s.code === f.sourceCode));
  if (unknown >= 0)
    throw errors.invalid(
      `funding.${unknown}.sourceCode`,
      `Không có nguồn hỗ trợ "${input.funding[unknown]!.sourceCode}".`,
      'Unknown source.',
    );
  if (input.plannedCompletion < input.approvedOn)
    throw errors.invalid(
      'plannedCompletion',
      'Ngày dự kiến hoàn thành không thể trước ngày phê duyệt.',
      'The planned completion cannot be before the approval.',
    );
  return db.transaction(async (tx) => {
    await lockHousehold(tx, actor, householdId);
    const household = await getHousehold(tx, actor, householdId);
    requireManage(actor, household);
    const unfinished = await repo.unfinishedHouseOf(tx, householdId);
    if (unfinished)
      throw new AppError(
        409,
        'house_in_progress',
        `Hộ đã có nhà đang thực hiện theo quyết định ${unfinished.decisionNumber}; hãy bàn giao trước khi phê duyệt nhà khác.`,
        `The household already has a house in progress (decision ${unfinished.decisionNumber}).`,
      );
    const row = await repo.insertHouse(tx, {
      ...input,
      householdId,
      provinceCode: household.provinceCode,
      communeCode: household.communeCode,
    });
    const view = present({ ...row, householdCode: household.code, headName: household.headName });
    await recordAudit(tx, actor, { action: 'house.approve', entity: ENTITY, entityId: row.id, area: row, after: view });
    return view;
  });
}

const STAGE_COLUMN = {
  under_construction: 'startedOn',
  completed: 'completedOn',
  handed_over: 'handedOverOn',
} as const;

/** Move a house to its next stage on a date (the stage after the current one, never earlier than the last). */
export async function advanceHouse(
  db: Db,
  actor: Actor,
  id: string,
  input: { stage: keyof typeof STAGE_COLUMN; date: string; version: number },
) {
  return db.transaction(async (tx) => {
    const row = await repo.findHouse(tx, id, actor.scope, true);
    if (!row) throw notFound();
    requireManage(actor, row);
    if (row.version !== input.version) throw errors.staleVersion();
    if (input.date > todayInVietnam())
      throw errors.invalid('date', 'Ngày không thể ở tương lai.', 'The date cannot be in the future.');
    const step = advance(datesOf(row), input.stage, input.date);
    if (!step.ok) throw new AppError(409, 'house_stage_refused', step.reason.vi, step.reason.en);
    const updated = await repo.updateHouse(tx, id, row.version, { [STAGE_COLUMN[input.stage]]: input.date });
    if (!updated) throw errors.staleVersion();
    const before = present(row);
    const after = present({ ...updated, householdCode: row.householdCode, headName: row.headName });
    await recordAudit(tx, actor, { action: 'house.advance', entity: ENTITY, entityId: id, area: row, before, after });
    return after;
  });
}

/** A house as the actor sees it (404 outside their area), for the photos of its stages. */
export async function houseOwner(db: Db, actor: Actor, id: string) {
  const row = await repo.findHouse(db, id, actor.scope);
  if (!row) throw notFound();
  return { provinceCode: row.provinceCode, communeCode: row.communeCode, canManage: supportPolicy.manage(actor, row) };
}

export async function listHouses(db: Db, actor: Actor, query: HouseListReq) {
  if (query.commune) {
    const commune = await requireCurrentUnit(db, query.commune, 'querystring.commune', 'commune');
    if (!scopeCovers(actor.scope, commune.area)) throw errors.outOfScope();
  }
  const today = todayInVietnam();
  const { items, total } = await repo.listHouses(db, actor.scope, query, today);
  return { items: items.map((h) => present(h, today)), total };
}
