import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Progress, Row, Space, Statistic, Table, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { formatVnd, PURPOSE_LABELS } from '../../../domain/fund';
import { PageHeader } from '../../components/PageHeader';
import { NotFoundResult } from '../../components/Results';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { publicFundApi, type PublicFund } from './api';

/** A fund's public report (no login): what came in, what went out, to how many households; printable. */
export function PublicFundPage() {
  const { id = '' } = useParams();
  const fund = useQuery({ queryKey: ['public-fund', id], queryFn: () => publicFundApi.one(id) });
  if (fund.isError) return <NotFoundResult />;
  if (!fund.data) return <Card loading />;
  return <Disclosure fund={fund.data} />;
}

function Disclosure({ fund }: { fund: PublicFund }) {
  const t = useT();
  const campaignName = new Map(fund.campaigns.map((c) => [c.id, c.name]));
  return (
    <div className="page public-fund">
      <PageHeader
        title={fund.name}
        description={t('fund.publicDescription', { unit: fund.unitName ?? '' })}
        extra={
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} className="no-print">
            {t('fund.print')}
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card>
            <Row gutter={[16, 16]}>
              <Col xs={12} md={8}>
                <Statistic title={t('fund.balance')} value={formatVnd(fund.balance)} />
              </Col>
              <Col xs={12} md={8}>
                <Statistic title={t('fund.receipts')} value={formatVnd(fund.receiptsTotal)} />
              </Col>
              <Col xs={12} md={8}>
                <Statistic title={t('fund.expenditures')} value={formatVnd(fund.spentTotal)} />
              </Col>
              <Col xs={12} md={8}>
                <Statistic title={t('fund.allocationsIn')} value={formatVnd(fund.allocationsIn)} />
              </Col>
              <Col xs={12} md={8}>
                <Statistic title={t('fund.allocationsOut')} value={formatVnd(fund.allocationsOut)} />
              </Col>
              <Col xs={12} md={8}>
                <Statistic title={t('fund.householdsSupported')} value={fund.householdsSupported} />
              </Col>
            </Row>
          </Card>
          <Card title={t('fund.campaigns')} style={{ marginTop: 16 }}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fund.campaigns.map((c) => (
                <div key={c.id}>
                  <Typography.Text strong>{c.name}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {formatDate(c.startDate)} – {formatDate(c.endDate)}
                  </Typography.Text>
                  <div>
                    {t('fund.raised')}: <strong>{formatVnd(c.raised)}</strong>
                    {c.targetAmount ? ` / ${formatVnd(c.targetAmount)}` : ''} · {t('fund.spent')}: {formatVnd(c.spent)}
                  </div>
                  {c.targetAmount ? (
                    <Progress percent={Math.min(100, Math.round((c.raised / c.targetAmount) * 100))} />
                  ) : null}
                </div>
              ))}
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('fund.donate')}>
            {fund.qr ? (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <div
                  className="fund-qr"
                  role="img"
                  aria-label={t('fund.donate')}
                  dangerouslySetInnerHTML={{ __html: fund.qr.svg }}
                />
                <Typography.Text>
                  {fund.bankName} · {fund.accountNumber} · {fund.accountHolder}
                </Typography.Text>
                <Typography.Text>
                  {t('fund.transferNote')}: <Typography.Text code>{fund.qr.note}</Typography.Text>
                </Typography.Text>
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('fund.noBankAccount')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card title={t('fund.spendingByPurpose')}>
            <Table
              size="small"
              pagination={false}
              rowKey="purpose"
              dataSource={fund.spendingByPurpose}
              columns={[
                {
                  key: 'purpose',
                  title: t('fund.purpose'),
                  render: (_: unknown, r) => t.label(PURPOSE_LABELS[r.purpose]),
                },
                { key: 'count', title: t('fund.count'), dataIndex: 'count', align: 'right' },
                {
                  key: 'amount',
                  title: t('fund.amount'),
                  render: (_: unknown, r) => formatVnd(r.amount),
                  align: 'right',
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('fund.spendingByCommune')}>
            <Table
              size="small"
              pagination={false}
              rowKey={(r) => r.communeCode ?? '-'}
              dataSource={fund.spendingByCommune}
              columns={[
                { key: 'name', title: t('fund.unit'), render: (_: unknown, r) => r.name ?? fund.unitName },
                { key: 'count', title: t('fund.count'), dataIndex: 'count', align: 'right' },
                {
                  key: 'amount',
                  title: t('fund.amount'),
                  render: (_: unknown, r) => formatVnd(r.amount),
                  align: 'right',
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card title={t('fund.publicReceipts')} style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey={(r) => fund.receipts.indexOf(r)}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          dataSource={fund.receipts}
          scroll={{ x: 480 }}
          columns={[
            { key: 'date', title: t('fund.date'), render: (_: unknown, r) => formatDate(r.date), width: 110 },
            { key: 'donor', title: t('fund.donorName'), dataIndex: 'donor' },
            {
              key: 'campaign',
              title: t('fund.campaign'),
              render: (_: unknown, r) => (r.campaignId ? (campaignName.get(r.campaignId) ?? '') : ''),
            },
            { key: 'amount', title: t('fund.amount'), render: (_: unknown, r) => formatVnd(r.amount), align: 'right' },
          ]}
        />
      </Card>
    </div>
  );
}
