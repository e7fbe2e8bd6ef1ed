import { FileExcelOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Modal,
  Progress as ProgressBar,
  Row,
  Select,
  Spin,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType, ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { CATEGORY_LABELS } from '../../../domain/poverty';
import { ROUND_STATE_LABELS } from '../../../domain/review';
import {
  cellValue,
  rollupTables,
  type RollupColumn,
  type RollupTable,
  type Weight,
} from '../../../domain/review/rollup';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { useErrorText } from '../../lib/errors';
import { formatDate, formatNumber } from '../../lib/format';
import { useArea } from '../area/AreaContext';
import { capitalise } from '../calculator/logic';
import { householdPath } from '../households/paths';
import {
  rollupApi,
  rollupExcelUrl,
  type CellQuery,
  type CountProgress,
  type Rollup,
  type RollupCommune,
} from './rollup-api';

const thisYear = () => Number(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 4));
const YEARS = Array.from({ length: thisYear() - 2021 }, (_, i) => thisYear() - i);

/** A cell clicked: the commune, the measure and how to title its list. */
type Cell = CellQuery & { title: string };

/**
 * The province roll-up of a year's periodic review: each commune's progress with its overdue
 * flags, and the report tables (official results, movement, deprivations, groups, ethnicity,
 * causes) whose every figure opens the list of households behind it.
 */
export function RollupPage() {
  const t = useT();
  const errorText = useErrorText();
  const { area } = useArea();
  const province = area.provinceCode ?? undefined;
  const [year, setYear] = useState(YEARS[0]!);
  const [cell, setCell] = useState<Cell | null>(null);
  const [counting, setCounting] = useState<CountProgress | null>(null);
  const rollup = useQuery({
    queryKey: ['reviews', 'rollup', year, province],
    queryFn: async () => {
      setCounting(null);
      return rollupApi.rollup(year, province, setCounting).finally(() => setCounting(null));
    },
  });
  const data = rollup.data;
  const tables = data
    ? rollupTables(
        data.indicators.map((i) => ({ key: i.key, name: { vi: i.vi, en: i.en } })),
        data.ethnicities,
      )
    : [];

  return (
    <div className="page">
      <PageHeader
        title={t('rollup.title')}
        description={t('rollup.description')}
        extra={
          <>
            <Select
              aria-label={t('rollup.year')}
              value={year}
              onChange={setYear}
              style={{ width: 110 }}
              options={YEARS.map((y) => ({ value: y, label: String(y) }))}
            />
            <Button icon={<FileExcelOutlined />} href={rollupExcelUrl(year, province)}>
              {t('rollup.excel')}
            </Button>
          </>
        }
      />
      {rollup.isError && <Alert type="error" showIcon title={errorText(rollup.error)} />}
      {rollup.isFetching && (
        // Communes whose data changed since they were last counted are counted again: their progress shows.
        <Card className="form-section">
          {counting ? (
            <>
              <Typography.Text type="secondary">{t('rollup.counting', { ...counting })}</Typography.Text>
              <ProgressBar percent={Math.floor((counting.done * 100) / counting.total)} status="active" />
            </>
          ) : (
            <>
              <Spin /> <Typography.Text type="secondary">{t('rollup.loading')}</Typography.Text>
            </>
          )}
        </Card>
      )}
      {data && (
        <>
          <Alert
            type="info"
            showIcon
            className="page-alert"
            title={t('rollup.sourceNote', {
              year: data.year,
              listYear: data.listYear,
              previousListYear: data.previousListYear,
            })}
          />
          <Summary data={data} />
          <Card className="form-section">
            <Tabs
              items={[
                { key: 'progress', label: t('rollup.progress'), children: <Progress data={data} /> },
                ...tables.map((table) => ({
                  key: table.key,
                  label: t.label(table.name),
                  children: <FigureTable data={data} table={table} onCell={setCell} />,
                })),
              ]}
            />
          </Card>
        </>
      )}
      <CellHouseholds cell={cell} year={year} onClose={() => setCell(null)} />
    </div>
  );
}

