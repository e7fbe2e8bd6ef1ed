import type { OrganisationKind } from '../../../domain/reference';
import { api, type Page } from '../../api/client';

export interface Organisation {
  id: string;
  name: string;
  shortName: string | null;
  kind: OrganisationKind;
  unitCode: string | null;
  unitName: string;
  provinceCode: string | null;
  communeCode: string | null;
  archived: boolean;
  version: number;
}

export interface OrganisationQuery {
  q?: string;
  kind?: OrganisationKind;
  includeArchived?: boolean;
  limit: number;
  offset: number;
}

export interface OrganisationCreate {
  name: string;
  shortName?: string | null;
  kind: OrganisationKind;
  unitCode: string | null;
}

export const organisationsApi = {
  list: (query: OrganisationQuery) => api.get<Page<Organisation>>('/api/organisations', { ...query }),
  create: (body: OrganisationCreate) => api.post<Organisation>('/api/organisations', body),
  update: (id: string, body: { name?: string; shortName?: string | null; kind?: OrganisationKind; version: number }) =>
    api.patch<Organisation>(`/api/organisations/${id}`, body),
  archive: (id: string, version: number) => api.post<Organisation>(`/api/organisations/${id}/archive`, { version }),
};
