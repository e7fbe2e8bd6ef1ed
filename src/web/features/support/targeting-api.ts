import type { Localized } from '../../../domain/poverty';
import type { PriorityFactor, SupportKind } from '../../../domain/support';
import { api, ApiError, csrfHeader, type Page, type Query } from '../../api/client';
import { downloadFile } from '../households/api';

/** Typed calls of distributions and targeting views. Shapes follow src/server/modules/support/{schemas,targeting-schemas}.ts. */
export interface DistributionHeader {
  communeCode: string;
  kind: SupportKind;
  sourceCode: string;
  date: string;
  value: number;
  decisionNumber: string | null;
  /** The paying fund, when the source is the Fund for the Poor. */
  fundId: string | null;
}

export interface PreviewRow {
  row: number;
  householdCode: string;
  householdId: string | null;
  headName: string | null;
  memberName: string | null;
  value: number | null;
  note: string | null;
  problems: { column: string; message: string; messageEn: string }[];
}

export interface Preview {
  rows: PreviewRow[];
  accepted: number;
  refused: number;
  totalValue: number;
  /** The paying fund's balance, when the source is the Fund for the Poor. */
  fundBalance: number | null;
}

export interface ListedHousehold {
  householdId: string;
  code: string;
  headName: string;
  communeCode: string;
  category: 'poor' | 'near_poor';
  deprivationCount: number;
  deprivations: string[];
}

export interface CommuneCoverage {
  communeCode: string;
  name: string;
  assessed: number;
  poor: number;
  nearPoor: number;
  povertyRate: number;
  supportedHouseholds: number;
  supportValue: number;
  valueShare: number;
  reached: number;
  reachedShare: number;
}

export interface Prioritised {
  householdId: string;
  code: string;
  headName: string;
  category: 'poor' | 'near_poor';
  rank: number;
  score: number;
  parts: { factor: PriorityFactor; count: number; points: number; label: Localized }[];
  withinBudget: boolean | null;
}

export type TargetingView = 'left-behind' | 'unaddressed' | 'coverage' | 'priority';
type Rows = { householdCode: string; value: number | null; member: string | null; note: string | null }[];

async function send<T>(path: string, init: { query?: Query; body: BodyInit; headers: Record<string, string> }) {
  const response = await fetch(
    `${path}${
      init.query
        ? `?${new URLSearchParams(
            Object.entries(init.query)
              .filter(([, v]) => v != null)
              .map(([k, v]) => [k, String(v)]),
          )}`
        : ''
    }`,
    {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json, application/problem+json', ...csrfHeader(), ...init.headers },
      body: init.body,
    },
  ).catch(() => {
    throw new ApiError({ status: 0, code: 'network_error' });
  });
  const payload = (await response.json().catch(() => null)) as T & { code?: string };
  if (!response.ok)
    throw new ApiError({
      ...(payload as object),
      status: response.status,
      code: payload?.code ?? 'unexpected_response',
    });
  return payload;
}

export const targetingApi = {
  select: (header: DistributionHeader, categories: string[]) =>
    api.post<Preview>('/api/support-distributions/selection', { ...header, categories }),
  sheet: (header: DistributionHeader, file: File) =>
    send<Preview>('/api/support-distributions/sheet', {
      query: { ...header },
      body: file,
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    }),
  /** Record the rows, once for this key (a retried click records nothing twice). */
  record: (header: DistributionHeader, rows: Rows, key: string) =>
    send<{ id: string; households: number; totalValue: number }>('/api/support-distributions', {
      body: JSON.stringify({ ...header, rows }),
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
    }),
  leftBehind: (query: Query) => api.get<Page<ListedHousehold>>('/api/targeting/left-behind', query),
  unaddressed: (query: Query) =>
    api.get<Page<ListedHousehold & { indicator: string; kinds: SupportKind[] }>>('/api/targeting/unaddressed', query),
  coverage: (query: Query) =>
    api.get<{ totalValue: number; communes: CommuneCoverage[] }>('/api/targeting/coverage', query),
  priority: (query: Query) =>
    api.get<Page<Prioritised> & { coveredByBudget: number | null }>('/api/targeting/priority', query),
  export: (view: TargetingView, query: Query) => downloadFile(`/api/targeting/${view}/export`, query, `${view}.xlsx`),
};
