import type { Localized } from '../../../domain/poverty';
import type { SupportKind, SupportYears } from '../../../domain/support';
import { api, type Page, type Query } from '../../api/client';
import { downloadFile } from '../households/api';

/** Typed calls of support records (/api/…/supports). Shapes follow src/server/modules/support/schemas.ts. */
export interface SupportInput {
  kind: SupportKind;
  sourceCode: string;
  memberId: string | null;
  value: number;
  date: string;
  decisionNumber: string | null;
  handoverProof: string | null;
  note: string | null;
  loanTermMonths: number | null;
  loanOutstanding: number | null;
  /** The fund paying, when the source is the Fund for the Poor. */
  fundId?: string | null;
}

export interface Support extends SupportInput {
  id: string;
  householdId: string;
  memberName: string | null;
  cancelled: boolean;
  cancelReason: string | null;
  createdAt: string;
}

export interface SupportSource {
  code: string;
  group: string;
  name: Localized;
}

export const supportApi = {
  sources: () => api.get<SupportSource[]>('/api/support/sources'),
  ofHousehold: (householdId: string) =>
    api.get<Page<Support> & { inForce: number; totalValue: number }>(`/api/households/${householdId}/supports`, {
      sort: 'date',
      order: 'desc',
      limit: 500,
    }),
  years: (householdId: string) => api.get<SupportYears>(`/api/households/${householdId}/support-years`),
  record: (householdId: string, input: SupportInput) =>
    api.post<Support>(`/api/households/${householdId}/supports`, input),
  cancel: (id: string, reason: string) => api.post<Support>(`/api/supports/${id}/cancellation`, { reason }),
};

export const supportQueries = {
  sources: () => ({ queryKey: ['support', 'sources'] as const, queryFn: supportApi.sources, staleTime: Infinity }),
  ofHousehold: (householdId: string) => ({
    queryKey: ['support', 'household', householdId] as const,
    queryFn: () => supportApi.ofHousehold(householdId),
  }),
  // Under the household's key: whatever refreshes its supports refreshes its years.
  years: (householdId: string) => ({
    queryKey: ['support', 'household', householdId, 'years'] as const,
    queryFn: () => supportApi.years(householdId),
  }),
};

export type HouseStage = 'approved' | 'under_construction' | 'completed' | 'handed_over';

export interface HouseApproval {
  kind: 'build' | 'repair';
  decisionNumber: string;
  approvedOn: string;
  plannedCompletion: string;
  builder: string | null;
  funding: { sourceCode: string; amount: number }[];
}

export interface House extends HouseApproval {
  id: string;
  householdId: string;
  householdCode: string;
  headName: string;
  communeCode: string;
  stage: HouseStage;
  dates: Partial<Record<HouseStage, string>> & { approved: string };
  totalCost: number;
  behindSchedule: Localized | null;
  version: number;
}

export const housesApi = {
  ofHousehold: (householdId: string) => api.get<Page<House>>('/api/houses', { householdId, limit: 50 }),
  approve: (householdId: string, input: HouseApproval) =>
    api.post<House>(`/api/households/${householdId}/houses`, input),
  advance: (id: string, input: { stage: Exclude<HouseStage, 'approved'>; date: string; version: number }) =>
    api.post<House>(`/api/houses/${id}/stage`, input),
};

/** A distribution (đợt phát) as listed: households and value of its supports still in force. */
export interface DistributionSummary {
  id: string;
  communeCode: string;
  communeName: string;
  kind: SupportKind;
  sourceCode: string;
  date: string;
  decisionNumber: string | null;
  fundId: string | null;
  households: number;
  totalValue: number;
  cancelled: number;
  /** "Quà Tết 2026 — 300 hộ, 150.000.000 đ" (in Vietnamese; the page names it in its language by domain distributionTitle). */
  title: string;
}

export interface DistributionDetail extends DistributionSummary {
  fundName: string | null;
  campaignName: string | null;
  recipients: {
    supportId: string;
    householdId: string;
    householdCode: string;
    headName: string;
    memberName: string | null;
    value: number;
    note: string | null;
    cancelled: boolean;
  }[];
}

export const distributionsApi = {
  list: (query: Query) => api.get<Page<DistributionSummary>>('/api/support-distributions', query),
  get: (id: string) => api.get<DistributionDetail>(`/api/support-distributions/${id}`),
  exportRecipients: (id: string) =>
    downloadFile(`/api/support-distributions/${id}/export`, undefined, 'danh-sach-nhan.xlsx'),
};
