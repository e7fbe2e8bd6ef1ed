import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Tag, Typography, type TableProps } from 'antd';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { standardForYear } from '../../../domain/poverty';
import { CATEGORIES, CATEGORY_LABELS } from '../../../domain/poverty/types';
import { POLICY_FLAG_LABELS, POLICY_FLAGS, type PolicyFlag } from '../../../domain/registry/codes';
import { ListTable } from '../../components/ListTable';
import { ListToolbar, ToolbarSelect, ToolbarSwitch } from '../../components/ListToolbar';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { useErrorText } from '../../lib/errors';
import { formatDate, formatNumber } from '../../lib/format';
import { useIsMobile } from '../../lib/useIsMobile';
import { pageAndSort, sortOrderOf } from '../../lib/pagination';
import { unitQueries } from '../admin-units/api';
import { areaLabel, useArea } from '../area/AreaContext';
import { capitalise } from '../calculator/logic';
import { villageQueries } from '../villages/api';
import { householdsApi, type HouseholdSort, type HouseholdSummary } from './api';
import { PolicyTags, StatusTag, useCanManage } from './common';
import { filtersFromSearch, searchOfFilters, yearInVietnam, yearOptions, type ListFilters } from './logic';
import { HOUSEHOLD_CREATE_PATH, HOUSEHOLD_IMPORT_PATH, householdPath } from './paths';

/**
 * A link's commune and village become the working area when the page opens; afterwards a change
 * of the working area (the header's picker) is written into the address.
 */
function useAreaInAddress(params: URLSearchParams, setParams: ReturnType<typeof useSearchParams>[1]) {
  const { area, setArea } = useArea();
  const queryClient = useQueryClient();
  const linked = { commune: params.get('commune') ?? undefined, village: params.get('village') ?? undefined };
  const areaKey = `${area.communeCode ?? ''}|${area.villageId ?? ''}`;
  const seen = useRef<string | null>(null);

  useEffect(() => {
    const first = seen.current === null;
    seen.current = areaKey;
    if (first && linked.commune) {
      if (linked.commune === area.communeCode && (linked.village ?? null) === area.villageId) return;
      const { commune, village } = linked;
      void (async () => {
        const unit = await queryClient.fetchQuery(unitQueries.detail(commune));
        const province = unit.path.find((u) => u.level === 'province');
        const villages = village ? await queryClient.fetchQuery(villageQueries.ofCommune(commune)) : null;
        const villageName = villages?.items.find((v) => v.id === village)?.name ?? null;
        setArea({
          provinceCode: province?.code ?? unit.parentCode,
          provinceName: province?.fullName ?? null,
          communeCode: commune,
          communeName: unit.fullName,
          villageId: villageName ? (village ?? null) : null,
          villageName,
        });
      })().catch(() => undefined);
      return;
    }
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of [
          ['commune', area.communeCode],
          ['village', area.villageId],
        ] as const) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!first) next.delete('offset');
        return next;
      },
      { replace: true },
    );
    // Only a change of the working area writes the address.
  }, [areaKey]);

  return linked.commune ? linked : { commune: area.communeCode ?? undefined, village: area.villageId ?? undefined };
}

