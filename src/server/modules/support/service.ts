/**
 * Support records (hồ sơ hỗ trợ): every benefit a household receives, from any source, checked
 * against the programme's repeat rules inside the household's lock, audited in the same
 * transaction, corrected only by cancelling with a reason. One paid from the Fund is the fund's
 * expenditure too (fund-link.ts).
 */
import { BUILT_IN_SOURCES, FUND_SOURCE, PER_MEMBER_KINDS, SUPPORT_KIND_LABELS } from '../../../domain/support';
import type { Actor } from '../../platform/access';
import type { Db, Executor } from '../../platform/db/database';
import { errors } from '../../platform/errors';
import { getHousehold } from '../households/service';
import { cancelFundSupport, recordFundSupport } from './fund-link';
import { cancelRecord, insertSupport, present, requireManage } from './records';
import * as repo from './repo';
import type { SupportCreateReq, SupportListReq } from './schemas';

const notFound = () => errors.notFound('hỗ trợ', 'Support');

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
  requireManage(actor, await getHousehold(db, actor, householdId));
  const { fundId, ...support } = input;
  if (input.sourceCode === FUND_SOURCE) return recordFundSupport(db, actor, householdId, fundId!, support);
  return db.transaction((tx) => insertSupport(tx, actor, householdId, support));
}

/** Cancel a record entered by mistake: kept, marked, no longer counted; one paid from the Fund reverses its expenditure. */
export async function cancelSupport(db: Db, actor: Actor, id: string, reason: string) {
  const row = await repo.findInScope(db, id, actor.scope);
  if (!row) throw notFound();
  requireManage(actor, row);
  if (row.fundPostingId && !row.cancelledAt) return cancelFundSupport(db, actor, row, reason);
  return db.transaction(async (tx) =>
    cancelRecord(tx, actor, (await repo.findInScope(tx, id, actor.scope, true))!, reason),
  );
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
