import {
  receiptNumber,
  type DonorKind,
  type PostingKind,
  type Purpose,
  type ReceiptMethod,
} from '../../../domain/fund';
import type { Actor } from '../../platform/access';
import type { Executor } from '../../platform/db/database';
import { unitNames } from '../admin-units/service';
import { fundArea, fundPolicy } from './policy';
import type { CampaignRow, DonorRow, FundRow, PostingWithReversal } from './repo';
import type { CampaignView, FundView, PostingView } from './schemas';

export async function presentFunds(db: Executor, rows: readonly FundRow[], actor: Actor): Promise<FundView[]> {
  const names = await unitNames(
    db,
    rows.map((r) => r.communeCode ?? r.provinceCode),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    provinceCode: r.provinceCode,
    communeCode: r.communeCode,
    unitName: names.get(r.communeCode ?? r.provinceCode) ?? null,
    organisationId: r.organisationId,
    bankBin: r.bankBin,
    bankName: r.bankName,
    accountNumber: r.accountNumber,
    accountHolder: r.accountHolder,
    balance: r.balance,
    postings: r.lastSeq,
    canPost: fundPolicy.post(actor, fundArea(r)),
  }));
}

export function presentPosting(row: PostingWithReversal): PostingView {
  return {
    id: row.id,
    fundId: row.fundId,
    seq: row.seq,
    kind: row.kind as PostingKind,
    date: row.date,
    amount: row.amount,
    receiptNumber: row.receiptYear && row.receiptSeq ? receiptNumber(row.receiptYear, row.receiptSeq) : null,
    method: row.method as ReceiptMethod | null,
    inKindItems: (row.inKindItems as PostingView['inKindItems']) ?? null,
    campaignId: row.campaignId,
    donor: row.donorKind ? { id: row.donorId, kind: row.donorKind, name: row.donorName } : null,
    purpose: row.purpose as Purpose | null,
    householdId: row.householdId,
    beneficiaryCommuneCode: row.beneficiaryCommuneCode,
    toFundId: row.toFundId,
    decisionNumber: row.decisionNumber,
    description: row.description,
    reversalOf: row.reversalOf,
    reversedBy: row.reversedBy,
    reason: row.reason,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    hash: row.hash,
  };
}

export function presentCampaign(
  row: CampaignRow & { raised: number; spent: number; balance: number; receipts: number },
): CampaignView {
  return {
    id: row.id,
    fundId: row.fundId,
    kind: row.kind as CampaignView['kind'],
    year: row.year,
    name: row.name,
    startDate: row.startDate,
    endDate: row.endDate,
    targetAmount: row.targetAmount,
    reference: row.reference,
    raised: row.raised,
    spent: row.spent,
    balance: row.balance,
    receipts: row.receipts,
  };
}

export function presentDonor(row: DonorRow) {
  return {
    id: row.id,
    kind: row.kind as DonorKind,
    name: row.name,
    phone: row.phone,
    email: row.email,
    address: row.address,
    publishName: row.publishName,
    mergedInto: row.mergedInto,
    version: row.version,
  };
}