export function HouseholdsPage() {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { area } = useArea();
  const [params, setParams] = useSearchParams();
  const place = useAreaInAddress(params, setParams);
  const filters = filtersFromSearch(params);
  // Adding and importing ask for a commune on their own pages.
  const canManage = useCanManage({ provinceCode: area.provinceCode, communeCode: area.communeCode });
  const isMobile = useIsMobile();

  const setFilters = (patch: Partial<ListFilters>, keepPage = false) => {
    const next = { ...filters, ...patch, ...(keepPage ? {} : { offset: 0 }) };
    setParams(searchOfFilters(next, place));
  };

  // A province picked alone in the working area narrows a national user's list to it.
  const province = place.commune ? undefined : (area.provinceCode ?? undefined);
  const query = { ...filters, ...place, province };
  const list = useQuery({
    queryKey: ['households', 'list', query],
    queryFn: () => householdsApi.list(query),
    placeholderData: keepPreviousData,
  });

  // Without a year the server filters this year's results.
  const standard = standardForYear(filters.year ?? yearInVietnam());
  const indicators = standard?.dimensions.flatMap((d) => d.indicators) ?? [];

  const exportList = useMutation({
    mutationFn: () => {
      const { limit: _limit, offset: _offset, ...rest } = query;
      return householdsApi.export(rest);
    },
    onError: (e) => void message.error(`${t('households.exportFailed')}: ${errorText(e)}`),
  });

  const headCell = (h: HouseholdSummary) => (
    <>
      <Link to={householdPath(h.id)} className="household-head-link">
        {h.headName}
      </Link>
      {h.archived && <Tag className="inline-tag">{t('households.archivedTag')}</Tag>}
    </>
  );

  // On a phone, one column says it all: who, where, what category.
  const phoneColumns: TableProps<HouseholdSummary>['columns'] = [
    {
      key: 'head',
      title: t('households.head'),
      sorter: true,
      sortOrder: sortOrderOf(filters, 'head'),
      render: (_: unknown, h) => (
        <div className="household-card">
          {headCell(h)}
          <div className="cell-secondary">
            {[h.code, h.villageName, t('households.membersOf', { count: h.memberCount })].join(' · ')}
          </div>
          <div className="tag-list">
            <StatusTag status={h.status} />
            <PolicyTags flags={h.policyFlags} />
          </div>
        </div>
      ),
    },
  ];

  const columns: TableProps<HouseholdSummary>['columns'] = [
    {
      key: 'code',
      title: t('households.code'),
      sorter: true,
      sortOrder: sortOrderOf(filters, 'code'),
      width: 130,
      render: (_: unknown, h) => (
        <Link to={householdPath(h.id)} aria-label={t('households.openHousehold', { code: h.code })}>
          {h.code}
        </Link>
      ),
    },
    {
      key: 'head',
      title: t('households.head'),
      sorter: true,
      sortOrder: sortOrderOf(filters, 'head'),
      width: 260,
      render: (_: unknown, h) => (
        <div>
          {headCell(h)}
          <div className="cell-secondary cell-ellipsis" title={h.address}>
            {h.address}
          </div>
        </div>
      ),
    },
    { key: 'village', title: t('households.villageShort'), dataIndex: 'villageName', width: 140 },
    {
      key: 'members',
      title: t('households.memberCountShort'),
      dataIndex: 'memberCount',
      align: 'right',
      width: 100,
    },
    {
      key: 'category',
      title: t('households.category'),
      width: 240,
      render: (_: unknown, h) => <StatusTag status={h.status} />,
    },
    {
      key: 'policy',
      title: t('households.policyFlags'),
      render: (_: unknown, h) => <PolicyTags flags={h.policyFlags} />,
    },
    {
      key: 'createdAt',
      title: t('common.createdAt'),
      sorter: true,
      sortOrder: sortOrderOf(filters, 'createdAt'),
      width: 120,
      responsive: ['xl'],
      render: (_: unknown, h) => formatDate(h.createdAt),
    },
  ];

  const labels = areaLabel(area);
  const total = list.data?.total;

  return (
    <div className="page">
      <PageHeader
        title={labels.length > 0 ? t('households.titleOf', { area: labels.at(-1)! }) : t('households.title')}
        description={t('households.description')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} loading={exportList.isPending} onClick={() => exportList.mutate()}>
              {t('households.export')}
            </Button>
            {canManage && (
              <>
                <LinkButton to={HOUSEHOLD_IMPORT_PATH} icon={<UploadOutlined />}>
                  {t('households.import')}
                </LinkButton>
                <LinkButton to={HOUSEHOLD_CREATE_PATH} type="primary" icon={<PlusOutlined />}>
                  {t('households.create')}
                </LinkButton>
              </>
            )}
          </>
        }
      />
      <ListToolbar
        className="household-toolbar"
        searchPlaceholder={t('households.searchPlaceholder')}
        current={filters.q}
        onSearch={(q) => setFilters({ q })}
      >
        <ToolbarSelect<PolicyFlag>
          label={t('households.filterPolicy')}
          value={filters.policyFlag}
          onChange={(policyFlag) => setFilters({ policyFlag })}
          options={POLICY_FLAGS.map((f) => ({ value: f, label: t.label(POLICY_FLAG_LABELS[f]) }))}
        />
        <ToolbarSelect<string>
          label={t('households.filterYear')}
          className="toolbar-select toolbar-select-narrow"
          value={filters.year === undefined ? undefined : String(filters.year)}
          onChange={(year) => setFilters({ year: year ? Number(year) : undefined, indicator: undefined })}
          options={yearOptions().map((y) => ({ value: String(y), label: String(y) }))}
        />
        <ToolbarSelect<string>
          label={t('households.filterCategory')}
          value={filters.category}
          onChange={(category) => setFilters({ category: category as ListFilters['category'] })}
          options={CATEGORIES.map((c) => ({ value: c, label: capitalise(t.label(CATEGORY_LABELS[c])) }))}
        />
        <ToolbarSelect<string>
          label={t('households.filterIndicator')}
          value={filters.indicator}
          onChange={(indicator) => setFilters({ indicator })}
          options={indicators.map((i) => ({ value: i.key, label: t.label(i.name) }))}
        />
        <ToolbarSwitch
          checked={filters.includeArchived ?? false}
          onChange={(checked) => setFilters({ includeArchived: checked || undefined })}
          label={t('households.includeArchived')}
        />
      </ListToolbar>
      {list.data?.totalCapped && (
        <Alert
          type="warning"
          showIcon
          className="list-capped"
          title={t('households.capped', { total: formatNumber(list.data.total) })}
        />
      )}
      <ListTable<HouseholdSummary>
        rowKey="id"
        columns={isMobile ? phoneColumns : columns}
        list={list}
        page={{ limit: filters.limit, offset: filters.offset }}
        onPage={(page, sorter) => {
          const next = pageAndSort<HouseholdSort>(
            { sort: filters.sort ?? 'head', order: filters.order ?? 'asc' },
            page,
            sorter,
            'head',
          );
          setFilters(next, true);
        }}
        scroll={isMobile ? undefined : { x: 1000 }}
        emptyText={t('households.empty')}
        footer={
          total !== undefined && list.data?.totalCapped
            ? () => (
                <Typography.Text type="secondary">
                  {t('households.totalCapped', { total: formatNumber(total) })}
                </Typography.Text>
              )
            : undefined
        }
      />
    </div>
  );
}
