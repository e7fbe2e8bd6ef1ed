import type { Category } from '../../../domain/poverty';
import type { RoundState } from '../../../domain/review';
import type { Figures, RollupList } from '../../../domain/review/rollup';
import { api, type Page } from '../../api/client';

/** The province roll-up of a year's periodic review (GET /api/reviews/rollup). */
export interface Rollup {
  year: number;
  listYear: number;
  previousListYear: number;
  provinceCode: string;
  provinceName: string;
  today: string;
  indicators: { key: string; vi: string; en: string }[];
  ethnicities: string[];
  communes: RollupCommune[];
  total: { figures: Figures; deprivations: Record<RollupList, number> };
}

export interface RollupCommune {
  code: string;
  name: string;
  round: {
    id: string;
    state: RoundState;
    windowStart: string;
    windowEnd: string;
    decisionNumber: string | null;
    decisionDate: string | null;
    cases: number;
    agreed: number;
  } | null;
  windowEnd: string;
  overdue: boolean;
  regularOpen: number;
  regularOverdue: number;
  source: 'decision' | 'assessments';
  figures: Figures;
  deprivations: Record<RollupList, number>;
}

export interface CellHousehold {
  id: string;
  code: string;
  headName: string;
  villageName: string;
  category: Category | null;
  previousCategory: Category | null;
  persons: number;
}

export interface CellQuery {
  year: number;
  commune: string;
  measure: string;
}

/** Communes counted so far, of those the roll-up counts live (told while it counts them). */
export interface CountProgress {
  done: number;
  total: number;
}

export const rollupApi = {
  rollup: (year: number, province?: string, onProgress?: (progress: CountProgress) => void) =>
    api.get<Rollup, CountProgress>('/api/reviews/rollup', { year, province }, undefined, onProgress),
  households: (query: CellQuery & { limit: number; offset: number }) =>
    api.get<Page<CellHousehold>>('/api/reviews/rollup/households', { ...query }),
};

export const rollupExcelUrl = (year: number, province?: string) =>
  `/api/reviews/rollup.xlsx?year=${year}${province ? `&province=${province}` : ''}`;
