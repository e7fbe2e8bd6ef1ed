/**
 * Pledges (cam kết ủng hộ): a donor promises an amount to the fund, or one of its campaigns, by
 * a due date. The pledge's reference goes into the transfer note of its own VietQR code, so the
 * bank statement names it; receipts linked to it (pledge-payment.ts) make what was paid.
 */
import { randomInt } from 'node:crypto';
import { pledgeStatus } from '../../../domain/fund';
import { todayInVietnam } from '../../../domain/calendar';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import { errors, whenUniqueViolated } from '../../platform/errors';
import * as pledges from './pledge-repo';
import type { PledgeCreateReq, PledgeListReq, PledgeView } from './pledge-schemas';
import { fundPolicy } from './policy';
import { fundArea } from './policy';
import * as repo from './repo';
import { donorRow, requireFund, requirePostable } from './service';
import { donationQr } from './vietqr';

const pledgeNotFound = () => errors.notFound('cam kết ủng hộ', 'Pledge');

/** Letters and digits that cannot be misread for one another (no O/0, I/1). */
const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** "CK" and six letters or digits: short enough to type into a transfer note, distinct from campaign references. */
function pledgeReference(): string {
  let code = 'CK';
  for (let i = 0; i < 6; i++) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return code;
}

export function presentPledge(row: pledges.PledgeRow, actor: Actor): PledgeView {
  const status = pledgeStatus({ amount: row.amount, paid: row.paid, cancelled: row.cancelledAt !== null });
  return {
    id: row.id,
    fundId: row.fundId,
    campaignId: row.campaignId,
    campaignName: row.campaignName,
    donor: { id: row.donorCountedId, kind: row.donorKind as PledgeView['donor']['kind'], name: row.donorName },
    amount: row.amount,
    paid: row.paid,
    dueDate: row.dueDate,
    reference: row.reference,
    description: row.description,
    status,
    overdue: (status === 'open' || status === 'partly_paid') && row.dueDate < todayInVietnam(),
    cancelReason: row.cancelReason,
    canPost: fundPolicy.post(actor, fundArea(row)),
  };
}

async function requirePledge(db: Db, actor: Actor, id: string) {
  const row = await pledges.findPledge(db, id, actor.scope);
  if (!row) throw pledgeNotFound();
  return row;
}

/** A new pledge; `reference` is the generated one but for the demo's, fixed so its sample statement names them. */
export async function createPledge(
  db: Db,
  actor: Actor,
  fundId: string,
  input: PledgeCreateReq,
  reference = pledgeReference(),
) {
  const fund = await requirePostable(db, actor, fundId);
  const known = input.donorId ? await repo.findDonor(db, input.donorId, actor.scope) : undefined;
  if (input.donorId && !known) throw errors.invalid('donorId', 'Không tìm thấy nhà hảo tâm.', 'Donor not found.');
  if (input.campaignId) {
    const campaign = await repo.findCampaign(db, input.campaignId);
    if (campaign?.fundId !== fund.id) {
      throw errors.invalid('campaignId', 'Không tìm thấy đợt vận động của quỹ này.', 'No such campaign of this fund.');
    }
  }
  const id = await db
    .transaction(async (tx) => {
      // A donor entered with the pledge is recorded in the pledge's audit event.
      const donor = known ?? (await repo.insertDonor(tx, donorRow(fund, input.donor!)));
      const pledgeId = await pledges.insertPledge(tx, {
        fundId: fund.id,
        provinceCode: fund.provinceCode,
        communeCode: fund.communeCode,
        campaignId: input.campaignId ?? null,
        donorId: donor.id,
        amount: input.amount,
        dueDate: input.dueDate,
        reference,
        description: input.description ?? null,
      });
      const view = presentPledge((await pledges.findPledge(tx, pledgeId, actor.scope))!, actor);
      await recordAudit(tx, actor, {
        action: 'fund.pledge.create',
        entity: 'fund_pledge',
        entityId: pledgeId,
        area: fundArea(fund),
        after: view,
      });
      return pledgeId;
    })
    .catch(
      whenUniqueViolated('fund_pledges_reference', () =>
        errors.conflict('pledge_reference_taken', 'Trùng mã tham chiếu, hãy thử lại.', 'Reference taken, try again.'),
      ),
    );
  return getPledge(db, actor, id);
}

export async function listPledges(db: Db, actor: Actor, fundId: string, query: PledgeListReq) {
  const fund = await requireFund(db, actor, fundId);
  const { items, total } = await pledges.listPledges(db, fund.id, query);
  return { items: items.map((r) => presentPledge(r, actor)), total };
}

export async function getPledge(db: Db, actor: Actor, id: string) {
  return presentPledge(await requirePledge(db, actor, id), actor);
}

/** Cancel what is left of a pledge (the donor withdrew it); what was paid stays paid. */
export async function cancelPledge(db: Db, actor: Actor, id: string, reason: string) {
  const row = await requirePledge(db, actor, id);
  await requirePostable(db, actor, row.fundId);
  await db.transaction(async (tx) => {
    const current = (await pledges.lockPledge(tx, id))!;
    const before = presentPledge(current, actor);
    if (before.status === 'paid' || before.status === 'cancelled') {
      throw errors.conflict(
        'pledge_closed',
        before.status === 'paid' ? 'Cam kết đã nộp đủ, không thể hủy.' : 'Cam kết đã bị hủy trước đó.',
        before.status === 'paid' ? 'The pledge is paid in full.' : 'The pledge was already cancelled.',
      );
    }
    await pledges.cancelPledge(tx, id, reason);
    await recordAudit(tx, actor, {
      action: 'fund.pledge.cancel',
      entity: 'fund_pledge',
      entityId: id,
      area: fundArea(current),
      before,
      after: presentPledge((await pledges.findPledge(tx, id, actor.scope))!, actor),
    });
  });
  return getPledge(db, actor, id);
}

/** The pledge's own VietQR code: its reference in the note, what is left to pay as the amount. */
export async function pledgeQr(db: Db, actor: Actor, id: string) {
  const row = await requirePledge(db, actor, id);
  const fund = await requireFund(db, actor, row.fundId);
  const left = row.amount - row.paid;
  return donationQr(fund, row, left > 0 ? left : undefined);
}
