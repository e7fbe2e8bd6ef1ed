import type { Area, Category, Localized, StandardDefinition, Status } from '../../../domain/poverty/types';
import { api, type Page } from '../../api/client';

/**
 * A standard as GET /api/public/poverty/standards publishes it: the definition itself (the law
 * as data, see domain/poverty/types.ts) and where it comes from. Every version is listed;
 * `current` marks the one the server classifies with.
 */
export type PublicStandard = StandardDefinition & {
  /** provisional: some part has not been checked against the legal text. */
  status: Status;
  source: 'builtin' | 'loaded';
  /** A province's own standard; null for the national ones. */
  provinceCode: string | null;
  loadedAt: string | null;
  current: boolean;
};

export interface ClassifyRequest {
  standard: string;
  area: Area;
  incomePerCapitaMonthly: number;
  deprivations: string[];
}

export interface ClassifyResult {
  standard: string;
  version: number;
  category: Category;
  deprivationCount: number;
  deprivations: string[];
  rule: string;
  scores?: { deprivationScore: number; incomeScoreLine: number };
  explanation: Localized;
}

export const calculatorApi = {
  standards: () => api.get<Page<PublicStandard>>('/api/public/poverty/standards'),
  classify: (body: ClassifyRequest) => api.post<ClassifyResult>('/api/public/poverty/classify', body),
};

export const calculatorQueries = {
  standards: () => ({
    queryKey: ['public', 'poverty', 'standards'] as const,
    queryFn: calculatorApi.standards,
    staleTime: 60 * 60_000,
  }),
  /** Classifying is a pure computation on the server, so it is cached like a read. */
  classify: (body: ClassifyRequest) => ({
    queryKey: ['public', 'poverty', 'classify', body] as const,
    queryFn: () => calculatorApi.classify(body),
    staleTime: Infinity,
  }),
};
