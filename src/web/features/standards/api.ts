import { api, type Page } from '../../api/client';
import type { PublicStandard } from '../calculator/api';

/** The answer to loading a standard (POST /api/poverty/standards). */
export interface StandardLoaded {
  id: string;
  standardId: string;
  version: number;
  /** null: a national correction; a province code: that province's own standard. */
  provinceCode: string | null;
  name: string;
  loadedAt: string;
}

export const standardsApi = {
  /** Every version of the national standards, and of the province's own when one is given. */
  list: (province: string | null) =>
    api.get<Page<PublicStandard>>('/api/public/poverty/standards', { province: province ?? undefined }),
  /** The definition is sent as the file has it: the server validates it and names every problem. */
  load: (provinceCode: string | null, definition: unknown) =>
    api.post<StandardLoaded>('/api/poverty/standards', { provinceCode, definition }),
};

/** Under the calculator's key, so that a loaded standard reaches the calculator too. */
export const STANDARDS_KEY = ['public', 'poverty', 'standards'] as const;

export const standardsQueries = {
  list: (province: string | null) => ({
    queryKey: [...STANDARDS_KEY, 'admin', province ?? 'national'] as const,
    queryFn: () => standardsApi.list(province),
  }),
};
