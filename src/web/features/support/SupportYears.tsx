import { useQuery } from '@tanstack/react-query';
import { Alert, Table, Tag, Typography, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { HOUSE_STAGE_LABELS, SUPPORT_KIND_LABELS, type SupportYears as Years } from '../../../domain/support';
import { useT } from '../../i18n';
import { useErrorText } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { CategoryTag } from '../households/common';
import { modelPath } from '../models/paths';
import { supportQueries } from './api';

interface Line {
  key: string;
  label: ReactNode;
  cells: Record<number, ReactNode>;
  total?: ReactNode;
  strong?: boolean;
}

const vnd = (value: number) => (value ? `${formatNumber(value)} đ` : '');

/**
 * Whether help is working, at a glance: the years side by side, the household's category of each
 * year's list on the first line, under it what it received that year by source, the year's total,
 * the kinds received, houses at the stage reached by the year's end, models joined and policy loans
 * (still owed); the last column totals each line over the years.
 */
export function SupportYears({ householdId }: { householdId: string }) {
  const t = useT();
  const errorText = useErrorText();
  const data = useQuery(supportQueries.years(householdId));
  const sources = useQuery(supportQueries.sources());
  if (data.isError) return <Alert type="error" showIcon title={errorText(data.error)} />;
  if (!data.data || data.data.years.length === 0) return null;
  const y: Years = data.data;
  const sourceName = (code: string) => t.label(sources.data?.find((s) => s.code === code)?.name) || code;
  const byYear = (cell: (year: Years['years'][number]) => ReactNode) =>
    Object.fromEntries(y.years.map((year) => [year.year, cell(year)]));

  const lines: Line[] = [
    {
      key: 'category',
      label: t('support.yearsCategory'),
      strong: true,
      cells: byYear((year) =>
        year.category ? <CategoryTag category={year.category} /> : <Tag>{t('households.notAssessed')}</Tag>,
      ),
    },
    ...y.bySource.map((source): Line => ({
      key: `source-${source.sourceCode}`,
      label: sourceName(source.sourceCode),
      cells: byYear((year) => vnd(year.bySource.find((s) => s.sourceCode === source.sourceCode)?.value ?? 0)),
      total: vnd(source.value),
    })),
    {
      key: 'total',
      label: t('support.yearsTotal'),
      strong: true,
      cells: byYear((year) => (year.supports ? <strong>{vnd(year.value)}</strong> : t('support.yearsNothing'))),
      total: <strong>{vnd(y.value)}</strong>,
    },
    {
      key: 'kinds',
      label: t('support.yearsKinds'),
      cells: byYear((year) => (
        <>
          {year.kinds.map((k) => (
            <Tag key={k}>{t.label(SUPPORT_KIND_LABELS[k])}</Tag>
          ))}
          {year.distributed > 0 && (
            <Typography.Text type="secondary">{t('support.yearsDistributed', { n: year.distributed })}</Typography.Text>
          )}
        </>
      )),
      total: y.supports ? t('support.yearsCount', { n: y.supports }) : '',
    },
    {
      key: 'houses',
      label: t('support.houses'),
      cells: byYear((year) =>
        year.houses.map((h) => (
          <div key={h.id}>
            {t(h.kind === 'build' ? 'support.houseBuild' : 'support.houseRepair')}:{' '}
            <Tag color={h.stage === 'handed_over' ? 'green' : 'blue'}>{t.label(HOUSE_STAGE_LABELS[h.stage])}</Tag>
          </div>
        )),
      ),
    },
    {
      key: 'models',
      label: t('models.householdCard'),
      cells: byYear((year) =>
        year.models.map((m) => (
          <div key={m.id}>
            <Link to={modelPath(m.id)}>{m.name}</Link>
          </div>
        )),
      ),
    },
    {
      key: 'loans',
      label: t('support.yearsLoans'),
      cells: byYear((year) =>
        year.loans
          ? t('support.yearsLoan', { borrowed: vnd(year.loans.borrowed), outstanding: vnd(year.loans.outstanding) })
          : '',
      ),
      total: y.loanOutstanding ? t('support.yearsOwed', { outstanding: vnd(y.loanOutstanding) }) : '',
    },
  ];
  // Lines with nothing in any year (no house, no model, no loan) are left out.
  const shown = lines.filter((l) => l.total || Object.values(l.cells).some((c) => c && c !== ''));

  const columns: TableProps<Line>['columns'] = [
    {
      key: 'label',
      title: '',
      fixed: 'left',
      width: 220,
      render: (_, l) => (l.strong ? <strong>{l.label}</strong> : l.label),
    },
    ...y.years.map((year) => ({
      key: String(year.year),
      title: String(year.year),
      align: 'right' as const,
      render: (_: unknown, l: Line) => l.cells[year.year],
    })),
    { key: 'all', title: t('support.yearsAll'), align: 'right', render: (_, l) => l.total },
  ];
  return (
    <section className="support-years" data-testid="support-years">
      <Typography.Title level={5}>{t('support.yearsTitle')}</Typography.Title>
      <Table<Line>
        rowKey="key"
        size="small"
        bordered
        columns={columns}
        dataSource={shown}
        pagination={false}
        scroll={{ x: true }}
      />
    </section>
  );
}
