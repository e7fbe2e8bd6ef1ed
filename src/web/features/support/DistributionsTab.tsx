import { useQuery } from '@tanstack/react-query';
import { InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatVnd } from '../../../domain/fund';
import { distributionTitle, SUPPORT_KIND_LABELS, SUPPORT_KINDS, type SupportKind } from '../../../domain/support';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { areaLabel, useArea } from '../area/AreaContext';
import { distributionsApi, supportQueries, type DistributionSummary } from './api';
import { distributionPath } from './paths';

const PAGE = 20;

/** The distributions of the area chosen at the top of the page (or one commune), newest first, by year and kind. */
export function DistributionsTab() {
  const t = useT();
  const { area } = useArea();
  const sources = useQuery(supportQueries.sources());
  const [year, setYear] = useState<number | null>(null);
  const [kind, setKind] = useState<SupportKind | undefined>();
  const [page, setPage] = useState(1);
  const query = {
    commune: area.communeCode ?? undefined,
    year: year ?? undefined,
    kind,
    limit: PAGE,
    offset: (page - 1) * PAGE,
  };
  const list = useQuery({
    queryKey: ['support', 'distributions', query],
    queryFn: () => distributionsApi.list(query),
  });
  const sourceName = (code: string) => t.label(sources.data?.find((s) => s.code === code)?.name) || code;
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <InputNumber
          aria-label={t('support.distributionYear')}
          addonBefore={t('support.distributionYear')}
          placeholder={t('support.allYears')}
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => {
            setYear(v);
            setPage(1);
          }}
        />
        <Select
          allowClear
          aria-label={t('support.kind')}
          placeholder={t('support.allKinds')}
          style={{ width: 240 }}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          options={SUPPORT_KINDS.map((k) => ({ value: k, label: t.label(SUPPORT_KIND_LABELS[k]) }))}
        />
        <Typography.Text type="secondary">{areaLabel(area).join(', ')}</Typography.Text>
      </Space>
      <Table<DistributionSummary>
        size="small"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        locale={{ emptyText: t('support.distributionsEmpty') }}
        pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          { key: 'date', title: t('support.date'), render: (_, d) => formatDate(d.date), width: 110 },
          {
            key: 'title',
            title: t('support.distribution'),
            render: (_, d) => (
              <>
                <Link to={distributionPath(d.id)}>{distributionTitle(d, t.lang)}</Link>
                {d.cancelled > 0 && (
                  <Tag color="orange" style={{ marginLeft: 8 }}>
                    {t('support.cancelledCount', { n: d.cancelled })}
                  </Tag>
                )}
              </>
            ),
          },
          { key: 'commune', title: t('support.commune'), dataIndex: 'communeName' },
          { key: 'source', title: t('support.source'), render: (_, d) => sourceName(d.sourceCode) },
          { key: 'decision', title: t('support.decision'), render: (_, d) => d.decisionNumber ?? t('common.none') },
          { key: 'households', title: t('support.households'), dataIndex: 'households', align: 'right' },
          { key: 'value', title: t('support.totalValue'), render: (_, d) => formatVnd(d.totalValue), align: 'right' },
        ]}
      />
    </>
  );
}
