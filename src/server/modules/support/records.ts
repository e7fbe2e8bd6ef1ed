/**
 * The writes of a support record inside a caller's transaction — the one place a record is
 * checked, inserted, cancelled and audited, whether it is entered alone, as a fund expenditure
 * or in a distribution.
 */
import { checkRepeat, DEFAULT_REPEAT_RULES, type SupportKind } from '../../../domain/support';
import type { Actor } from '../../platform/access';
import { requireInScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import type { Executor } from '../../platform/db/database';
import { AppError, errors } from '../../platform/errors';
import { getHousehold, lockHousehold } from '../households/service';
import { supportPolicy } from './policy';
import * as repo from './repo';
import type { SupportCreateReq, SupportView } from './schemas';

const ENTITY = 'support';

type MemberNames = ReadonlyMap<string, string>;

export function present(row: repo.SupportRow, actor: Actor, names: MemberNames = new Map()): SupportView {
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
    fundPostingId: row.fundPostingId,
    cancelled: row.cancelledAt !== null,
    cancelReason: row.cancelReason,
    createdAt: row.createdAt.toISOString(),
  };
}

export function requireManage(actor: Actor, area: { provinceCode: string; communeCode: string }) {
  requireInScope(actor, area);
  if (!supportPolicy.manage(actor, area)) throw errors.forbidden();
}

/** The refusal of a support the repeat rule forbids, naming the earlier one. */
export function repeated(reason: { vi: string; en: string }) {
  return new AppError(409, 'support_repeated', reason.vi, reason.en, [
    { field: 'kind', message: reason.vi, messageEn: reason.en },
  ]);
}

export type SupportInput = Omit<SupportCreateReq, 'fundId'>;

/**
 * Record a support to a household inside `tx`: lock the household (the repeat check and the
 * insert are one step against a concurrent entry), check the member and the repeat rule, insert,
 * audit. `fundPostingId` links a support paid from the Fund to its expenditure.
 */
export async function insertSupport(
  tx: Executor,
  actor: Actor,
  householdId: string,
  input: SupportInput,
  fundPostingId: string | null = null,
) {
  await lockHousehold(tx, actor, householdId);
  const household = await getHousehold(tx, actor, householdId);
  const current = household.members.filter((m) => !m.leftAt);
  if (input.memberId && !current.some((m) => m.id === input.memberId))
    throw errors.invalid(
      'memberId',
      'Người nhận không phải thành viên hiện tại của hộ.',
      'Not a current member of the household.',
    );
  const given = (await repo.inForceOf(tx, householdId)).map((r) => ({ ...r, kind: r.kind as SupportKind }));
  const check = checkRepeat(DEFAULT_REPEAT_RULES, given, { ...input, householdId });
  if (!check.allowed) throw repeated(check.reason);
  const row = await repo.insert(tx, {
    ...input,
    householdId,
    provinceCode: household.provinceCode,
    communeCode: household.communeCode,
    fundPostingId,
    createdBy: actor.id,
  });
  const view = present(row, actor, new Map(current.map((m) => [m.id, m.fullName])));
  await recordAudit(tx, actor, { action: 'support.record', entity: ENTITY, entityId: row.id, area: row, after: view });
  return view;
}

/** Mark a record cancelled with its reason inside `tx`, audited; it no longer counts anywhere. */
export async function cancelRecord(tx: Executor, actor: Actor, row: repo.SupportRow, reason: string) {
  if (row.cancelledAt)
    throw errors.conflict('support_already_cancelled', 'Hỗ trợ này đã được hủy.', 'This support is already cancelled.');
  const cancelled = await repo.cancel(tx, row.id, reason);
  await recordAudit(tx, actor, {
    action: 'support.cancel',
    entity: ENTITY,
    entityId: row.id,
    area: row,
    before: present(row, actor),
    after: present(cancelled, actor),
  });
  return present(cancelled, actor);
}
