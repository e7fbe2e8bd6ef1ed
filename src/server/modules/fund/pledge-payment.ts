import type { SQLWrapper } from 'drizzle-orm';
import { formatVnd } from '../../../domain/fund';
import type { Db, Executor } from '../../platform/db/database';
import { errors } from '../../platform/errors';
import * as pledges from './pledge-repo';
import type { ReceiptCreateReq } from './schemas';

const pledgeNotFound = () =>
  errors.invalid('pledgeId', 'Không tìm thấy cam kết ủng hộ của quỹ này.', 'No such pledge of this fund.');

/** A receipt paying a pledge: checked in the posting's transaction, linked in its statement. */
export interface PledgePayment {
  campaignId: string | undefined;
  /**
   * Lock the pledge and refuse a cancelled one, or more than is left of it: two payments never
   * together pay more than was pledged.
   */
  check(tx: Executor, amount: number): Promise<void>;
  /** The link of the receipt to the pledge, unrun (written with the posting). */
  link(tx: Executor, postingId: string): SQLWrapper;
}

/** The payment of a pledge already read (the statement import reads a file's pledges at once). */
export function pledgePayment(pledge: Pick<pledges.PledgeRow, 'id' | 'campaignId'>): PledgePayment {
  return {
    campaignId: pledge.campaignId ?? undefined,
    async check(tx, amount) {
      const current = (await pledges.lockPledge(tx, pledge.id))!;
      if (current.cancelledAt) {
        throw errors.conflict('pledge_cancelled', 'Cam kết này đã bị hủy.', 'This pledge was cancelled.', 'pledgeId');
      }
      const left = current.amount - current.paid;
      if (amount > left) {
        throw errors.conflict(
          'pledge_overpaid',
          `Số tiền vượt quá phần còn lại của cam kết (${formatVnd(left)}).`,
          `The amount is more than what is left of the pledge (${left} VND).`,
          'amount',
        );
      }
    },
    link: (tx, postingId) => pledges.paymentInsert(tx, pledge.id, postingId),
  };
}

/**
 * The pledge a receipt names: given by the pledge's donor, into the pledge's campaign unless the
 * receipt names one.
 */
export async function pledgePaidBy(db: Db, fundId: string, input: ReceiptCreateReq) {
  const pledge = await pledges.findPledge(db, input.pledgeId!, { level: 'national' });
  if (!pledge || pledge.fundId !== fundId) throw pledgeNotFound();
  // The donor recorded, or the donor kept since it was merged (the pledge list names the latter).
  if (input.donorId !== pledge.donorId && input.donorId !== pledge.donorCountedId) {
    throw errors.invalid(
      'donorId',
      'Khoản nộp cam kết phải ghi cho chính nhà hảo tâm đã cam kết.',
      'A pledge’s payment is given by the donor who pledged.',
    );
  }
  return pledgePayment(pledge);
}
