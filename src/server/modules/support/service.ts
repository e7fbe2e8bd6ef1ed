/**
 * Support records (hồ sơ hỗ trợ): every benefit a household receives, from any source, checked
 * against the programme's repeat rules inside the household's lock, audited in the same
 * transaction, corrected only by cancelling with a reason.
 */
import {
  BUILT_IN_SOURCES,
  checkRepeat,
  DEFAULT_REPEAT_RULES,
  PER_MEMBER_KINDS,
  SUPPORT_KIND_LABELS,
} from '../../../domain/support';
import type { Actor } from '../../platform/access';
import { requireInScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import type { Db, Executor } from '../../platform/db/database';
import { AppError, errors } from '../../platform/errors';
import { getHousehold, lockHousehold } from '../households/service';
import { supportPolicy } from './policy';
import * as repo from './repo';
import type { SupportCreateReq, SupportListReq, SupportView } from './schemas';

const ENTITY = 'support';
const notFound = () => errors.notFound('hỗ trợ', 'Support');

type MemberNames = ReadonlyMap<string, string>;

function present(row: repo.SupportRow, actor: Actor, names: MemberNames = new Map()): SupportView {
  const details = supportPolicy.seeDetails(actor);
  return {
    id: row.id,
    householdId: row.householdId,
    provinceCode: row.provinceCode,
    communeCode: row.communeCode,
    memberId: row.memberId,
    memberName: row.memberId ? (names.get(row.memberId) ?? null) : null,
    kind: row.kind as SupportView['kind'],
    sourceCode: row.sourceCode,
    value: row.value,
    date: row.date,
    decisionNumber: row.decisionNumber,
    handoverProof: details ? row.handoverProof : null,
    note: details ? row.note : null,
    loanTermMonths: row.loanTermMonths,
    loanOutstanding: row.loanOutstanding,
    cancelled: row.cancelledAt !== null,
    cancelReason: row.cancelReason,
    createdAt: row.createdAt.toISOString(),
  };
}

export function requireManage(actor: Actor, area: { provinceCode: string; communeCode: string }) {
  requireInScope(actor, area);
  if (!supportPolicy.manage(actor, area)) throw errors.forbidden();
}

export function listSources() {
  return [...BUILT_IN_SOURCES];
}

/** Record a benefit given to a household (or one of its current members). */
export async function recordSupport(db: Db, actor: Actor, householdId: string, input: SupportCreateReq) {
  if (!BUILT_IN_SOURCES.some((s) => s.code === input.sourceCode))
    throw errors.invalid(
      'sourceCode',
      `Không có nguồn hỗ trợ "${input.sourceCode}".`,
      `Unknown source "${input.sourceCode}".`,
    );
  if (PER_MEMBER_KINDS.has(input.kind) && input.memberId === null) {
    const label = SUPPORT_KIND_LABELS[input.kind];
    throw errors.invalid(
      'memberId',
      `"${label.vi}" cần ghi người nhận.`,
      `"${label.en}" is given to a member: name one.`,
    );
  }
  return db.transaction(async (tx) => {
    // The lock makes the repeat check and the insert one step against a concurrent entry.
    await lockHousehold(tx, actor, householdId);
    const household = await getHousehold(tx, actor, householdId);
    requireManage(actor, household);
    const current = household.members.filter((m) => !m.leftAt);
    if (input.memberId && !current.some((m) => m.id === input.memberId))
      throw errors.invalid(
        'memberId',
        'Người nhận không phải thành viên hiện tại của hộ.',
        'Not a current member of the household.',
      );
    const given = (await repo.inForceOf(tx, householdId)).map((r) => ({ ...r, kind: r.kind as SupportView['kind'] }));
    const check = checkRepeat(DEFAULT_REPEAT_RULES, given, { ...input, householdId });
    if (!check.allowed)
      throw new AppError(409, 'support_repeated', check.reason.vi, check.reason.en, [
        { field: 'kind', message: check.reason.vi, messageEn: check.reason.en },
      ]);
    const row = await repo.insert(tx, {
      ...input,
      householdId,
      provinceCode: household.provinceCode,
      communeCode: household.communeCode,
      createdBy: actor.id,
    });
    const view = present(row, actor, new Map(current.map((m) => [m.id, m.fullName])));
    await recordAudit(tx, actor, {
      action: 'support.record',
      entity: ENTITY,
      entityId: row.id,
      area: row,
      after: view,
    });
    return view;
  });
}

/** Cancel a record entered by mistake: kept, marked, no longer counted. */
export async function cancelSupport(db: Db, actor: Actor, id: string, reason: string) {
  return db.transaction(async (tx) => {
    const row = await repo.findInScope(tx, id, actor.scope, true);
    if (!row) throw notFound();
    requireManage(actor, row);
    if (row.cancelledAt)
      throw errors.conflict(
        'support_already_cancelled',
        'Hỗ trợ này đã được hủy.',
        'This support is already cancelled.',
      );
    const cancelled = await repo.cancel(tx, id, reason);
    await recordAudit(tx, actor, {
      action: 'support.cancel',
      entity: ENTITY,
      entityId: id,
      area: row,
      before: present(row, actor),
      after: present(cancelled, actor),
    });
    return present(cancelled, actor);
  });
}

/** Everything a household received, newest first, with the members' names. */
export async function householdSupports(db: Db, actor: Actor, householdId: string, query: SupportListReq) {
  const household = await getHousehold(db, actor, householdId);
  const names = new Map(household.members.map((m) => [m.id, m.fullName]));
  const { items, ...totals } = await repo.list(db, actor.scope, { ...query, householdId });
  return { items: items.map((r) => present(r, actor, names)), ...totals };
}

/** Supports by id that the actor may see (another record's links, e.g. what a model gave). */
export async function supportsByIds(db: Executor, actor: Actor, ids: string[]) {
  return (await repo.byIds(db, ids, actor.scope)).map((r) => present(r, actor));
}
