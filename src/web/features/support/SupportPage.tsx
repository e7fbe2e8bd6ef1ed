import { UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { formatVnd } from '../../../domain/fund';
import {
  DEFAULT_PRIORITY_RULE,
  PRIORITY_FACTORS,
  SUPPORT_KIND_LABELS,
  SUPPORT_KINDS,
  type PriorityRule,
} from '../../../domain/support';
import { api, type Page } from '../../api/client';
import { DownloadButton } from '../../components/DownloadButton';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { useErrorText } from '../../lib/errors';
import { areaLabel, useArea } from '../area/AreaContext';
import { ModelsPage } from '../models/ModelsPage';
import { supportQueries } from './api';
import { DistributionsTab } from './DistributionsTab';
import { FundField } from './FundField';
import { distributionPath } from './paths';
import { targetingApi, type DistributionHeader, type Preview, type TargetingView } from './targeting-api';

const YEAR = new Date().getFullYear();

/**
 * Which list year and which commune a targeting view reads: the year chosen here, the commune
 * (or the whole area) of the area picker at the top of the page.
 */
function useTargetingQuery() {
  const { area } = useArea();
  const [year, setYear] = useState(YEAR);
  return { query: { year, commune: area.communeCode ?? undefined }, setYear };
}

function YearFilter({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  const t = useT();
  const { area } = useArea();
  return (
    <Space wrap>
      <InputNumber
        aria-label={t('support.year')}
        addonBefore={t('support.year')}
        min={2016}
        max={2100}
        value={year}
        onChange={(v) => v && onChange(v)}
      />
      <Typography.Text type="secondary">{areaLabel(area).join(', ')}</Typography.Text>
    </Space>
  );
}

function ExportButton({ view, query }: { view: TargetingView; query: Record<string, string | number | undefined> }) {
  const t = useT();
  return <DownloadButton label={t('support.export')} download={() => targetingApi.export(view, query)} />;
}

const householdLink = (id: string, code: string) => <Link to={`/households/${id}`}>{code}</Link>;

/** Hand out one support to a list: chosen from the registry or read from Excel, previewed row by row, recorded all at once. */
function DistributionTab() {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const sources = useQuery(supportQueries.sources());
  const [form] = Form.useForm();
  const source = Form.useWatch<string | undefined>('sourceCode', form);
  const { area } = useArea();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef('');
  const file = useRef<HTMLInputElement>(null);
  const header = async (): Promise<DistributionHeader> => {
    const v = await form.validateFields();
    return {
      ...v,
      communeCode: area.communeCode!,
      date: (v.date as dayjs.Dayjs).format('YYYY-MM-DD'),
      decisionNumber: v.decisionNumber || null,
      fundId: v.fundId ?? null,
    };
  };
  const run = async (load: (h: DistributionHeader) => Promise<Preview>) => {
    setBusy(true);
    try {
      setPreview(await load(await header()));
      key.current = crypto.randomUUID();
    } catch (e) {
      if (!(e as { errorFields?: unknown }).errorFields) void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const record = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const rows = preview.rows
        .filter((r) => r.problems.length === 0)
        .map((r) => ({ householdCode: r.householdCode, value: r.value, member: null, note: r.note }));
      const done = await targetingApi.record(await header(), rows, key.current);
      void message.success(t('support.distributed', { count: done.households, value: formatVnd(done.totalValue) }));
      setPreview(null);
      await queryClient.invalidateQueries({ queryKey: ['support', 'distributions'] });
      navigate(distributionPath(done.id));
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  // A distribution is a commune's: the one chosen in the area picker.
  if (!area.communeCode) return <Alert type="info" showIcon title={t('support.communeRequired')} />;
  return (
    <>
      <Typography.Paragraph strong>{areaLabel(area).join(', ')}</Typography.Paragraph>
      <Form form={form} layout="inline" initialValues={{ kind: 'tet_gift', date: dayjs(), value: 500_000 }}>
        <Form.Item name="kind" label={t('support.kind')} rules={[{ required: true }]}>
          <Select
            style={{ width: 200 }}
            options={SUPPORT_KINDS.map((k) => ({ value: k, label: t.label(SUPPORT_KIND_LABELS[k]) }))}
          />
        </Form.Item>
        <Form.Item
          name="sourceCode"
          label={t('support.source')}
          rules={[{ required: true, message: t('support.sourceRequired') }]}
        >
          <Select
            style={{ width: 240 }}
            showSearch={{ optionFilterProp: 'label' }}
            options={(sources.data ?? []).map((s) => ({ value: s.code, label: t.label(s.name) }))}
          />
        </Form.Item>
        <FundField source={source} help={t('support.fundDistributionHelp')} />
        <Form.Item name="date" label={t('support.date')} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="value" label={t('support.valueVnd')} rules={[{ required: true }]}>
          <InputNumber min={1} step={100_000} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="decisionNumber" label={t('support.decision')}>
          <Input style={{ width: 140 }} />
        </Form.Item>
      </Form>
      <Space style={{ margin: '16px 0' }} wrap>
        <Button loading={busy} onClick={() => void run((h) => targetingApi.select(h, ['poor', 'near_poor']))}>
          {t('support.choosePoor')}
        </Button>
        <Button icon={<UploadOutlined />} loading={busy} onClick={() => file.current?.click()}>
          {t('support.fromExcel')}
        </Button>
        <input
          ref={file}
          type="file"
          accept=".xlsx"
          hidden
          aria-label={t('support.fromExcel')}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void run((h) => targetingApi.sheet(h, f));
          }}
        />
        <Typography.Text type="secondary">{t('support.excelColumns')}</Typography.Text>
      </Space>
      {preview && (
        <>
          <Alert
            type={preview.refused ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 12 }}
            message={t('support.previewSummary', {
              accepted: preview.accepted,
              refused: preview.refused,
              value: formatVnd(preview.totalValue),
            })}
            description={
              preview.fundBalance === null
                ? undefined
                : t(preview.fundBalance < preview.totalValue ? 'support.fundShort' : 'support.fundEnough', {
                    balance: formatVnd(preview.fundBalance),
                  })
            }
            action={
              <Button type="primary" disabled={preview.accepted === 0} loading={busy} onClick={() => void record()}>
                {t('support.recordRows', { count: preview.accepted })}
              </Button>
            }
          />
          <Table
            size="small"
            rowKey="row"
            pagination={{ pageSize: 50 }}
            dataSource={preview.rows}
            columns={[
              { key: 'row', title: t('support.row'), dataIndex: 'row', width: 70 },
              {
                key: 'code',
                title: t('support.householdCode'),
                render: (_, r) => (r.householdId ? householdLink(r.householdId, r.householdCode) : r.householdCode),
              },
              { key: 'head', title: t('support.head'), dataIndex: 'headName' },
              { key: 'value', title: t('support.value'), render: (_, r) => (r.value ? formatVnd(r.value) : '') },
              {
                key: 'problems',
                title: t('support.refusedWhy'),
                render: (_, r) =>
                  r.problems.length === 0 ? (
                    <Tag color="green">{t('support.ok')}</Tag>
                  ) : (
                    r.problems.map((p, i) => (
                      <div key={i}>
                        <Tag color="red">{p.column}</Tag>
                        {t.lang === 'en' ? p.messageEn : p.message}
                      </div>
                    ))
                  ),
              },
            ]}
          />
        </>
      )}
    </>
  );
}

interface HouseRow {
  id: string;
  householdId: string;
  householdCode: string;
  headName: string;
  kind: 'build' | 'repair';
  stage: string;
  plannedCompletion: string;
  behindSchedule: { vi: string; en: string } | null;
}

/** The province's houses by stage; behind schedule on a switch. */
function HousesTab() {
  const t = useT();
  const [behind, setBehind] = useState(false);
  const [stage, setStage] = useState<string | undefined>();
  const list = useQuery({
    queryKey: ['support', 'houses', behind, stage],
    queryFn: () => api.get<Page<HouseRow>>('/api/houses', { behindSchedule: behind || undefined, stage, limit: 500 }),
  });
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('support.stage')}
          style={{ width: 200 }}
          value={stage}
          onChange={setStage}
          options={['approved', 'under_construction', 'completed', 'handed_over'].map((s) => ({
            value: s,
            label: t(`support.stage_${s}` as 'support.stage_approved'),
          }))}
        />
        <Switch checked={behind} onChange={setBehind} /> {t('support.behindOnly')}
      </Space>
      <Table
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={{ pageSize: 50 }}
        columns={[
          {
            key: 'code',
            title: t('support.householdCode'),
            render: (_, r) => householdLink(r.householdId, r.householdCode),
          },
          { key: 'head', title: t('support.head'), dataIndex: 'headName' },
          {
            key: 'kind',
            title: t('support.houseKind'),
            render: (_, r) => (r.kind === 'build' ? t('support.houseBuild') : t('support.houseRepair')),
          },
          {
            key: 'stage',
            title: t('support.stage'),
            render: (_, r) => t(`support.stage_${r.stage}` as 'support.stage_approved'),
          },
          {
            key: 'planned',
            title: t('support.plannedCompletion'),
            render: (_, r) => dayjs(r.plannedCompletion).format('DD/MM/YYYY'),
          },
          {
            key: 'behind',
            title: t('support.behind'),
            render: (_, r) => (r.behindSchedule ? <Tag color="red">{t.label(r.behindSchedule)}</Tag> : null),
          },
        ]}
      />
    </>
  );
}

