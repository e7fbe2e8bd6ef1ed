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
