import type { ModelKind, ModelResults, Outcome, YearStatus } from '../../../domain/models';
import { api, type Page } from '../../api/client';
import { downloadFile } from '../households/api';
import type { Support, SupportInput } from '../support/api';

/** Typed calls of poverty-reduction models (/api/models…). Shapes follow src/server/modules/models/schemas.ts. */
export interface Ref {
  id: string;
  name: string;
}
export interface Budget {
  sourceCode: string;
  amount: number;
}

/** Where, when, by whom and with what money: what a copy sets anew. */
export interface ModelPlace {
  communeCode: string;
  villageIds: string[];
  leadOrganisationId: string;
  partnerOrganisationIds: string[];
  startsOn: string;
  endsOn: string | null;
  budget: Budget[];
}

export interface ModelInput extends ModelPlace {
  name: string;
  kind: ModelKind;
  expectedResults: string;
  expectedIncomeIncrease: number | null;
  actualResults: string | null;
  actualIncomeIncrease: number | null;
}

export interface ModelSummary {
  id: string;
  name: string;
  kind: ModelKind;
  communeCode: string;
  communeName: string;
  villages: Ref[];
  leadOrganisation: Ref;
  partnerOrganisations: Ref[];
  startsOn: string;
  endsOn: string | null;
  budget: Budget[];
  totalBudget: number;
  expectedResults: string;
  expectedIncomeIncrease: number | null;
  actualResults: string | null;
  actualIncomeIncrease: number | null;
  originId: string | null;
  results: ModelResults;
  canManage: boolean;
  version: number;
}

export interface Participant {
  id: string;
  householdId: string;
  householdCode: string;
  headName: string;
  joinedOn: string;
  note: string | null;
  before: YearStatus | null;
  now: YearStatus | null;
  outcome: Outcome;
  received: Support[];
}

export interface Model extends ModelSummary {
  origin: Ref | null;
  copies: Ref[];
  participants: Participant[];
}

export interface Comparison {
  originId: string;
  items: {
    id: string;
    name: string;
    communeName: string;
    startsOn: string;
    isOrigin: boolean;
    totalBudget: number;
    budgetPerParticipant: number | null;
    expectedIncomeIncrease: number | null;
    actualIncomeIncrease: number | null;
    results: ModelResults;
  }[];
}

export interface ParticipantInput {
  householdId: string;
  joinedOn: string;
  note: string | null;
  received: SupportInput[];
}

export interface ModelListQuery {
  q?: string;
  kind?: ModelKind;
  limit: number;
  offset: number;
}

export const modelsApi = {
  list: (query: ModelListQuery) => api.get<Page<ModelSummary>>('/api/models', { ...query }),
  get: (id: string) => api.get<Model>(`/api/models/${id}`),
  create: (input: ModelInput) => api.post<Model>('/api/models', input),
  update: (id: string, input: Omit<ModelInput, 'communeCode'> & { version: number }) =>
    api.put<Model>(`/api/models/${id}`, input),
  addParticipant: (id: string, input: ParticipantInput) => api.post<Model>(`/api/models/${id}/participants`, input),
  removeParticipant: (id: string, householdId: string, reason: string) =>
    api.post<Model>(`/api/models/${id}/participants/${householdId}/removal`, { reason }),
  replicate: (id: string, input: ModelPlace & { name?: string }) =>
    api.post<Model>(`/api/models/${id}/replication`, input),
  comparison: (id: string) => api.get<Comparison>(`/api/models/${id}/comparison`),
  exportList: (query: Omit<ModelListQuery, 'limit' | 'offset'>) =>
    downloadFile('/api/models/export', { ...query }, 'mo-hinh-giam-ngheo.xlsx'),
  exportOne: (id: string) => downloadFile(`/api/models/${id}/export`, undefined, 'mo-hinh.xlsx'),
  ofHousehold: (householdId: string) =>
    api.get<{ id: string; name: string; kind: ModelKind; joinedOn: string; outcome: Outcome }[]>(
      `/api/households/${householdId}/models`,
    ),
};
