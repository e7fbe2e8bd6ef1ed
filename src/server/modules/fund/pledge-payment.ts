import { formatVnd } from '../../../domain/fund';
import type { Db, Executor } from '../../platform/db/database';
import { errors } from '../../platform/errors';
import * as pledges from './pledge-repo';
import type { FundRow } from './repo';
import type { PostingView, ReceiptCreateReq } from './schemas';

const pledgeNotFound = () =>
  errors.invalid('pledgeId', 'Không tìm thấy cam kết ủng hộ của quỹ này.', 'No such pledge of this fund.');

/**
 * A receipt that pays a pledge: given by the pledge's donor, into the pledge's campaign unless it
 * names one, linked to the pledge in the posting's transaction — where the pledge is locked and
 * what is left of it checked, so two payments never together pay more than was pledged.
 */
export async function pledgePaidBy(db: Db, fund: FundRow, input: ReceiptCreateReq) {
  const pledge = await pledges.findPledge(db, input.pledgeId!, { level: 'national' });
  if (!pledge || pledge.fundId !== fund.id) throw pledgeNotFound();
  if (input.donorId !== pledge.donorId) {
    throw errors.invalid(
      'donorId',
      'Khoản nộp cam kết phải ghi cho chính nhà hảo tâm đã cam kết.',
      'A pledge’s payment is given by the donor who pledged.',
    );
  }
  return {
    campaignId: pledge.campaignId ?? undefined,
    async link(tx: Executor, posting: PostingView) {
      const current = (await pledges.lockPledge(tx, pledge.id))!;
      if (current.cancelledAt) {
        throw errors.conflict('pledge_cancelled', 'Cam kết này đã bị hủy.', 'This pledge was cancelled.', 'pledgeId');
      }
      const left = current.amount - current.paid;
      if (posting.amount > left) {
        throw errors.conflict(
          'pledge_overpaid',
          `Số tiền vượt quá phần còn lại của cam kết (${formatVnd(left)}).`,
          `The amount is more than what is left of the pledge (${left} VND).`,
          'amount',
        );
      }
      await pledges.insertPayment(tx, pledge.id, posting.id);
    },
  };
}