const categoryTag = (t: ReturnType<typeof useT>, c: 'poor' | 'near_poor') => (
  <Tag color={c === 'poor' ? 'red' : 'orange'}>{t(c === 'poor' ? 'support.poor' : 'support.nearPoor')}</Tag>
);

/** Poor and near-poor households of the year's lists that received nothing, and deprivations no support answers. */
function LeftBehindTab() {
  const t = useT();
  const { query: area, setYear } = useTargetingQuery();
  const left = useQuery({
    queryKey: ['targeting', 'left', area],
    queryFn: () => targetingApi.leftBehind({ ...area, limit: 500 }),
  });
  const gaps = useQuery({
    queryKey: ['targeting', 'gaps', area],
    queryFn: () => targetingApi.unaddressed({ ...area, limit: 500 }),
  });
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <YearFilter year={area.year} onChange={setYear} />
        <ExportButton view="left-behind" query={area} />
      </Space>
      <Typography.Title level={5}>{t('support.leftBehindTitle', { count: left.data?.total ?? 0 })}</Typography.Title>
      <Table
        size="small"
        rowKey="householdId"
        loading={left.isLoading}
        dataSource={left.data?.items}
        pagination={{ pageSize: 20 }}
        columns={[
          { key: 'code', title: t('support.householdCode'), render: (_, r) => householdLink(r.householdId, r.code) },
          { key: 'head', title: t('support.head'), dataIndex: 'headName' },
          { key: 'commune', title: t('support.commune'), dataIndex: 'communeCode' },
          { key: 'category', title: t('support.category'), render: (_, r) => categoryTag(t, r.category) },
          { key: 'dep', title: t('support.deprivations'), dataIndex: 'deprivationCount' },
        ]}
      />
      <Space style={{ margin: '16px 0 8px' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('support.unaddressedTitle', { count: gaps.data?.total ?? 0 })}
        </Typography.Title>
        <ExportButton view="unaddressed" query={area} />
      </Space>
      <Table
        size="small"
        rowKey={(r) => `${r.householdId}-${r.indicator}`}
        loading={gaps.isLoading}
        dataSource={gaps.data?.items}
        pagination={{ pageSize: 20 }}
        columns={[
          { key: 'code', title: t('support.householdCode'), render: (_, r) => householdLink(r.householdId, r.code) },
          { key: 'head', title: t('support.head'), dataIndex: 'headName' },
          { key: 'indicator', title: t('support.indicator'), dataIndex: 'indicator' },
          {
            key: 'kinds',
            title: t('support.missingKinds'),
            render: (_, r) => r.kinds.map((k) => <Tag key={k}>{t.label(SUPPORT_KIND_LABELS[k])}</Tag>),
          },
        ]}
      />
    </>
  );
}

