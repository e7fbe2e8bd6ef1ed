import type { TablePaginationConfig } from 'antd';
import type { TFunction } from '../i18n';

/** Server-side pagination as every list shows it; compact on phones. */
export function pagination(
  t: TFunction,
  isMobile: boolean,
  page: { limit: number; offset: number; total: number | undefined },
): TablePaginationConfig {
  return {
    current: Math.floor(page.offset / page.limit) + 1,
    pageSize: page.limit,
    total: page.total ?? 0,
    simple: isMobile,
    showSizeChanger: !isMobile,
    showTotal: (total) => t('common.total', { total }),
  };
}

export type SortDirection = 'asc' | 'desc';

/** The arrow a sortable column header shows for the server-side sort in use. */
export function sortOrderOf(current: { sort?: string; order?: SortDirection }, field: string) {
  return current.sort === field ? (current.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null;
}

/** A window of a server-paginated list. */
export interface PageWindow {
  limit: number;
  offset: number;
}

/**
 * The page and sort after a click on a sortable table: the column's sort (`fallback` when the
 * click clears it), and the first page again when the sort changed.
 */
export function pageAndSort<K extends string>(
  current: { sort?: K; order?: SortDirection },
  page: PageWindow,
  sorter: { order?: 'ascend' | 'descend' | null; columnKey?: string | number | bigint } | undefined,
  fallback: K,
): PageWindow & { sort: K; order: SortDirection } {
  const sort = (sorter?.order ? sorter.columnKey : fallback) as K;
  const order = sorter?.order === 'descend' ? 'desc' : 'asc';
  const changed = sort !== current.sort || order !== current.order;
  return { limit: page.limit, offset: changed ? 0 : page.offset, sort, order };
}
