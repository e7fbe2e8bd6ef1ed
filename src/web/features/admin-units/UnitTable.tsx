import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ListToolbar } from '../../components/ListToolbar';
import { ListTable } from '../../components/ListTable';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { pageAndSort, sortOrderOf, type SortDirection } from '../../lib/pagination';
import { useIsMobile } from '../../lib/useIsMobile';
import { adminUnitsApi, type AdminUnit } from './api';
import { useUnitTypeLabel } from './labels';

const PAGE_SIZE = 50;

/** Units under a parent (provinces when there is none), searchable, paginated on the server. */
export function UnitTable({ parent, at }: { parent: string | null; at: string | undefined }) {
  const t = useT();
  const isMobile = useIsMobile();
  const unitType = useUnitTypeLabel();
  const [q, setQ] = useState<string | undefined>();
  const [page, setPage] = useState({ limit: isMobile ? 20 : PAGE_SIZE, offset: 0 });
  const [sort, setSort] = useState<{ sort: 'name' | 'code'; order: SortDirection }>({ sort: 'name', order: 'asc' });
  const query = { parent: parent ?? undefined, q, at, ...page, ...sort };
  const list = useQuery({
    queryKey: ['admin-units', 'table', query],
    queryFn: () => adminUnitsApi.list(query),
    placeholderData: keepPreviousData,
    staleTime: 10 * 60_000,
  });
  const search = at ? `?at=${at}` : '';

  const columns: TableProps<AdminUnit>['columns'] = [
    {
      key: 'code',
      title: t('adminUnits.code'),
      dataIndex: 'code',
      width: 100,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'code'),
    },
    {
      key: 'name',
      title: t('adminUnits.name'),
      sorter: true,
      sortOrder: sortOrderOf(sort, 'name'),
      render: (_: unknown, u) => <Link to={`/admin/units/${u.code}${search}`}>{u.fullName}</Link>,
    },
    { key: 'type', title: t('adminUnits.unitType'), render: (_: unknown, u) => unitType(u.unitType) },
    {
      key: 'validFrom',
      title: t('adminUnits.validFrom'),
      className: 'nowrap',
      render: (_: unknown, u) => formatDate(u.validFrom) || t('common.none'),
    },
  ];

  return (
    <>
      <ListToolbar
        searchPlaceholder={t('adminUnits.searchPlaceholder')}
        onSearch={(value) => {
          setQ(value);
          setPage({ ...page, offset: 0 });
        }}
      />
      <ListTable<AdminUnit>
        rowKey="code"
        columns={columns}
        list={list}
        page={page}
        scroll={{ x: 560 }}
        onPage={(next, sorter) => {
          const { sort: column, order, ...window } = pageAndSort(sort, next, sorter, 'name');
          setSort({ sort: column, order });
          setPage(window);
        }}
      />
    </>
  );
}
