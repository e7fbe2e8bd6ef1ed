import type { VillageKind } from '../../../domain/reference';
import { api, type Page } from '../../api/client';

export interface Village {
  id: string;
  provinceCode: string;
  communeCode: string;
  name: string;
  kind: VillageKind;
  archived: boolean;
  archivedAt: string | null;
  archiveReason: string | null;
  version: number;
}

export interface VillageQuery {
  commune: string;
  q?: string;
  includeArchived?: boolean;
  limit?: number;
  offset?: number;
}

export const villagesApi = {
  list: (query: VillageQuery) => api.get<Page<Village>>('/api/villages', { ...query }),
  create: (body: { communeCode: string; name: string; kind: VillageKind }) => api.post<Village>('/api/villages', body),
  update: (id: string, body: { name?: string; kind?: VillageKind; version: number }) =>
    api.patch<Village>(`/api/villages/${id}`, body),
  archive: (id: string, body: { reason: string; version: number }) =>
    api.post<Village>(`/api/villages/${id}/archive`, body),
};

export const villageQueries = {
  /** Current villages of a commune, for pickers. */
  ofCommune: (communeCode: string) => ({
    queryKey: ['villages', 'picker', communeCode] as const,
    queryFn: () => villagesApi.list({ commune: communeCode, limit: 500 }),
    staleTime: 5 * 60_000,
  }),
};
