import { FilePdfOutlined, MinusOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Progress,
  Row,
  Select,
  Space,
  Statistic,
  Tabs,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  DONOR_KIND_LABELS,
  formatVnd,
  METHOD_LABELS,
  POSTING_KIND_LABELS,
  POSTING_KINDS,
  PURPOSE_LABELS,
  type PostingKind,
} from '../../../domain/fund';
import { LinkButton } from '../../components/LinkButton';
import { ListTable } from '../../components/ListTable';
import { ListToolbar } from '../../components/ListToolbar';
import { PageHeader } from '../../components/PageHeader';
import { NotFoundResult } from '../../components/Results';
import { useT } from '../../i18n';
import { useErrorText } from '../../lib/errors';
import { formatDate, formatNumber } from '../../lib/format';
import { householdPath } from '../households/paths';
import { fundApi, publicFundPath, receiptPdfUrl, type Campaign, type Fund, type Posting } from './api';
import { DonorsTab } from './DonorsTab';
import { PledgesTab } from './PledgesTab';
import { ReportCard } from './ReportCard';
import { StatementTab } from './StatementTab';
import { AllocationModal, CampaignModal, ExpenditureModal, ReceiptModal, ReversalModal } from './FundModals';

const KIND_COLORS: Record<PostingKind, string> = {
  receipt: 'green',
  expenditure: 'orange',
  allocation: 'blue',
  reversal: 'red',
};

export function FundPage() {
  const { id = '' } = useParams();
  const fund = useQuery({ queryKey: ['funds', 'one', id], queryFn: () => fundApi.one(id) });
  if (fund.isError) return <NotFoundResult />;
  if (!fund.data) return <Card loading />;
  return <FundView fund={fund.data} />;
}

type Dialog = 'receipt' | 'expenditure' | 'allocation' | 'campaign' | null;

