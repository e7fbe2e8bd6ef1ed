import { foldAccents } from './text';

/**
 * The Fund for the Poor (Quỹ "Vì người nghèo"): codes, labels and pure rules shared by the server
 * and the browser.
 */
export const DONOR_KINDS = ['individual', 'organization', 'business', 'anonymous'] as const;
export type DonorKind = (typeof DONOR_KINDS)[number];

export const RECEIPT_METHODS = ['cash', 'bank', 'in_kind'] as const;
export type ReceiptMethod = (typeof RECEIPT_METHODS)[number];

export const PURPOSES = [
  'house_build',
  'house_repair',
  'production',
  'education',
  'medical',
  'relief',
  'tet_gift',
  'other',
] as const;
export type Purpose = (typeof PURPOSES)[number];

export const POSTING_KINDS = ['receipt', 'allocation', 'expenditure', 'reversal'] as const;
export type PostingKind = (typeof POSTING_KINDS)[number];

/** Accounts of a fund's double entry; `cash` is the money the fund holds. */
export const ACCOUNTS = ['cash', 'donations', 'spending', 'allocations_in', 'allocations_out'] as const;
export type Account = (typeof ACCOUNTS)[number];

type Labels<K extends string> = Record<K, { vi: string; en: string }>;

export const DONOR_KIND_LABELS: Labels<DonorKind> = {
  individual: { vi: 'Cá nhân', en: 'Individual' },
  organization: { vi: 'Tổ chức', en: 'Organisation' },
  business: { vi: 'Doanh nghiệp', en: 'Business' },
  anonymous: { vi: 'Ẩn danh', en: 'Anonymous' },
};

export const METHOD_LABELS: Labels<ReceiptMethod> = {
  cash: { vi: 'Tiền mặt', en: 'Cash' },
  bank: { vi: 'Chuyển khoản', en: 'Bank transfer' },
  in_kind: { vi: 'Hiện vật', en: 'In kind' },
};

export const PURPOSE_LABELS: Labels<Purpose> = {
  house_build: { vi: 'Xây nhà', en: 'House building' },
  house_repair: { vi: 'Sửa chữa nhà', en: 'House repair' },
  production: { vi: 'Hỗ trợ sản xuất, con giống', en: 'Production inputs, livestock' },
  education: { vi: 'Học tập, học bổng', en: 'Schooling, scholarships' },
  medical: { vi: 'Khám chữa bệnh', en: 'Medical' },
  relief: { vi: 'Cứu trợ khẩn cấp', en: 'Emergency relief' },
  tet_gift: { vi: 'Quà Tết', en: 'Tết gifts' },
  other: { vi: 'Khác', en: 'Other' },
};

export const POSTING_KIND_LABELS: Labels<PostingKind> = {
  receipt: { vi: 'Thu', en: 'Receipt' },
  allocation: { vi: 'Điều chuyển', en: 'Allocation' },
  expenditure: { vi: 'Chi', en: 'Expenditure' },
  reversal: { vi: 'Hủy bút toán', en: 'Reversal' },
};

/** What the public sees for a donor who did not agree to be named. */
export const UNNAMED_DONOR = 'Nhà hảo tâm';

/** The Peak Month for the Poor: 17 October (National Day for the Poor) – 18 November, every year. */
export function peakMonthOf(year: number) {
  return {
    year,
    startDate: `${year}-10-17`,
    endDate: `${year}-11-18`,
    name: `Tháng cao điểm "Vì người nghèo" năm ${year}`,
  };
}

/** The Peak Month a date falls in, if it falls in one. */
export function peakMonthContaining(date: string): number | null {
  const year = Number(date.slice(0, 4));
  const { startDate, endDate } = peakMonthOf(year);
  return date >= startDate && date <= endDate ? year : null;
}

/** A receipt's number: its year and its place in the fund's year, "2026-000123". */
export function receiptNumber(year: number, seq: number): string {
  return `${year}-${String(seq).padStart(6, '0')}`;
}

/** "1.500.000 đ" */
export function formatVnd(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  return `${sign}${String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/gu, '.')} đ`;
}

/** JSON with object keys sorted at every level: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** A short reference for transfer notes: the initials of a campaign's name and its start, "TVNN2510". */
export function transferReference(name: string, startDate: string): string {
  const initials = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[đĐ]/gu, 'D')
    .split(/[^A-Za-z0-9]+/u)
    .filter((w) => w && !/^\d+$/u.test(w))
    .map((w) => w[0]!.toUpperCase())
    .join('')
    .slice(0, 6);
  return `${initials || 'DVD'}${startDate.slice(2, 4)}${startDate.slice(5, 7)}`;
}

/** A pledge (cam kết ủng hộ) is open until paid in full by its receipts, or cancelled. */
export const PLEDGE_STATUSES = ['open', 'partly_paid', 'paid', 'cancelled'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];

export const PLEDGE_STATUS_LABELS: Labels<PledgeStatus> = {
  open: { vi: 'Chưa nộp', en: 'Open' },
  partly_paid: { vi: 'Đã nộp một phần', en: 'Partly paid' },
  paid: { vi: 'Đã nộp đủ', en: 'Paid' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

export function pledgeStatus(pledge: { amount: number; paid: number; cancelled: boolean }): PledgeStatus {
  if (pledge.paid >= pledge.amount) return 'paid';
  if (pledge.cancelled) return 'cancelled';
  return pledge.paid > 0 ? 'partly_paid' : 'open';
}

/**
 * A line of a bank statement (sao kê) once imported: waiting for the manual matching screen,
 * matched to a receipt, or set aside with a reason (not a donation: a refund, a bank's interest…).
 */
export const STATEMENT_LINE_STATUSES = ['unmatched', 'matched', 'set_aside'] as const;
export type StatementLineStatus = (typeof STATEMENT_LINE_STATUSES)[number];

/**
 * A transfer note as banks pass it on: accents, case, spaces and punctuation vary between banks,
 * so references are looked for in the note reduced to capital letters and digits.
 */
export function compactNote(note: string): string {
  return foldAccents(note)
    .toUpperCase()
    .replace(/[^A-Z0-9]/gu, '');
}
