import type {
  DonorKind,
  PledgeStatus,
  PostingKind,
  Purpose,
  ReceiptMethod,
  StatementLineStatus,
} from '../../../domain/fund';
import { api, type Page } from '../../api/client';

export interface Fund {
  id: string;
  name: string;
  provinceCode: string;
  communeCode: string | null;
  unitName: string | null;
  organisationId: string | null;
  bankBin: string | null;
  bankName: string | null;
  accountNumber: string | null;
  accountHolder: string | null;
  balance: number;
  postings: number;
  canPost: boolean;
}

export interface Balance {
  fundId: string;
  balance: number;
  receipts: number;
  expenditures: number;
  allocationsIn: number;
  allocationsOut: number;
}

export interface Posting {
  id: string;
  fundId: string;
  seq: number;
  kind: PostingKind;
  date: string;
  amount: number;
  receiptNumber: string | null;
  method: ReceiptMethod | null;
  inKindItems: InKindItem[] | null;
  campaignId: string | null;
  donor: { id: string | null; kind: DonorKind; name: string | null } | null;
  purpose: Purpose | null;
  householdId: string | null;
  toFundId: string | null;
  decisionNumber: string | null;
  description: string | null;
  reversalOf: string | null;
  reversedBy: string | null;
  reason: string | null;
  createdByName: string | null;
  createdAt: string;
  hash: string;
  balance?: number;
}

export interface Campaign {
  id: string;
  fundId: string;
  kind: 'peak_month' | 'other';
  year: number | null;
  name: string;
  startDate: string;
  endDate: string;
  targetAmount: number | null;
  reference: string;
  raised: number;
  spent: number;
  balance: number;
  receipts: number;
}

export interface DonationQr {
  payload: string;
  svg: string;
  note: string;
  bankBin: string;
  accountNumber: string;
  accountHolder: string | null;
  bankName: string | null;
}

export interface Verification {
  ok: boolean;
  checkedAt: string;
  funds: {
    fundId: string;
    name: string;
    postings: number;
    ok: boolean;
    firstBroken: { postingId: string | null; seq: number | null; problem: string } | null;
  }[];
}

/** One thing given in kind, at the value agreed with the donor (giá trị quy đổi), in đồng. */
export interface InKindItem {
  name: string;
  quantity: number;
  unit: string;
  value: number;
}

export interface ReceiptInput {
  amount: number;
  date: string;
  method: ReceiptMethod;
  donor: { kind: DonorKind; name?: string | null; phone?: string | null; publishName?: boolean };
  campaignId?: string | null;
  /** For a receipt in kind: what was given; their values add up to `amount`. */
  items?: InKindItem[];
  description?: string | null;
}

export interface ExpenditureInput {
  amount: number;
  date: string;
  purpose: Purpose;
  householdId?: string | null;
  decisionNumber: string;
  campaignId?: string | null;
  description?: string | null;
}

export interface AllocationInput {
  toFundId: string;
  amount: number;
  date: string;
  decisionNumber: string;
  description?: string | null;
}

export const fundApi = {
  list: (query: { q?: string; limit?: number; offset?: number }) => api.get<Page<Fund>>('/api/funds', query),
  create: (body: {
    unitCode: string;
    name: string;
    bankBin?: string | null;
    bankName?: string | null;
    accountNumber?: string | null;
    accountHolder?: string | null;
  }) => api.post<Fund>('/api/funds', body),
  one: (id: string) => api.get<Fund>(`/api/funds/${id}`),
  balance: (id: string) => api.get<Balance>(`/api/funds/${id}/balance`),
  postings: (id: string, query: { q?: string; kind?: PostingKind; limit: number; offset: number }) =>
    api.get<Page<Posting>>(`/api/funds/${id}/postings`, query),
  campaigns: (id: string) => api.get<Page<Campaign>>(`/api/funds/${id}/campaigns`),
  createCampaign: (
    id: string,
    body: { name: string; startDate: string; endDate: string; targetAmount?: number | null },
  ) => api.post<Campaign>(`/api/funds/${id}/campaigns`, body),
  qr: (id: string, campaignId?: string) => api.get<DonationQr>(`/api/funds/${id}/vietqr`, { campaignId }),
  receipt: (id: string, body: ReceiptInput) => api.post<Posting>(`/api/funds/${id}/receipts`, body),
  expenditure: (id: string, body: ExpenditureInput) => api.post<Posting>(`/api/funds/${id}/expenditures`, body),
  allocation: (id: string, body: AllocationInput) => api.post<Posting>(`/api/funds/${id}/allocations`, body),
  reverse: (postingId: string, body: { reason: string }) =>
    api.post<Posting>(`/api/postings/${postingId}/reversal`, body),
  verification: () => api.get<Verification>('/api/ledger/verification'),
};

export const FUND_PATH = '/fund';
export const LEDGER_PATH = '/admin/ledger';
export const fundPath = (id: string) => `${FUND_PATH}/${id}`;
/** The receipt (biên lai) of a posting as a PDF, opened by the browser. */
export const receiptPdfUrl = (postingId: string) => `/api/postings/${postingId}/receipt.pdf`;

export interface PublicFund {
  id: string;
  name: string;
  unitName: string | null;
  bankName: string | null;
  accountNumber: string | null;
  accountHolder: string | null;
  balance: number;
  receiptsTotal: number;
  spentTotal: number;
  allocationsIn: number;
  allocationsOut: number;
  householdsSupported: number;
  campaigns: Campaign[];
  receipts: { date: string; amount: number; campaignId: string | null; donor: string }[];
  spendingByPurpose: { purpose: Purpose; amount: number; count: number }[];
  spendingByCommune: { communeCode: string | null; name: string | null; amount: number; count: number }[];
  qr: DonationQr | null;
}

