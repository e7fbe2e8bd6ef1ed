import { hasRole, requireInScope, type Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import type { Db, Executor } from '../../platform/db/database';
import { errors } from '../../platform/errors';
import { presentUnit } from './presenter';
import { TWO_TIER_SINCE } from './reference-data';
import * as repo from './repo';
import type { SuccessionConfirmReq, SuccessionRemoveReq } from './schemas';

/**
 * People correct the machine-extracted 2025 succession: confirm a link (setting whether the
 * whole old unit or only part of it went into the new one), add a missing one, or remove a
 * wrong one with a reason. Administrators of the new unit's province (or national) may.
 */
const LAST_THREE_TIER_DAY = '2025-06-30';

async function resolvePair(db: Executor, actor: Actor, predecessorCode: string, successorCode: string) {
  const predecessor = await repo.findVersion(db, predecessorCode, LAST_THREE_TIER_DAY);
  if (!predecessor || predecessor.validTo !== TWO_TIER_SINCE) {
    throw errors.invalid(
      'predecessorCode',
      `Mã ${predecessorCode} không phải đơn vị đã giải thể ngày 01/7/2025.`,
      `${predecessorCode} is not a unit closed on 2025-07-01.`,
    );
  }
  const successor = await repo.findVersion(db, successorCode, null);
  if (!successor || successor.level !== predecessor.level) {
    throw errors.invalid(
      'successorCode',
      `Mã ${successorCode} không phải đơn vị cùng cấp đang có hiệu lực.`,
      `${successorCode} is not a current unit of the same level.`,
    );
  }
  if (!hasRole(actor, 'admin')) throw errors.forbidden();
  const provinceCode = successor.level === 'province' ? successor.code : successor.parentCode;
  requireInScope(actor, { provinceCode, communeCode: null });
  return {
    predecessor,
    successor,
    area: { provinceCode, communeCode: successor.level === 'commune' ? successor.code : null },
  };
}

export async function confirmSuccession(db: Db, actor: Actor, input: SuccessionConfirmReq) {
  return db.transaction(async (tx) => {
    const { predecessor, successor, area } = await resolvePair(tx, actor, input.predecessorCode, input.successorCode);
    const before = await repo.findSuccession(tx, predecessor.id, successor.id);
    await repo.upsertSuccession(tx, {
      predecessorId: predecessor.id,
      successorId: successor.id,
      kind: input.kind,
      confirmed: true,
    });
    const view = {
      predecessor: presentUnit(predecessor),
      successor: presentUnit(successor),
      kind: input.kind,
      confirmed: true,
    };
    await recordAudit(tx, actor, {
      action: before ? 'admin_unit_succession.confirm' : 'admin_unit_succession.add',
      entity: 'admin_unit_succession',
      entityId: `${predecessor.code}>${successor.code}`,
      area,
      before: before ? { kind: before.kind, confirmed: before.confirmed } : null,
      after: { kind: input.kind, confirmed: true },
    });
    return view;
  });
}

export async function removeSuccession(db: Db, actor: Actor, input: SuccessionRemoveReq) {
  await db.transaction(async (tx) => {
    const { predecessor, successor, area } = await resolvePair(tx, actor, input.predecessorCode, input.successorCode);
    const before = await repo.findSuccession(tx, predecessor.id, successor.id);
    if (!before) throw errors.notFound('liên kết kế thừa này', 'Succession link');
    await repo.deleteSuccession(tx, predecessor.id, successor.id);
    await recordAudit(tx, actor, {
      action: 'admin_unit_succession.remove',
      entity: 'admin_unit_succession',
      entityId: `${predecessor.code}>${successor.code}`,
      area,
      before: { kind: before.kind, confirmed: before.confirmed },
      after: { reason: input.reason },
    });
  });
}
