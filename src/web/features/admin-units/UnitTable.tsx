import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Input, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n';
import { useErrorText } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { pagination } from '../../lib/pagination';
import { useIsMobile } from '../../lib/useIsMobile';
import { adminUnitsApi, type AdminUnit } from './api';
import { useUnitTypeLabel } from './labels';

const PAGE_SIZE = 50;

/** Units under a parent (provinces when there is none), searchable, paginated on the server. */
export function UnitTable({ parent, at }: { parent: string | null; at: string | undefined }) {
  const t = useT();
  const errorText = useErrorText();
  const isMobile = useIsMobile();
  const unitType = useUnitTypeLabel();
  const [q, setQ] = useState<string | undefined>();
  const [page, setPage] = useState({ limit: isMobile ? 20 : PAGE_SIZE, offset: 0 });
  const [sort, setSort] = useState<{ sort: 'name' | 'code'; order: 'asc' | 'desc' }>({ sort: 'name', order: 'asc' });
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
      sortOrder: sort.sort === 'code' ? (sort.order === 'desc' ? 'descend' : 'ascend') : null,
    },
    {
      key: 'name',
      title: t('adminUnits.name'),
      sorter: true,
      sortOrder: sort.sort === 'name' ? (sort.order === 'desc' ? 'descend' : 'ascend') : null,
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
      <div className="toolbar">
        <Input.Search
          className="toolbar-search"
          allowClear
          placeholder={t('adminUnits.searchPlaceholder')}
          aria-label={t('common.search')}
          onSearch={(value) => {
            setQ(value.trim() || undefined);
            setPage({ ...page, offset: 0 });
          }}
        />
      </div>
      {list.isError && <Typography.Paragraph type="danger">{errorText(list.error)}</Typography.Paragraph>}
      <Table<AdminUnit>
        rowKey="code"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 560 }}
        size={isMobile ? 'small' : 'middle'}
        locale={{ emptyText: t('common.noData') }}
        pagination={pagination(t, isMobile, { limit: page.limit, offset: page.offset, total: list.data?.total })}
        onChange={(p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const limit = p.pageSize ?? PAGE_SIZE;
          const next = {
            sort: (s?.order ? s.columnKey : 'name') as 'name' | 'code',
            order: s?.order === 'descend' ? ('desc' as const) : ('asc' as const),
          };
          const changed = next.sort !== sort.sort || next.order !== sort.order;
          setSort(next);
          setPage({ limit, offset: changed ? 0 : ((p.current ?? 1) - 1) * limit });
        }}
      />
    </>
  );
}