/** The priority list under weights the officer edits, each score shown part by part. */
function PriorityTab() {
  const t = useT();
  const { query: area, setYear } = useTargetingQuery();
  const [rule, setRule] = useState<PriorityRule>({ ...DEFAULT_PRIORITY_RULE });
  const [budget, setBudget] = useState<{ budget?: number; cost?: number }>({});
  const query = { ...area, ...rule, ...budget };
  const list = useQuery({
    queryKey: ['targeting', 'priority', query],
    queryFn: () => targetingApi.priority({ ...query, limit: 500 }),
  });
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <YearFilter year={area.year} onChange={setYear} />
        <InputNumber
          aria-label={t('support.budget')}
          addonBefore={t('support.budget')}
          min={1}
          step={1_000_000}
          style={{ width: 260 }}
          value={budget.budget}
          onChange={(v) => setBudget({ ...budget, budget: v ?? undefined })}
        />
        <InputNumber
          aria-label={t('support.cost')}
          addonBefore={t('support.cost')}
          min={1}
          step={100_000}
          style={{ width: 240 }}
          value={budget.cost}
          onChange={(v) => setBudget({ ...budget, cost: v ?? undefined })}
        />
        <ExportButton view="priority" query={query} />
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        {PRIORITY_FACTORS.map((f) => (
          <InputNumber
            key={f}
            aria-label={t(`support.factor_${f}`)}
            addonBefore={t(`support.factor_${f}`)}
            min={0}
            max={100}
            value={rule[f]}
            onChange={(v) => setRule({ ...rule, [f]: v ?? 0 })}
            style={{ width: 250 }}
          />
        ))}
      </Space>
      {list.data?.coveredByBudget != null && (
        <Alert
          showIcon
          style={{ marginBottom: 12 }}
          message={t('support.covered', { count: list.data.coveredByBudget, total: list.data.total })}
        />
      )}
      <Table
        size="small"
        rowKey="householdId"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={{ pageSize: 50 }}
        rowClassName={(r) => (r.withinBudget ? 'within-budget' : '')}
        columns={[
          { key: 'rank', title: t('support.rank'), dataIndex: 'rank', width: 80 },
          { key: 'code', title: t('support.householdCode'), render: (_, r) => householdLink(r.householdId, r.code) },
          { key: 'head', title: t('support.head'), dataIndex: 'headName' },
          { key: 'category', title: t('support.category'), render: (_, r) => categoryTag(t, r.category) },
          { key: 'score', title: t('support.score'), dataIndex: 'score', width: 80 },
          {
            key: 'why',
            title: t('support.why'),
            render: (_, r) =>
              r.parts.map((p) => <Tag key={p.factor}>{`${t.label(p.label)} × ${p.count} = ${p.points}`}</Tag>),
          },
          {
            key: 'budget',
            title: t('support.withinBudget'),
            render: (_, r) =>
              r.withinBudget === null ? null : r.withinBudget ? <Tag color="green">{t('support.yes')}</Tag> : null,
          },
        ]}
      />
    </>
  );
}