function FundView({ fund }: { fund: Fund }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reversing, setReversing] = useState<Posting | null>(null);
  const [q, setQ] = useState<string | undefined>();
  const [kind, setKind] = useState<PostingKind | undefined>();
  const [page, setPage] = useState({ limit: 20, offset: 0 });
  const balance = useQuery({ queryKey: ['funds', 'balance', fund.id], queryFn: () => fundApi.balance(fund.id) });
  const campaigns = useQuery({ queryKey: ['funds', 'campaigns', fund.id], queryFn: () => fundApi.campaigns(fund.id) });
  const query = { q, kind, ...page };
  const postings = useQuery({
    queryKey: ['funds', 'postings', fund.id, query],
    queryFn: () => fundApi.postings(fund.id, query),
    placeholderData: keepPreviousData,
  });
  const campaignList = campaigns.data?.items ?? [];
  const campaignName = new Map(campaignList.map((c) => [c.id, c.name]));

  const saved = async (posting: Posting) => {
    setDialog(null);
    setReversing(null);
    void message.success(
      posting.receiptNumber
        ? t('fund.receiptSaved', { number: posting.receiptNumber })
        : t('fund.saved', { seq: posting.seq }),
    );
    await queryClient.invalidateQueries({ queryKey: ['funds'] });
  };

  const columns: TableProps<Posting>['columns'] = [
    { key: 'seq', title: '#', dataIndex: 'seq', width: 60 },
    { key: 'date', title: t('fund.date'), render: (_: unknown, p) => formatDate(p.date), width: 110 },
    {
      key: 'kind',
      title: t('fund.kind'),
      render: (_: unknown, p) => <Tag color={KIND_COLORS[p.kind]}>{t.label(POSTING_KIND_LABELS[p.kind])}</Tag>,
    },
    { key: 'number', title: t('fund.number'), className: 'nowrap', render: (_: unknown, p) => p.receiptNumber ?? '' },
    {
      key: 'content',
      title: t('fund.content'),
      render: (_: unknown, p) => <PostingContent posting={p} campaigns={campaignName} />,
    },
    {
      key: 'amount',
      title: t('fund.amount'),
      align: 'right',
      className: 'nowrap',
      render: (_: unknown, p) => (
        <Typography.Text strong type={p.kind === 'receipt' ? 'success' : p.kind === 'reversal' ? 'danger' : undefined}>
          {formatVnd(p.amount)}
        </Typography.Text>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_: unknown, p) => (
        <Space wrap>
          {p.reversedBy && <Tag color="red">{t('fund.reversed')}</Tag>}
          {p.receiptNumber && (
            <Button size="small" icon={<FilePdfOutlined />} href={receiptPdfUrl(p.id)} target="_blank">
              {t('fund.receiptPdf')}
            </Button>
          )}
          {fund.canPost && p.kind !== 'reversal' && !p.reversedBy && (
            <Button size="small" danger onClick={() => setReversing(p)}>
              {t('fund.reverse')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div className="page">
      <PageHeader
        title={fund.name}
        description={fund.unitName ?? undefined}
        extra={
          fund.canPost && (
            <Space wrap>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('receipt')}>
                {t('fund.recordReceipt')}
              </Button>
              <Button icon={<MinusOutlined />} onClick={() => setDialog('expenditure')}>
                {t('fund.recordExpenditure')}
              </Button>
              <Button icon={<SwapOutlined />} onClick={() => setDialog('allocation')}>
                {t('fund.recordAllocation')}
              </Button>
              <Button onClick={() => setDialog('campaign')}>{t('fund.openCampaign')}</Button>
              <LinkButton to={publicFundPath(fund.id)}>{t('fund.publicPage')}</LinkButton>
            </Space>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card>
            <Row gutter={[16, 16]}>
              <Col xs={12} md={8}>
                <Statistic title={t('fund.balance')} value={formatVnd(balance.data?.balance ?? fund.balance)} />
              </Col>
              <Col xs={12} md={8}>
                <Statistic title={t('fund.receipts')} value={formatVnd(balance.data?.receipts ?? 0)} />
              </Col>
              <Col xs={12} md={8}>
                <Statistic title={t('fund.expenditures')} value={formatVnd(balance.data?.expenditures ?? 0)} />
              </Col>
              <Col xs={12} md={8}>
                <Statistic title={t('fund.allocationsIn')} value={formatVnd(balance.data?.allocationsIn ?? 0)} />
              </Col>
              <Col xs={12} md={8}>
                <Statistic title={t('fund.allocationsOut')} value={formatVnd(balance.data?.allocationsOut ?? 0)} />
              </Col>
            </Row>
          </Card>
          <Card title={t('fund.campaigns')} style={{ marginTop: 16 }} loading={campaigns.isLoading}>
            <CampaignProgress campaigns={campaignList} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <DonationQrCard fund={fund} campaigns={campaignList} />
          <ReportCard fundId={fund.id} />
        </Col>
      </Row>
      <Tabs
        style={{ marginTop: 24 }}
        items={[
          {
            key: 'ledger',
            label: t('fundBank.ledgerTab'),
            children: (
              <>
                <ListToolbar
                  searchPlaceholder={t('fund.content')}
                  onSearch={(value) => {
                    setQ(value);
                    setPage((p) => ({ ...p, offset: 0 }));
                  }}
                >
                  <Select
                    allowClear
                    placeholder={t('fund.kind')}
                    style={{ minWidth: 160 }}
                    value={kind}
                    onChange={(v?: PostingKind) => {
                      setKind(v);
                      setPage((p) => ({ ...p, offset: 0 }));
                    }}
                    options={POSTING_KINDS.map((k) => ({ value: k, label: t.label(POSTING_KIND_LABELS[k]) }))}
                  />
                </ListToolbar>
                <ListTable<Posting>
                  rowKey="id"
                  columns={columns}
                  list={postings}
                  page={page}
                  onPage={setPage}
                  scroll={{ x: 900 }}
                  emptyText={t('fund.ledgerEmpty')}
                />
              </>
            ),
          },
          {
            key: 'donors',
            label: t('fundDonors.tab'),
            children: <DonorsTab fund={fund} />,
          },
          {
            key: 'pledges',
            label: t('fundBank.pledgesTab'),
            children: <PledgesTab fund={fund} campaigns={campaignList} />,
          },
          {
            key: 'statement',
            label: t('fundBank.statementTab'),
            children: <StatementTab fund={fund} campaigns={campaignList} />,
          },
        ]}
      />
      <ReceiptModal
        open={dialog === 'receipt'}
        fund={fund}
        campaigns={campaignList}
        onClose={() => setDialog(null)}
        onSaved={saved}
      />
      <ExpenditureModal
        open={dialog === 'expenditure'}
        fund={fund}
        campaigns={campaignList}
        onClose={() => setDialog(null)}
        onSaved={saved}
      />
      <AllocationModal open={dialog === 'allocation'} fund={fund} onClose={() => setDialog(null)} onSaved={saved} />
      <CampaignModal
        open={dialog === 'campaign'}
        fund={fund}
        onClose={() => setDialog(null)}
        onSaved={async () => {
          setDialog(null);
          await queryClient.invalidateQueries({ queryKey: ['funds', 'campaigns', fund.id] });
        }}
      />
      <ReversalModal posting={reversing} onClose={() => setReversing(null)} onSaved={saved} />
    </div>
  );
}

function PostingContent({ posting: p, campaigns }: { posting: Posting; campaigns: Map<string, string> }) {
  const t = useT();
  const parts: string[] = [];
  if (p.kind === 'receipt' || (p.kind === 'reversal' && p.donor)) {
    if (p.donor) parts.push(p.donor.name ?? t.label(DONOR_KIND_LABELS[p.donor.kind]));
    if (p.method) parts.push(t.label(METHOD_LABELS[p.method]));
  }
  if (p.purpose) parts.push(t.label(PURPOSE_LABELS[p.purpose]));
  if (p.decisionNumber) parts.push(p.decisionNumber);
  if (p.campaignId && campaigns.has(p.campaignId)) parts.push(campaigns.get(p.campaignId)!);
  return (
    <div>
      <div>{parts.join(' · ')}</div>
      {p.inKindItems && p.inKindItems.length > 0 && (
        <div>
          {p.inKindItems
            .map((i) => `${i.name}: ${formatNumber(i.quantity)} ${i.unit} (${formatVnd(i.value)})`)
            .join('; ')}
        </div>
      )}
      {p.description && <Typography.Text type="secondary">{p.description}</Typography.Text>}
      {p.householdId && (
        // Spending on a household is its support record (one fact): shown on the household's support tab.
        <div>
          <Link to={`${householdPath(p.householdId)}?tab=support`}>{t('fund.householdSupport')}</Link>
        </div>
      )}
      {p.reason && (
        <div>
          <Typography.Text type="danger">
            {t('fund.reason')}: {p.reason}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

function CampaignProgress({ campaigns }: { campaigns: Campaign[] }) {
  const t = useT();
  if (campaigns.length === 0) return <Typography.Text type="secondary">{t('fund.campaignsEmpty')}</Typography.Text>;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {campaigns.map((c) => (
        <div key={c.id} className="fund-campaign">
          <Space wrap>
            <Typography.Text strong>{c.name}</Typography.Text>
            {c.kind === 'peak_month' && <Tag color="gold">{t('fund.peakMonth')}</Tag>}
            <Typography.Text type="secondary">
              {formatDate(c.startDate)} – {formatDate(c.endDate)}
            </Typography.Text>
          </Space>
          <div>
            {t('fund.raised')}: <strong>{formatVnd(c.raised)}</strong>
            {c.targetAmount ? ` / ${formatVnd(c.targetAmount)}` : ''} · {t('fund.spent')}: {formatVnd(c.spent)}
          </div>
          {c.targetAmount ? <Progress percent={Math.min(100, Math.round((c.raised / c.targetAmount) * 100))} /> : null}
        </div>
      ))}
    </Space>
  );
}

function DonationQrCard({ fund, campaigns }: { fund: Fund; campaigns: Campaign[] }) {
  const t = useT();
  const errorText = useErrorText();
  const [campaignId, setCampaignId] = useState<string | undefined>();
  const qr = useQuery({
    queryKey: ['funds', 'qr', fund.id, campaignId],
    queryFn: () => fundApi.qr(fund.id, campaignId),
    enabled: !!fund.bankBin && !!fund.accountNumber,
  });
  return (
    <Card title={t('fund.donate')}>
      {!fund.bankBin || !fund.accountNumber ? (
        <Alert type="info" title={t('fund.noBankAccount')} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select
            allowClear
            placeholder={t('fund.noCampaign')}
            style={{ width: '100%' }}
            value={campaignId}
            onChange={setCampaignId}
            options={campaigns.map((c) => ({ value: c.id, label: c.name }))}
          />
          {qr.isError && <Alert type="error" title={errorText(qr.error)} />}
          {qr.data && (
            <>
              <div
                className="fund-qr"
                role="img"
                aria-label={t('fund.donate')}
                dangerouslySetInnerHTML={{ __html: qr.data.svg }}
              />
              <Typography.Text>
                {fund.bankName} · {qr.data.accountNumber} · {qr.data.accountHolder}
              </Typography.Text>
              <Typography.Text>
                {t('fund.transferNote')}: <Typography.Text code>{qr.data.note}</Typography.Text>
              </Typography.Text>
              <Typography.Text type="secondary">{t('fund.qrHelp')}</Typography.Text>
            </>
          )}
        </Space>
      )}
    </Card>
  );
}
