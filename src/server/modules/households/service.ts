import { scopeCovers, type Area } from '../../../domain/access';
import { checkCitizenId } from '../../../domain/registry/citizen-id';
import { foldAccents, vietnameseSortKey } from '../../../domain/text';
import { requireInScope, type Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import { changeRecord, type VersionedRecord } from '../../platform/changes';
import type { Db, Executor } from '../../platform/db/database';
import { AppError, errors, whenUniqueViolated } from '../../platform/errors';
import { requireCurrentUnit } from '../admin-units/service';
import { assessmentFilter } from '../assessments/service';
import { historyOf } from '../audit/service';
import { requireVillage } from '../villages/service';
import { householdPolicy, maskPersonal } from './policy';
import { dwellingOf, memberView, presentHousehold, presentSummaries } from './presenter';
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

export function requireManage(actor: Actor, area: Area) {
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

export const memberRow = (m: MemberInput) => ({
  ...m,
  nameKey: foldAccents(m.fullName),
  sortKey: vietnameseSortKey(m.fullName),
  searchKey: foldAccents(`${m.fullName} ${m.citizenId ?? ''}`),
});

type NamedMember = { fullName: string; citizenId: string | null; relation: string };

/** Head name and the folded search text (code, address, current members' names and IDs); also used by the demo seed. */
export function keysFrom(code: string, address: string, members: readonly NamedMember[]) {
  const headName = members.find((m) => m.relation === 'head')?.fullName ?? '';
  const searchKey = foldAccents([code, address, ...members.flatMap((m) => [m.fullName, m.citizenId ?? ''])].join(' '));
  return { headName, sortKey: vietnameseSortKey(headName), searchKey, searchWords: [...new Set(searchKey.split(' '))] };
}

async function derivedKeys(tx: Executor, householdId: string, code: string, address: string) {
  const members = (await repo.membersOf(tx, [householdId])).filter((m) => !m.leftAt);
  return keysFrom(code, address, members);
}

function mask(view: HouseholdView, actor: Actor): HouseholdView {
  if (householdPolicy.seeCitizenIds(actor)) return view;
  return maskPersonal(view) as HouseholdView;
}

/** The province and commune a list names: in force, and inside the caller's scope. */
async function requireListUnits(db: Db, actor: Actor, query: HouseholdListReq) {
  for (const level of ['province', 'commune'] as const) {
    const code = query[level];
    if (!code) continue;
    const unit = await requireCurrentUnit(db, code, `querystring.${level}`, level);
    if (!scopeCovers(actor.scope, unit.area)) throw errors.outOfScope();
  }
}

export async function listHouseholds(db: Db, actor: Actor, query: HouseholdListReq) {
  await requireListUnits(db, actor, query);
  const { found } = await firstPage(db, actor, query);
  const { items, total, totalCapped } = found;
  return { items: await presentSummaries(db, items), total, totalCapped };
}

async function firstPage(db: Db, actor: Actor, query: HouseholdListReq) {
  // Several words are most often a full name typed from its start: answered from the members'
  // name index; only when no name starts so does the broader phrase search run.
  const severalWords = (query.q ?? '').trim().includes(' ');
  const assessed = assessmentFilter(query);
  const byName = severalWords ? await repo.list(db, actor.scope, query, 'name_prefix', assessed) : undefined;
  if (byName && byName.total > 0) return { found: byName, mode: 'name_prefix' as const, assessed };
  return { found: await repo.list(db, actor.scope, query, 'phrase', assessed), mode: 'phrase' as const, assessed };
}

/**
 * Every household the list would show (same filters, scope and order), a page at a time by
 * keyset: a province's hundreds of thousands are walked without offsets (the Excel export).
 */
export async function* allHouseholdPages(db: Db, actor: Actor, query: HouseholdListReq) {
  await requireListUnits(db, actor, query);
  const { found, mode, assessed } = await firstPage(db, actor, { ...query, offset: 0 });
  for (let items = found.items; ;) {
    yield { items: await presentSummaries(db, items), rows: items };
    if (items.length < query.limit) return;
    const after = { key: items.at(-1)!.sortValue, id: items.at(-1)!.id };
    items = (await repo.list(db, actor.scope, { ...query, offset: 0 }, mode, assessed, after)).items;
  }
}

/** Hold the household still (inside the caller's transaction) while something is decided from it. */
export async function lockHousehold(tx: Executor, actor: Actor, id: string) {
  if (!(await repo.findForUpdate(tx, id, actor.scope))) throw notFound();
}

export async function getHousehold(db: Executor, actor: Actor, id: string) {
  const row = await repo.findInScope(db, id, actor.scope);
  if (!row) throw notFound();
  return mask(await presentHousehold(db, row, actor), actor);
}

/**
 * Households of the actor's area as the poverty engine reads them (area, dwelling, members) —
 * as recorded, health facts included, whoever asks: a result is derived from the whole record
 * (a reviewer who may not see health data still surveys a malnourished child's household right).
 * Never shown as is; what the actor sees of the result is the caller's to mask. A batch in two
 * statements, both scoped to the area, for a review classifying hundreds at once.
 */
export async function householdsToAssess(db: Executor, actor: Actor, ids: string[]) {
  const [rows, members] = await Promise.all([
    repo.findManyInScope(db, ids, actor.scope),
    repo.membersOf(db, ids, actor.scope),
  ]);
  const membersOf = new Map<string, ReturnType<typeof memberView>[]>();
  for (const m of members) {
    const list = membersOf.get(m.householdId) ?? [];
    list.push(memberView(m));
    membersOf.set(m.householdId, list);
  }
  return rows.map((r) => ({
    id: r.id,
    provinceCode: r.provinceCode,
    communeCode: r.communeCode,
    area: r.area as HouseholdView['area'],
    archived: r.archivedAt !== null,
    dwelling: dwellingOf(r),
    members: membersOf.get(r.id) ?? [],
  }));
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

/** Members of the household named in a split or merge: each current, none repeated. */
function pickMembers(members: repo.MemberRow[], picked: { memberId: string }[], field: string) {
  return picked.map(({ memberId }, i) => {
    const m = members.find((x) => x.id === memberId && !x.leftAt);
    if (!m)
      throw errors.invalid(
        `${field}.${i}.memberId`,
        'Không phải nhân khẩu hiện tại của hộ.',
        'Not a current member of the household.',
      );
    return m;
  });
}

/**
 * Split (tách hộ): some members form a new household of the same commune; the head stays.
 * Both households are audited: the old one as changed, the new one as created from it.
 */
export async function splitHousehold(
  db: Db,
  actor: Actor,
  id: string,
  input: {
    code: string;
    address?: string;
    villageId?: string;
    members: { memberId: string; relation: MemberInput['relation'] }[];
    version: number;
  },
) {
  let created: repo.HouseholdRow | undefined;
  const view = await changeHousehold(db, actor, id, input.version, 'household.split', async (tx, row) => {
    const members = await repo.membersOf(tx, [row.id]);
    const moving = pickMembers(members, input.members, 'members');
    if (moving.some((m) => m.relation === 'head')) throw headChangeNeeded('members');
    if (members.filter((m) => !m.leftAt).length === moving.length) {
      throw errors.invalid('members', 'Hộ cũ phải còn ít nhất chủ hộ.', 'The old household keeps at least its head.');
    }
    if (await repo.findByCode(tx, row.communeCode, input.code)) throw codeTaken(input.code)();
    const village = input.villageId ? await requireVillage(tx, actor, input.villageId, 'villageId') : null;
    if (village && village.communeCode !== row.communeCode) {
      throw errors.invalid('villageId', 'Chỉ tách sang thôn trong cùng xã.', 'Only villages of the same commune.');
    }
    const relations = input.members.map((m, i) => ({ ...moving[i]!, relation: m.relation }));
    const address = input.address ?? row.address;
    created = await repo.insert(tx, {
      ...row,
      id: undefined,
      code: input.code,
      address,
      villageId: village?.id ?? row.villageId,
      version: 1,
      createdAt: undefined,
      updatedAt: undefined,
      ...keysFrom(input.code, address, relations),
    });
    await repo.moveMembers(
      tx,
      moving.map((m) => m.id),
      created.id,
      0,
    );
    for (const m of relations) await repo.updateMember(tx, m.id, { relation: m.relation });
    const after = await presentHousehold(tx, created, null);
    await recordAudit(tx, actor, {
      action: 'household.create_by_split',
      entity: ENTITY,
      entityId: created.id,
      area: created,
      after: { ...after, splitFrom: { id: row.id, code: row.code } },
    });
    return {};
  }).catch(whenUniqueViolated('households_commune_code', codeTaken(input.code)));
  return { from: view, created: mask(await presentHousehold(db, created!, actor), actor) };
}

/** Merge (nhập hộ): the members of another household of the commune join this one; that one is archived. */
export async function mergeHousehold(
  db: Db,
  actor: Actor,
  id: string,
  input: {
    fromHouseholdId: string;
    fromVersion: number;
    members: { memberId: string; relation: MemberInput['relation'] }[];
    version: number;
  },
) {
  if (input.fromHouseholdId === id)
    throw errors.invalid('fromHouseholdId', 'Không thể nhập hộ vào chính nó.', 'Cannot merge a household into itself.');
  return changeHousehold(db, actor, id, input.version, 'household.merge', async (tx, row) => {
    const from = await repo.findForUpdate(tx, input.fromHouseholdId, actor.scope);
    if (!from || from.archivedAt)
      throw errors.invalid(
        'fromHouseholdId',
        'Hộ nhập không tồn tại hoặc đã lưu trữ.',
        'Unknown or archived household.',
      );
    if (from.communeCode !== row.communeCode)
      throw errors.invalid('fromHouseholdId', 'Chỉ nhập hộ trong cùng xã.', 'Only households of the same commune.');
    if (from.version !== input.fromVersion) throw errors.staleVersion();
    const fromMembers = (await repo.membersOf(tx, [from.id])).filter((m) => !m.leftAt);
    const moving = pickMembers(fromMembers, input.members, 'members');
    if (moving.length !== fromMembers.length) {
      throw errors.invalid(
        'members',
        'Cần ghi quan hệ với chủ hộ cho mọi nhân khẩu của hộ nhập.',
        'Give every member of the merged household a relation.',
      );
    }
    const position = (await repo.membersOf(tx, [row.id])).length;
    await repo.moveMembers(
      tx,
      moving.map((m) => m.id),
      row.id,
      position,
    );
    for (const [i, m] of input.members.entries()) await repo.updateMember(tx, moving[i]!.id, { relation: m.relation });
    const before = await presentHousehold(tx, from, null);
    const archived = await repo.update(tx, from.id, from.version, {
      archivedAt: new Date(),
      archiveReason: `Nhập vào hộ ${row.code}`,
      ...keysFrom(from.code, from.address, []),
    });
    await recordAudit(tx, actor, {
      action: 'household.merged_into',
      entity: ENTITY,
      entityId: from.id,
      area: from,
      before,
      after: { ...(await presentHousehold(tx, archived!, null)), mergedInto: { id: row.id, code: row.code } },
    });
    return {};
  });
}

/** Every change to the household and its members, newest first; IDs masked as on the page. */
export async function householdHistory(db: Db, actor: Actor, id: string, page: { limit: number; offset: number }) {
  if (!(await repo.findInScope(db, id, actor.scope))) throw notFound();
  const history = await historyOf(db, ENTITY, id, page);
  if (householdPolicy.seeCitizenIds(actor)) return history;
  return {
    ...history,
    items: history.items.map((e) => ({ ...e, before: maskPersonal(e.before), after: maskPersonal(e.after) })),
  };
}
