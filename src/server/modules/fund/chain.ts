import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../domain/fund';

/** The stored fields of a posting that its hash covers: all of them but the hashes. */
const CHAIN_FIELDS = [
  'id',
  'fundId',
  'seq',
  'provinceCode',
  'communeCode',
  'kind',
  'date',
  'amount',
  'receiptYear',
  'receiptSeq',
  'method',
  'inKindItems',
  'campaignId',
  'donorId',
  'donorKind',
  'donorName',
  'purpose',
  'householdId',
  'beneficiaryCommuneCode',
  'toFundId',
  'decisionNumber',
  'description',
  'reversalOf',
  'reason',
  'createdBy',
  'createdByName',
] as const;

export type ChainContent = { [K in (typeof CHAIN_FIELDS)[number]]: unknown } & {
  createdAt: Date;
  lines: readonly ChainLine[];
};

export interface ChainLine {
  line: number;
  fundId: string;
  account: string;
  campaignId: string | null;
  amount: number;
}

/**
 * sha256 over the previous posting's hash and this posting's canonical content: changing any
 * stored field or line of a posting, or removing or reordering one, breaks every link after it.
 */
export function chainHash(prevHash: string, content: ChainContent): string {
  const fields = Object.fromEntries(CHAIN_FIELDS.map((f) => [f, content[f] ?? null]));
  const text = canonicalJson({
    ...fields,
    createdAt: content.createdAt.toISOString(),
    lines: [...content.lines]
      .sort((a, b) => a.line - b.line)
      .map((l) => [l.line, l.fundId, l.account, l.campaignId, l.amount]),
  });
  return createHash('sha256').update(`${prevHash}\n${text}`).digest('hex');
}