export const publicFundApi = {
  one: (id: string) => api.get<PublicFund>(`/api/public/funds/${id}`),
};

/** The public disclosure page of a fund (no login). */
export const publicFundPath = (id: string) => `/cong-khai/quy/${id}`;

/** The fund's report for a period, as the browser downloads it. */
export const reportUrl = (fundId: string, from: string, to: string, format: 'pdf' | 'xlsx') =>
  `/api/funds/${fundId}/report?from=${from}&to=${to}&format=${format}`;

export interface Pledge {
  id: string;
  fundId: string;
  campaignId: string | null;
  campaignName: string | null;
  donor: { id: string; kind: DonorKind; name: string | null };
  amount: number;
  paid: number;
  dueDate: string;
  reference: string;
  description: string | null;
  status: PledgeStatus;
  overdue: boolean;
  cancelReason: string | null;
  canPost: boolean;
}

export interface PledgeInput {
  donor: { kind: DonorKind; name?: string | null; phone?: string | null; publishName?: boolean };
  amount: number;
  dueDate: string;
  campaignId?: string | null;
  description?: string | null;
}

export type LineOutcome = 'pledge' | 'campaign' | 'unmatched' | 'debit' | 'already_imported';

export interface StatementImport {
  dryRun: boolean;
  lines: {
    row: number;
    bankTransactionId: string;
    date: string;
    credit: number;
    debit: number;
    content: string;
    outcome: LineOutcome;
    pledgeReference: string | null;
    campaignName: string | null;
    reason: string | null;
    reasonEn: string | null;
    receiptNumber: string | null;
  }[];
  totals: { matched: number; matchedAmount: number; unmatched: number; ignored: number; alreadyImported: number };
}

/** How far an import is: transfers recorded of those matched. */
export interface ImportProgress {
  done: number;
  total: number;
}

export interface StatementLine {
  id: string;
  bankTransactionId: string;
  date: string;
  amount: number;
  content: string;
  status: StatementLineStatus;
  matchedBy: 'auto' | 'manual' | null;
  pledgeReference: string | null;
  postingId: string | null;
  receiptNumber: string | null;
  reason: string | null;
  fileName: string | null;
}

export type StatementMatch =
  | { to: 'pledge'; pledgeId: string }
  | { to: 'campaign'; campaignId: string | null; donor?: PledgeInput['donor'] }
  | { to: 'receipt'; postingId: string };

export interface Donor {
  id: string;
  kind: DonorKind;
  name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  publishName: boolean;
  /** Set on a duplicate merged into the donor kept. */
  mergedInto: string | null;
  version: number;
}

export interface FundDonor extends Donor {
  receipts: number;
  given: number;
  lastDate: string | null;
  /** The duplicates merged into this donor. */
  merged: { id: string; name: string | null; version: number }[];
}

export interface DonorUpdate {
  version: number;
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  publishName: boolean;
}

export const donorApi = {
  list: (
    fundId: string,
    query: {
      q?: string;
      kind?: DonorKind;
      sort?: 'name' | 'given';
      order?: 'asc' | 'desc';
      limit: number;
      offset: number;
    },
  ) => api.get<Page<FundDonor>>(`/api/funds/${fundId}/donors`, query),
  update: (id: string, body: DonorUpdate) => api.put<Donor>(`/api/donors/${id}`, body),
  duplicates: (fundId: string) =>
    api.get<{ groups: { key: string; donors: FundDonor[] }[] }>(`/api/funds/${fundId}/donors/duplicates`),
  merge: (id: string, body: { intoId: string; version: number; reason?: string | null }) =>
    api.post<Donor>(`/api/donors/${id}/merge`, body),
  unmerge: (id: string, body: { version: number; reason: string }) =>
    api.post<Donor>(`/api/donors/${id}/unmerge`, body),
};

export const pledgeApi = {
  list: (fundId: string, query: { q?: string; status?: PledgeStatus; limit: number; offset: number }) =>
    api.get<Page<Pledge>>(`/api/funds/${fundId}/pledges`, query),
  create: (fundId: string, body: PledgeInput) => api.post<Pledge>(`/api/funds/${fundId}/pledges`, body),
  cancel: (id: string, reason: string) => api.post<Pledge>(`/api/pledges/${id}/cancellation`, { reason }),
  qr: (id: string) => api.get<DonationQr>(`/api/pledges/${id}/vietqr`),
};

export const statementApi = {
  /**
   * Preview (dryRun) or import a bank statement file. Sent as bytes: browsers type a .csv as
   * text/csv or application/vnd.ms-excel, and the server tells CSV from Excel by the content.
   */
  import: (fundId: string, file: File, dryRun: boolean, onProgress?: (progress: ImportProgress) => void) =>
    api.upload<StatementImport, ImportProgress>(
      `/api/funds/${fundId}/statement-imports`,
      { dryRun, fileName: file.name },
      new Blob([file], { type: 'application/octet-stream' }),
      onProgress,
    ),
  lines: (fundId: string, query: { q?: string; status?: StatementLineStatus; limit: number; offset: number }) =>
    api.get<Page<StatementLine>>(`/api/funds/${fundId}/statement-lines`, query),
  match: (id: string, body: StatementMatch) => api.post<StatementLine>(`/api/statement-lines/${id}/match`, body),
  setAside: (id: string, reason: string) => api.post<StatementLine>(`/api/statement-lines/${id}/set-aside`, { reason }),
};