/** Communes by poverty rate with their share of the year's support. */
function CoverageTab() {
  const t = useT();
  const { query: area, setYear } = useTargetingQuery();
  const data = useQuery({ queryKey: ['targeting', 'coverage', area], queryFn: () => targetingApi.coverage(area) });
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <YearFilter year={area.year} onChange={setYear} />
        <ExportButton view="coverage" query={area} />
      </Space>
      <Table
        size="small"
        rowKey="communeCode"
        loading={data.isLoading}
        dataSource={data.data?.communes}
        pagination={{ pageSize: 50 }}
        columns={[
          { key: 'name', title: t('support.commune'), dataIndex: 'name' },
          { key: 'assessed', title: t('support.assessed'), dataIndex: 'assessed' },
          { key: 'poor', title: t('support.poor'), dataIndex: 'poor' },
          { key: 'nearPoor', title: t('support.nearPoor'), dataIndex: 'nearPoor' },
          {
            key: 'rate',
            title: t('support.povertyRate'),
            render: (_, r) => `${r.povertyRate.toLocaleString('vi-VN')} %`,
          },
          { key: 'supported', title: t('support.supportedHouseholds'), dataIndex: 'supportedHouseholds' },
          { key: 'value', title: t('support.value'), render: (_, r) => formatVnd(r.supportValue) },
          {
            key: 'share',
            title: t('support.valueShare'),
            render: (_, r) => `${r.valueShare.toLocaleString('vi-VN')} %`,
          },
          {
            key: 'reached',
            title: t('support.reachedShare'),
            render: (_, r) => `${r.reached} (${r.reachedShare.toLocaleString('vi-VN')} %)`,
          },
        ]}
      />
    </>
  );
}

/**
 * Support and poverty reduction (Hỗ trợ & giảm nghèo): handing out to a list, the distributions
 * recorded, houses, the targeting views and the poverty-reduction models, one tab each (the tab
 * in the address, so a link can open one).
 */
export function SupportPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const TABS = [
    { key: 'distribution', label: t('support.tabDistribution'), children: <DistributionTab /> },
    { key: 'distributions', label: t('support.tabDistributions'), children: <DistributionsTab /> },
    { key: 'houses', label: t('support.tabHouses'), children: <HousesTab /> },
    { key: 'left-behind', label: t('support.tabLeftBehind'), children: <LeftBehindTab /> },
    { key: 'priority', label: t('support.tabPriority'), children: <PriorityTab /> },
    { key: 'coverage', label: t('support.tabCoverage'), children: <CoverageTab /> },
    { key: 'models', label: t('models.title'), children: <ModelsPage embedded /> },
  ];
  return (
    <>
      <PageHeader title={t('nav.support')} />
      <Tabs
        items={TABS}
        activeKey={params.get('tab') ?? 'distribution'}
        onChange={(tab) => setParams({ tab })}
        destroyOnHidden
      />
    </>
  );
}
