import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Form,
  Progress,
  Radio,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useRef, useState } from 'react';
import { formatVnd, STATEMENT_LINE_STATUSES, type StatementLineStatus } from '../../../domain/fund';
import { FormModal } from '../../components/FormModal';
import { ListTable } from '../../components/ListTable';
import { useT } from '../../i18n';
import { useErrorText } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import {
  fundApi,
  pledgeApi,
  statementApi,
  type Campaign,
  type Fund,
  type ImportProgress,
  type LineOutcome,
  type StatementImport,
  type StatementLine,
  type StatementMatch,
} from './api';
import { CampaignItem, donorOf, DonorItems, ReasonItem, type DonorValues } from './FundModals';

/** The sample statement shipped with the app (docs/samples), to try the import on the demo. */
export const SAMPLE_STATEMENT_URL = '/samples/sao-ke-mau.csv';

const OUTCOME_COLORS: Record<LineOutcome, string> = {
  pledge: 'green',
  campaign: 'green',
  unmatched: 'orange',
  debit: 'default',
  already_imported: 'blue',
};
const STATUS_COLORS: Record<StatementLineStatus, string> = {
  unmatched: 'orange',
  matched: 'green',
  set_aside: 'default',
};

/**
 * The fund's bank statement: upload a file, see each transfer matched or not, import; then the
 * transfers still waiting are matched by hand or set aside.
 */
