import { scopeCovers, type Area } from '../../../domain/access';
import { checkCitizenId } from '../../../domain/registry/citizen-id';
import { foldAccents, vietnameseSortKey } from '../../../domain/text';
import { requireInScope, type Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import { changeRecord, type VersionedRecord } from '../../platform/changes';
import type { Db, Executor } from '../../platform/db/database';
import { AppError, errors, whenUniqueViolated } from '../../platform/errors';
import { requireCurrentUnit } from '../admin-units/service';
import { requireVillage } from '../villages/service';
import { householdPolicy } from './policy';
import { presentHousehold, presentSummaries } from './presenter';
import * as repo from './repo';
import type {
  Dwelling,
  HouseholdCreateReq,
  HouseholdListReq,
  HouseholdUpdateReq,
  HouseholdView,
  MemberInput,
} from './schemas';

const ENTITY = 'household';
const notFound = () => errors.notFound('hộ gia đình', 'Household');
const codeTaken = (code: string) => () =>
  errors.conflict(
    'household_code_taken',
    `Xã đã có hộ mã "${code}".`,
    'The commune already has a household with that code.',
    'code',
  );

function requireManage(actor: Actor, area: Area) {
  requireInScope(actor, area);
  if (!householdPolicy.manage(actor, area)) throw errors.forbidden();
}

/** Citizen IDs: consistent with the member's birth year and sex, and not repeated in one household. */
function checkMembers(members: readonly MemberInput[], field: string) {
  const seen = new Set<string>();
  members.forEach((m, i) => {
    if (!m.citizenId) return;
    const check = checkCitizenId(m.citizenId, m);
    if (!check.ok) throw errors.invalid(`${field}.${i}.citizenId`, check.vi!, check.en!);
    if (seen.has(m.citizenId)) {
      throw errors.invalid(
        `${field}.${i}.citizenId`,
        'Số định danh bị trùng trong cùng một hộ.',
        'Citizen ID repeated within the household.',
      );
    }
    seen.add(m.citizenId);
  });
}

const memberRow = (m: MemberInput) => ({
  ...m,
  sortKey: vietnameseSortKey(m.fullName),
  searchKey: foldAccents(`${m.fullName} ${m.citizenId ?? ''}`),
});

type NamedMember = { fullName: string; citizenId: string | null; relation: string };

/** Head name and the folded search text (code, address, current members' names and IDs). */
function keysFrom(code: string, address: string, members: readonly NamedMember[]) {
  const headName = members.find((m) => m.relation === 'head')?.fullName ?? '';
  return {
    headName,
    sortKey: vietnameseSortKey(headName),
    searchKey: foldAccents([code, address, ...members.flatMap((m) => [m.fullName, m.citizenId ?? ''])].join(' ')),
  };
}

async function derivedKeys(tx: Executor, householdId: string, code: string, address: string) {
  const members = (await repo.membersOf(tx, [householdId])).filter((m) => !m.leftAt);
  return keysFrom(code, address, members);
}

function mask(view: HouseholdView, actor: Actor): HouseholdView {
  if (householdPolicy.seeCitizenIds(actor)) return view;
  return {
    ...view,
    members: view.members.map((m) => ({ ...m, citizenId: m.citizenId ? `********${m.citizenId.slice(-4)}` : null })),
  };
}

export async function listHouseholds(db: Db, actor: Actor, query: HouseholdListReq) {
  if (query.commune) {
    const commune = await requireCurrentUnit(db, query.commune, 'querystring.commune', 'commune');
    if (!scopeCovers(actor.scope, commune.area)) throw errors.outOfScope();
  }
  const { items, total } = await repo.list(db, actor.scope, query);
  return { items: await presentSummaries(db, items), total };
}

export async function getHousehold(db: Db, actor: Actor, id: string) {
  const row = await repo.findInScope(db, id, actor.scope);
  if (!row) throw notFound();
  return mask(await presentHousehold(db, row, actor), actor);
}

export async function createHousehold(db: Db, actor: Actor, input: HouseholdCreateReq) {
  const commune = await requireCurrentUnit(db, input.communeCode, 'communeCode', 'commune');
  requireManage(actor, commune.area);
  const village = await requireVillage(db, actor, input.villageId, 'villageId');
  if (village.communeCode !== input.communeCode) {
    throw errors.invalid('villageId', 'Thôn/tổ dân phố không thuộc xã đã chọn.', 'The village is not in that commune.');
  }
  checkMembers(input.members, 'members');
  const { members, dwelling, communeCode, ...fields } = input;
  return db
    .transaction(async (tx) => {
      if (await repo.findByCode(tx, communeCode, input.code)) throw codeTaken(input.code)();
      const household = await repo.insert(tx, {
        ...fields,
        ...dwelling,
        provinceCode: commune.area.provinceCode!,
        communeCode,
        ...keysFrom(input.code, input.address, members),
      });
      await repo.insertMembers(
        tx,
        members.map((m, position) => ({
          ...memberRow(m),
          householdId: household.id,
          provinceCode: household.provinceCode,
          communeCode,
          position,
        })),
      );
      const view = await presentHousehold(tx, household, actor);
      await recordAudit(tx, actor, {
        action: 'household.create',
        entity: ENTITY,
        entityId: household.id,
        area: household,
        after: view,
      });
      return mask(view, actor);
    })
    .catch(whenUniqueViolated('households_commune_code', codeTaken(input.code)));
}

const HOUSEHOLD_RECORD: VersionedRecord<repo.HouseholdRow, Partial<repo.NewHouseholdRow>, HouseholdView> = {
  entity: ENTITY,
  notFound,
  findForUpdate: repo.findForUpdate,
  update: repo.update,
  present: (tx, row) => presentHousehold(tx, row, null),
  areaOf: (row) => row,
};

/** Every change to a household or its members: locked, versioned, audited with before/after. */
async function changeHousehold(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  action: string,
  apply: (
    tx: Executor,
    row: repo.HouseholdRow,
  ) => Promise<Partial<repo.NewHouseholdRow>> | Partial<repo.NewHouseholdRow>,
) {
  const view = await changeRecord(db, actor, HOUSEHOLD_RECORD, {
    id,
    version,
    action,
    check: (row) => {
      requireManage(actor, row);
      if (row.archivedAt && action !== 'household.archive') {
        throw errors.conflict(
          'household_archived',
          'Hộ đã được lưu trữ, không sửa được.',
          'The household is archived.',
        );
      }
    },
    apply: async (tx, row) => {
      const patch = await apply(tx, row);
      return { ...patch, ...(await derivedKeys(tx, id, patch.code ?? row.code, patch.address ?? row.address)) };
    },
  });
  return mask(view, actor);
}

export function updateHousehold(db: Db, actor: Actor, id: string, input: HouseholdUpdateReq) {
  const { version, ...patch } = input;
  return changeHousehold(db, actor, id, version, 'household.update', async (tx, row) => {
    if (patch.code && (await repo.findByCode(tx, row.communeCode, patch.code, row.id))) throw codeTaken(patch.code)();
    return patch;
  }).catch(whenUniqueViolated('households_commune_code', codeTaken(input.code ?? '')));
}

export function updateDwelling(db: Db, actor: Actor, id: string, input: Dwelling & { version: number }) {
  const { version, ...dwelling } = input;
  return changeHousehold(db, actor, id, version, 'household.dwelling', () => dwelling);
}

/** Move to another village of the same commune (moving between communes is a transfer, not a move). */
export function moveHousehold(db: Db, actor: Actor, id: string, input: { villageId: string; version: number }) {
  return changeHousehold(db, actor, id, input.version, 'household.move', async (tx, row) => {
    const village = await requireVillage(tx, actor, input.villageId, 'villageId');
    if (village.communeCode !== row.communeCode) {
      throw errors.invalid(
        'villageId',
        'Chỉ chuyển được sang thôn/tổ dân phố trong cùng xã.',
        'Only villages of the same commune.',
      );
    }
    return { villageId: village.id };
  });
}

export function archiveHousehold(db: Db, actor: Actor, id: string, input: { reason: string; version: number }) {
  return changeHousehold(db, actor, id, input.version, 'household.archive', (_tx, row) => {
    if (row.archivedAt) throw errors.conflict('already_archived', 'Hộ đã được lưu trữ.', 'Already archived.');
    return { archivedAt: new Date(), archiveReason: input.reason };
  });
}

export function addMember(db: Db, actor: Actor, id: string, input: MemberInput & { version: number }) {
  const { version, ...member } = input;
  if (member.relation === 'head') throw headChangeNeeded('relation');
  checkMembers([member], 'member');
  return changeHousehold(db, actor, id, version, 'household.member_add', async (tx, row) => {
    const members = await repo.membersOf(tx, [row.id]);
    if (member.citizenId && members.some((m) => m.citizenId === member.citizenId && !m.leftAt)) {
      throw errors.invalid('citizenId', 'Số định danh đã có trong hộ.', 'Citizen ID already in the household.');
    }
    await repo.insertMembers(tx, [
      {
        ...memberRow(member),
        householdId: row.id,
        provinceCode: row.provinceCode,
        communeCode: row.communeCode,
        position: members.length,
      },
    ]);
    return {};
  });
}

const headChangeNeeded = (field: string) =>
  new AppError(
    400,
    'head_change_needed',
    'Đổi chủ hộ bằng thao tác "Đổi chủ hộ", không sửa trực tiếp quan hệ.',
    'Change the head with the "change head" action.',
    [{ field, message: 'Đổi chủ hộ bằng thao tác "Đổi chủ hộ".', messageEn: 'Use the change-head action.' }],
  );

async function requireMember(tx: Executor, householdId: string, memberId: string) {
  const member = (await repo.membersOf(tx, [householdId])).find((m) => m.id === memberId);
  if (!member) throw errors.notFound('nhân khẩu', 'Member');
  if (member.leftAt) throw errors.conflict('member_left', 'Nhân khẩu đã rời hộ.', 'The member has left the household.');
  return member;
}

export function updateMember(
  db: Db,
  actor: Actor,
  id: string,
  memberId: string,
  input: Partial<MemberInput> & { version: number },
) {
  const { version, ...patch } = input;
  return changeHousehold(db, actor, id, version, 'household.member_update', async (tx) => {
    const member = await requireMember(tx, id, memberId);
    if (patch.relation && (patch.relation === 'head') !== (member.relation === 'head'))
      throw headChangeNeeded('relation');
    const merged = { ...member, ...patch } as MemberInput;
    checkMembers([merged], 'member');
    await repo.updateMember(tx, memberId, { ...patch, ...memberRow(merged) });
    return {};
  });
}

export function memberLeaves(
  db: Db,
  actor: Actor,
  id: string,
  memberId: string,
  input: { date: string; reason: string; version: number },
) {
  return changeHousehold(db, actor, id, input.version, 'household.member_leave', async (tx) => {
    const member = await requireMember(tx, id, memberId);
    if (member.relation === 'head') throw headChangeNeeded('memberId');
    await repo.updateMember(tx, memberId, { leftAt: input.date, leftReason: input.reason });
    return {};
  });
}

/** A new head of household; the former head takes the relation given. */
export function changeHead(
  db: Db,
  actor: Actor,
  id: string,
  input: { memberId: string; formerHeadRelation: MemberInput['relation']; version: number },
) {
  if (input.formerHeadRelation === 'head') {
    throw errors.invalid(
      'formerHeadRelation',
      'Chủ hộ cũ phải có quan hệ khác "Chủ hộ".',
      'The former head needs another relation.',
    );
  }
  return changeHousehold(db, actor, id, input.version, 'household.head_change', async (tx) => {
    const next = await requireMember(tx, id, input.memberId);
    const members = await repo.membersOf(tx, [id]);
    const former = members.find((m) => m.relation === 'head' && !m.leftAt);
    if (former?.id === next.id) throw errors.invalid('memberId', 'Người này đã là chủ hộ.', 'Already the head.');
    if (former) await repo.updateMember(tx, former.id, { relation: input.formerHeadRelation });
    await repo.updateMember(tx, next.id, { relation: 'head' });
    return {};
  });
}
