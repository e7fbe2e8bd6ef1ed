/**
 * Matching a statement's lines, without I/O: an incoming transfer (ghi có) whose note carries
 * exactly one pledge's reference, and no more than what is left of it, pays that pledge; one
 * whose note carries a campaign's reference is a donation to that campaign; anything else waits
 * for an officer. Outgoing transfers (ghi nợ) are spending, recorded as expenditures, not here.
 */
import { compactNote } from '../../../domain/fund';
import type { StatementRow } from './statement-file';

export interface PayablePledge {
  id: string;
  reference: string;
  left: number;
  donorId: string;
  campaignId: string | null;
}
export interface ReferencedCampaign {
  id: string;
  reference: string;
}

export type LineOutcome =
  | { outcome: 'pledge'; pledgeId: string }
  | { outcome: 'campaign'; campaignId: string }
  | { outcome: 'unmatched' | 'debit' | 'already_imported'; reason: { vi: string; en: string } };

export type MatchedRow = StatementRow & LineOutcome;

const reason = (vi: string, en: string) => ({ vi, en });

export function matchStatement(
  rows: readonly StatementRow[],
  pledges: readonly PayablePledge[],
  campaigns: readonly ReferencedCampaign[],
  imported: ReadonlySet<string>,
): MatchedRow[] {
  // What is left of each pledge as the file's earlier lines pay it.
  const left = new Map(pledges.map((p) => [p.id, p.left]));
  return rows.map((row): MatchedRow => {
    if (imported.has(row.bankTransactionId)) {
      return {
        ...row,
        outcome: 'already_imported',
        reason: reason('Giao dịch này đã được nhập trước đó.', 'This transaction was imported before.'),
      };
    }
    if (row.credit === 0) {
      return {
        ...row,
        outcome: 'debit',
        reason: reason(
          'Tiền ra (ghi nợ): ghi chi trên sổ quỹ, không nhập từ sao kê.',
          'Outgoing (debit): post it as an expenditure.',
        ),
      };
    }
    const note = compactNote(row.content);
    const named = pledges.filter((p) => note.includes(p.reference));
    if (named.length > 1) {
      return {
        ...row,
        outcome: 'unmatched',
        reason: reason('Nội dung ghi nhiều mã cam kết.', 'The note names several pledges.'),
      };
    }
    const pledge = named[0];
    if (pledge) {
      if (row.credit > left.get(pledge.id)!) {
        return {
          ...row,
          outcome: 'unmatched',
          reason: reason(
            `Số tiền vượt phần còn lại của cam kết ${pledge.reference}.`,
            `More than what is left of pledge ${pledge.reference}.`,
          ),
        };
      }
      left.set(pledge.id, left.get(pledge.id)! - row.credit);
      return { ...row, outcome: 'pledge', pledgeId: pledge.id };
    }
    const campaign = campaigns.filter((c) => note.includes(compactNote(c.reference)));
    if (campaign.length === 1) return { ...row, outcome: 'campaign', campaignId: campaign[0]!.id };
    return {
      ...row,
      outcome: 'unmatched',
      reason:
        campaign.length > 1
          ? reason('Nội dung ghi nhiều mã đợt vận động.', 'The note names several campaigns.')
          : reason('Nội dung không ghi mã cam kết hay đợt vận động nào.', 'The note names no pledge nor campaign.'),
    };
  });
}
