import { Table, Typography, type TableProps } from 'antd';
import type { Page } from '../api/client';
import { useT } from '../i18n';
import { useErrorText } from '../lib/errors';
import { pagination, type PageWindow } from '../lib/pagination';
import { useIsMobile } from '../lib/useIsMobile';

/** The sort of one column, as antd's table reports it. */
export type ColumnSorter<T> = Exclude<Parameters<NonNullable<TableProps<T>['onChange']>>[2], unknown[]>;

/** A list as the server answers it, loading or failed. */
export interface ListResult<T> {
  data?: Page<T>;
  isFetching: boolean;
  isError: boolean;
  error: unknown;
}

/**
 * A list from the server as every list page shows it: the error of the last request above the
 * table, compact on phones. With `page`, paginated (and perhaps sorted) on the server: `onPage`
 * gets the page asked for and the column sort, if any; without, every row on one page.
 */
export function ListTable<T extends object>({
  list,
  page,
  onPage,
  emptyText,
  ...table
}: {
  list: ListResult<T>;
  page?: PageWindow;
  onPage?: (page: PageWindow, sorter: ColumnSorter<T> | undefined) => void;
  emptyText?: string;
} & Omit<TableProps<T>, 'dataSource' | 'loading' | 'size' | 'locale' | 'pagination' | 'onChange'>) {
  const t = useT();
  const errorText = useErrorText();
  const isMobile = useIsMobile();
  return (
    <>
      {list.isError && <Typography.Paragraph type="danger">{errorText(list.error)}</Typography.Paragraph>}
      <Table<T>
        {...table}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        size={isMobile ? 'small' : 'middle'}
        locale={{ emptyText: emptyText ?? t('common.noData') }}
        pagination={page ? pagination(t, isMobile, { ...page, total: list.data?.total }) : false}
        onChange={(p, _filters, sorter) => {
          if (!page || !onPage) return;
          const limit = p.pageSize ?? page.limit;
          onPage({ limit, offset: ((p.current ?? 1) - 1) * limit }, Array.isArray(sorter) ? sorter[0] : sorter);
        }}
      />
    </>
  );
}