function Summary({ data }: { data: Rollup }) {
  const t = useT();
  const stats = [
    [t('rollup.communes'), data.communes.length],
    [t('rollup.decided'), data.communes.filter((c) => c.round?.state === 'decided').length],
    [t('rollup.overdue'), data.communes.filter((c) => c.overdue).length],
    [t('rollup.regularOverdue'), data.communes.reduce((n, c) => n + c.regularOverdue, 0)],
  ] as const;
  return (
    <Row gutter={[16, 16]} className="form-section">
      {stats.map(([title, value]) => (
        <Col key={title} xs={12} md={6}>
          <Card size="small">
            <Statistic title={title} value={value} formatter={(v) => formatNumber(Number(v))} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function Progress({ data }: { data: Rollup }) {
  const t = useT();
  const columns: ColumnsType<RollupCommune> = [
    { title: t('rollup.commune'), dataIndex: 'name', fixed: 'left', width: 180 },
    {
      title: t('rollup.state'),
      render: (_, c) =>
        c.round ? (
          <Tag color={c.round.state === 'decided' ? 'green' : 'blue'}>{t.label(ROUND_STATE_LABELS[c.round.state])}</Tag>
        ) : (
          <Tag>{t('rollup.noRound')}</Tag>
        ),
    },
    { title: t('rollup.windowEnd'), render: (_, c) => formatDate(c.windowEnd) },
    {
      title: t('rollup.overdue'),
      render: (_, c) =>
        c.overdue ? <Tag color="red">{t('rollup.late')}</Tag> : <Tag color="green">{t('rollup.onTime')}</Tag>,
    },
    { title: t('rollup.cases'), align: 'right', render: (_, c) => formatNumber(c.round?.cases ?? 0) },
    {
      title: t('rollup.decision'),
      render: (_, c) =>
        c.round?.decisionNumber ? `${c.round.decisionNumber} (${formatDate(c.round.decisionDate)})` : '',
    },
    {
      title: t('rollup.regular'),
      render: (_, c) =>
        c.regularOpen > 0 ? (
          <Typography.Text type={c.regularOverdue > 0 ? 'danger' : undefined}>
            {t('rollup.regularCount', { open: c.regularOpen, overdue: c.regularOverdue })}
          </Typography.Text>
        ) : (
          ''
        ),
    },
  ];
  return (
    <Table
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={data.communes}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 900 }}
    />
  );
}

/** A row of a report table: a commune (or the total), in households or persons. */
interface FigureRow {
  key: string;
  commune: RollupCommune | null;
  weight: Weight;
}

function FigureTable({ data, table, onCell }: { data: Rollup; table: RollupTable; onCell: (cell: Cell) => void }) {
  const t = useT();
  const weights: Weight[] = table.householdsAndPersons ? [0, 1] : [0];
  const rows: FigureRow[] = [...data.communes, null].flatMap((commune) =>
    weights.map((weight) => ({ key: `${commune?.code ?? 'total'}-${weight}`, commune, weight })),
  );
  const valueColumn = (column: RollupColumn, i: number): ColumnType<FigureRow> => ({
    key: `${column.measure}-${i}`,
    title: column.number ? (
      <>
        {t.label(column.label)}
        <div className="rollup-number">{column.number}</div>
      </>
    ) : (
      t.label(column.label)
    ),
    align: 'right',
    width: 110,
    render: (_, row) => {
      const figures = row.commune ?? data.total;
      const value = cellValue(column, figures.figures, figures.deprivations, row.weight);
      const text = column.rateOf ? value.toFixed(1).replace('.', ',') : formatNumber(value);
      if (!row.commune || column.rateOf || value === 0) return text;
      const commune = row.commune;
      return (
        <Button
          type="link"
          size="small"
          className="rollup-cell"
          onClick={() =>
            onCell({
              year: data.year,
              commune: commune.code,
              measure: column.measure,
              title: t('rollup.cellTitle', {
                commune: commune.name,
                measure: [column.group && t.label(column.group), t.label(column.label)].filter(Boolean).join(' — '),
              }),
            })
          }
        >
          {text}
        </Button>
      );
    },
  });
  // Consecutive columns of the same group sit under one header, as in the report forms.
  const grouped: ColumnsType<FigureRow> = [];
  table.columns.forEach((column, i) => {
    const leaf = valueColumn(column, i);
    const last = grouped.at(-1) as
      (ColumnType<FigureRow> & { children?: ColumnsType<FigureRow>; group?: string }) | undefined;
    const group = column.group && t.label(column.group);
    if (!group) grouped.push(leaf);
    else if (last?.children && last.title === group) last.children.push(leaf);
    else grouped.push({ key: `g${i}`, title: group, children: [leaf] });
  });
  const columns: ColumnsType<FigureRow> = [
    {
      title: t('rollup.commune'),
      fixed: 'left',
      width: 170,
      onCell: (row) => ({ rowSpan: row.weight === 0 ? weights.length : 0 }),
      render: (_, row) => (row.commune ? row.commune.name : <strong>{t('rollup.total')}</strong>),
    },
    {
      title: t('rollup.source'),
      width: 170,
      onCell: (row) => ({ rowSpan: row.weight === 0 ? weights.length : 0 }),
      render: (_, row) =>
        row.commune &&
        (row.commune.source === 'decision'
          ? t('rollup.sourceDecision', { number: row.commune.round?.decisionNumber ?? '' })
          : t('rollup.sourceAssessments')),
    },
    ...(table.householdsAndPersons
      ? [
          {
            key: 'weight',
            title: '',
            width: 90,
            render: (_: unknown, row: FigureRow) => t(row.weight === 0 ? 'rollup.rowHouseholds' : 'rollup.rowPersons'),
          },
        ]
      : []),
    ...grouped,
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">
        <strong>{t.label(table.title)}</strong> — {t('rollup.cellHint')}
      </Typography.Paragraph>
      <Table
        rowKey="key"
        size="small"
        bordered
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content', y: 560 }}
        locale={{ emptyText: t('rollup.empty') }}
      />
    </>
  );
}

const PAGE = 20;

/** The households behind a clicked figure, a page at a time. */
function CellHouseholds({ cell, year, onClose }: { cell: Cell | null; year: number; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['reviews', 'rollup', 'households', cell, page],
    queryFn: () =>
      rollupApi.households({
        year: cell!.year,
        commune: cell!.commune,
        measure: cell!.measure,
        limit: PAGE,
        offset: (page - 1) * PAGE,
      }),
    enabled: cell !== null,
  });
  const category = (c: string | null) =>
    c ? capitalise(t.label(CATEGORY_LABELS[c as keyof typeof CATEGORY_LABELS])) : t('rollup.notListed');
  return (
    <Modal
      open={cell !== null}
      title={cell?.title}
      onCancel={() => {
        setPage(1);
        onClose();
      }}
      footer={null}
      width={860}
    >
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} />}
      <Table
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          {
            title: t('rollup.code'),
            dataIndex: 'code',
            render: (code: string, h) => <Link to={householdPath(h.id)}>{code}</Link>,
          },
          { title: t('rollup.head'), dataIndex: 'headName' },
          { title: t('rollup.village'), dataIndex: 'villageName' },
          { title: t('rollup.before', { year }), render: (_, h) => category(h.previousCategory) },
          { title: t('rollup.after', { year: year + 1 }), render: (_, h) => category(h.category) },
          { title: t('rollup.persons'), dataIndex: 'persons', align: 'right' },
        ]}
      />
    </Modal>
  );
}
