import { api, type Page } from '../../api/client';

export type UnitLevel = 'province' | 'district' | 'commune';

export interface AdminUnit {
  code: string;
  level: UnitLevel;
  name: string;
  fullName: string;
  unitType: string;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface LinkedUnit extends AdminUnit {
  kind: 'full' | 'partial';
  confirmed: boolean;
}

export interface AdminUnitDetail extends AdminUnit {
  status: 'current' | 'closed';
  path: AdminUnit[];
  successors: LinkedUnit[];
  predecessors: LinkedUnit[];
}

export interface AdminUnitQuery {
  parent?: string;
  q?: string;
  level?: UnitLevel;
  at?: string;
  limit?: number;
  offset?: number;
  sort?: 'name' | 'code';
  order?: 'asc' | 'desc';
}

export const adminUnitsApi = {
  list: (query: AdminUnitQuery) => api.get<Page<AdminUnit>>('/api/admin-units', { ...query }),
  get: (code: string, at?: string) => api.get<AdminUnitDetail>(`/api/admin-units/${code}`, { at }),
  confirmSuccession: (body: { predecessorCode: string; successorCode: string; kind: 'full' | 'partial' }) =>
    api.post<unknown>('/api/admin-units/successions/confirm', body),
  removeSuccession: (body: { predecessorCode: string; successorCode: string; reason: string }) =>
    api.post<void>('/api/admin-units/successions/remove', body),
};

/** Query keys and functions shared by the area picker, the scope selects and the browser. */
export const unitQueries = {
  children: (parent: string | null) => ({
    queryKey: ['admin-units', 'children', parent ?? 'root'] as const,
    queryFn: () => adminUnitsApi.list({ parent: parent ?? undefined, limit: 500, sort: 'name' }),
    staleTime: 60 * 60_000,
  }),
  detail: (code: string) => ({
    queryKey: ['admin-units', 'detail', code] as const,
    queryFn: () => adminUnitsApi.get(code),
    staleTime: 60 * 60_000,
  }),
};