export function StatementTab({ fund, campaigns }: { fund: Fund; campaigns: Campaign[] }) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<StatementImport | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [status, setStatus] = useState<StatementLineStatus>('unmatched');
  const [page, setPage] = useState({ limit: 20, offset: 0 });
  const [matching, setMatching] = useState<StatementLine | null>(null);
  const [settingAside, setSettingAside] = useState<StatementLine | null>(null);
  const query = { status, ...page };
  const lines = useQuery({
    queryKey: ['funds', 'statement-lines', fund.id, query],
    queryFn: () => statementApi.lines(fund.id, query),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['funds'] });

  const send = async (chosen: File, dryRun: boolean) => {
    setBusy(true);
    try {
      const result = await statementApi.import(fund.id, chosen, dryRun, dryRun ? undefined : setProgress);
      if (dryRun) {
        setFile(chosen);
        setPreview(result);
      } else {
        setFile(null);
        setPreview(null);
        void message.success(
          t('fundBank.imported', { matched: result.totals.matched, unmatched: result.totals.unmatched }),
        );
        await refresh();
      }
    } catch (e) {
      setPreview(null);
      void message.error({ content: errorText(e), duration: 8 });
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const outcomeText = (l: StatementImport['lines'][number]) =>
    l.outcome === 'pledge'
      ? t('fundBank.outcomePledge', { reference: l.pledgeReference ?? '' })
      : l.outcome === 'campaign'
        ? t('fundBank.outcomeCampaign', { name: l.campaignName ?? '' })
        : l.outcome === 'unmatched'
          ? t('fundBank.outcomeUnmatched')
          : l.outcome === 'debit'
            ? t('fundBank.outcomeDebit')
            : t('fundBank.outcomeAlready');

  const previewColumns: TableProps<StatementImport['lines'][number]>['columns'] = [
    { key: 'row', title: t('fundBank.row'), dataIndex: 'row', width: 60 },
    { key: 'date', title: t('fund.date'), render: (_: unknown, l) => formatDate(l.date), width: 110 },
    { key: 'id', title: t('fundBank.transactionId'), dataIndex: 'bankTransactionId' },
    {
      key: 'amount',
      title: t('fund.amount'),
      align: 'right',
      render: (_: unknown, l) => (l.credit ? formatVnd(l.credit) : `−${formatVnd(l.debit)}`),
    },
    { key: 'note', title: t('fundBank.note'), dataIndex: 'content' },
    {
      key: 'outcome',
      title: t('fundBank.outcome'),
      render: (_: unknown, l) => (
        <div>
          <Tag color={OUTCOME_COLORS[l.outcome]}>{outcomeText(l)}</Tag>
          {l.reason && l.outcome !== 'already_imported' && (
            <div>
              <Typography.Text type="secondary">{t.lang === 'vi' ? l.reason : l.reasonEn}</Typography.Text>
            </div>
          )}
        </div>
      ),
    },
  ];

  const lineColumns: TableProps<StatementLine>['columns'] = [
    { key: 'date', title: t('fund.date'), render: (_: unknown, l) => formatDate(l.date), width: 110 },
    { key: 'id', title: t('fundBank.transactionId'), dataIndex: 'bankTransactionId' },
    { key: 'amount', title: t('fund.amount'), align: 'right', render: (_: unknown, l) => formatVnd(l.amount) },
    { key: 'note', title: t('fundBank.note'), dataIndex: 'content' },
    {
      key: 'status',
      title: t('fundBank.lineStatus'),
      render: (_: unknown, l) => (
        <div>
          <Tag color={STATUS_COLORS[l.status]}>{statusLabel(l.status)}</Tag>
          {l.receiptNumber && (
            <Typography.Text>
              {t('fund.number')} {l.receiptNumber} ({l.matchedBy === 'auto' ? t('fundBank.auto') : t('fundBank.byHand')}
              )
            </Typography.Text>
          )}
          {l.reason && (
            <div>
              <Typography.Text type="secondary">{l.reason}</Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_: unknown, l) =>
        fund.canPost &&
        l.status === 'unmatched' && (
          <Space wrap>
            <Button size="small" type="primary" onClick={() => setMatching(l)}>
              {t('fundBank.match')}
            </Button>
            <Button size="small" onClick={() => setSettingAside(l)}>
              {t('fundBank.setAside')}
            </Button>
          </Space>
        ),
    },
  ];
  function statusLabel(s: StatementLineStatus) {
    return s === 'unmatched'
      ? t('fundBank.statusUnmatched')
      : s === 'matched'
        ? t('fundBank.statusMatched')
        : t('fundBank.statusSetAside');
  }

  return (
    <>
      {fund.canPost && (
        <>
          <Typography.Paragraph>{t('fundBank.statementIntro')}</Typography.Paragraph>
          <Space wrap style={{ display: 'flex', marginBottom: 16 }}>
            <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
              {t('fundBank.chooseFile')}
            </Button>
            <input
              ref={input}
              type="file"
              accept=".csv,.xlsx"
              hidden
              aria-label={t('fundBank.chooseFile')}
              onChange={(e) => {
                const chosen = e.target.files?.[0];
                e.target.value = '';
                if (chosen) void send(chosen, true);
              }}
            />
            <Button icon={<DownloadOutlined />} href={SAMPLE_STATEMENT_URL} download>
              {t('fundBank.sample')}
            </Button>
          </Space>
        </>
      )}
      {preview && file && (
        <>
          <Alert
            type={preview.totals.unmatched ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 12 }}
            title={`${file.name}: ${t('fundBank.previewSummary', {
              matched: preview.totals.matched,
              amount: formatVnd(preview.totals.matchedAmount),
              unmatched: preview.totals.unmatched,
              ignored: preview.totals.ignored,
              already: preview.totals.alreadyImported,
            })}`}
            action={
              <Button
                type="primary"
                loading={busy}
                disabled={preview.totals.matched + preview.totals.unmatched === 0}
                onClick={() => void send(file, false)}
              >
                {t('fundBank.importRows', { count: preview.totals.matched })}
              </Button>
            }
          />
          {progress && (
            <div role="status" style={{ marginBottom: 12 }}>
              <Typography.Text>
                {t('fundBank.importing', { done: progress.done, total: progress.total })}
              </Typography.Text>
              <Progress percent={Math.floor((progress.done / progress.total) * 100)} />
            </div>
          )}
          <Table
            rowKey="row"
            size="small"
            columns={previewColumns}
            dataSource={preview.lines}
            pagination={false}
            scroll={{ x: 900 }}
            style={{ marginBottom: 24 }}
          />
        </>
      )}
      <Space style={{ display: 'flex', marginBottom: 12 }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('fundBank.lines')}
        </Typography.Title>
        <Segmented<StatementLineStatus>
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage((p) => ({ ...p, offset: 0 }));
          }}
          options={STATEMENT_LINE_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
        />
      </Space>
      <ListTable<StatementLine>
        rowKey="id"
        columns={lineColumns}
        list={lines}
        page={page}
        onPage={setPage}
        scroll={{ x: 900 }}
        emptyText={t('fundBank.linesEmpty')}
      />
      <MatchModal
        line={matching}
        fund={fund}
        campaigns={campaigns}
        onClose={() => setMatching(null)}
        onSaved={async (l) => {
          setMatching(null);
          void message.success(t('fundBank.matched', { id: l.bankTransactionId }));
          await refresh();
        }}
      />
      <FormModal
        open={!!settingAside}
        title={t('fundBank.setAsideTitle', { id: settingAside?.bankTransactionId ?? '' })}
        okText={t('fundBank.setAside')}
        intro={<p>{t('fundBank.setAsideIntro')}</p>}
        onClose={() => setSettingAside(null)}
        submit={(v: { reason: string }) => statementApi.setAside(settingAside!.id, v.reason)}
        onSaved={async (l) => {
          setSettingAside(null);
          void message.success(t('fundBank.setAsideDone', { id: l.bankTransactionId }));
          await refresh();
        }}
      >
        <ReasonItem />
      </FormModal>
    </>
  );
}

interface MatchValues extends DonorValues {
  to: StatementMatch['to'];
  pledgeId?: string;
  campaignId?: string;
  postingId?: string;
}

/** Match a waiting transfer by hand: to a pledge, a campaign (a new receipt), or a receipt already recorded. */
function MatchModal({
  line,
  fund,
  campaigns,
  onClose,
  onSaved,
}: {
  line: StatementLine | null;
  fund: Fund;
  campaigns: Campaign[];
  onClose: () => void;
  onSaved: (l: StatementLine) => unknown;
}) {
  const t = useT();
  const [receiptQ, setReceiptQ] = useState('');
  const pledges = useQuery({
    queryKey: ['funds', 'pledges', fund.id, 'payable'],
    queryFn: async () => {
      const [open, partly] = await Promise.all([
        pledgeApi.list(fund.id, { status: 'open', limit: 200, offset: 0 }),
        pledgeApi.list(fund.id, { status: 'partly_paid', limit: 200, offset: 0 }),
      ]);
      return [...open.items, ...partly.items];
    },
    enabled: !!line,
  });
  const receipts = useQuery({
    queryKey: ['funds', 'postings', fund.id, 'receipts', receiptQ],
    queryFn: () => fundApi.postings(fund.id, { kind: 'receipt', q: receiptQ || undefined, limit: 50, offset: 0 }),
    enabled: !!line,
  });
  const sameAmount = (receipts.data?.items ?? []).filter((p) => p.amount === line?.amount && !p.reversedBy);
  const toBody = (v: MatchValues): StatementMatch =>
    v.to === 'pledge'
      ? { to: 'pledge', pledgeId: v.pledgeId! }
      : v.to === 'receipt'
        ? { to: 'receipt', postingId: v.postingId! }
        : { to: 'campaign', campaignId: v.campaignId ?? null, donor: donorOf(v) };
  return (
    <FormModal
      open={!!line}
      title={t('fundBank.matchTitle', { id: line?.bankTransactionId ?? '', amount: formatVnd(line?.amount ?? 0) })}
      okText={t('fundBank.match')}
      intro={<Typography.Paragraph code>{line?.content}</Typography.Paragraph>}
      onClose={onClose}
      initialValues={{ to: 'pledge', donorKind: 'anonymous', publishName: true }}
      submit={(v: MatchValues) => statementApi.match(line!.id, toBody(v))}
      onSaved={onSaved}
    >
      <Form.Item name="to" label={t('fundBank.matchTo')}>
        <Radio.Group
          options={[
            { value: 'pledge', label: t('fundBank.toPledge') },
            { value: 'campaign', label: t('fundBank.toCampaign') },
            { value: 'receipt', label: t('fundBank.toReceipt') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a: MatchValues, b: MatchValues) => a.to !== b.to}>
        {({ getFieldValue }) =>
          getFieldValue('to') === 'pledge' ? (
            <Form.Item
              name="pledgeId"
              label={t('fundBank.pledgesTab')}
              rules={[{ required: true, message: t('fundBank.pledgeRequired') }]}
            >
              <Select
                showSearch
                optionFilterProp="label"
                options={(pledges.data ?? []).map((p) => ({
                  value: p.id,
                  label: `${p.reference} · ${p.donor.name ?? ''} · ${formatVnd(p.amount - p.paid)}`,
                }))}
              />
            </Form.Item>
          ) : getFieldValue('to') === 'receipt' ? (
            <Form.Item
              name="postingId"
              label={t('fundBank.receipt')}
              rules={[{ required: true, message: t('fundBank.receiptRequired') }]}
            >
              <Select
                showSearch
                filterOption={false}
                onSearch={setReceiptQ}
                placeholder={t('fundBank.receiptSearch')}
                options={sameAmount.map((p) => ({
                  value: p.id,
                  label: `${p.receiptNumber} · ${formatDate(p.date)} · ${p.donor?.name ?? ''} · ${formatVnd(p.amount)}`,
                }))}
              />
            </Form.Item>
          ) : (
            <>
              <CampaignItem campaigns={campaigns} />
              <DonorItems />
            </>
          )
        }
      </Form.Item>
    </FormModal>
  );
}
