import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { formatVnd } from '../../../domain/fund';
import { distributionTitle, SUPPORT_KIND_LABELS } from '../../../domain/support';
import { DownloadButton } from '../../components/DownloadButton';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { useErrorText } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { HOUSEHOLDS_PATH } from '../households/paths';
import { distributionsApi, supportQueries, type DistributionDetail } from './api';
import { SUPPORT_PATH } from './paths';

type Recipient = DistributionDetail['recipients'][number];

/** One distribution: what was handed out, where, when, on whose decision and paid by which fund, and to whom. */
export function DistributionPage() {
  const { id = '' } = useParams();
  const t = useT();
  const errorText = useErrorText();
  const query = useQuery({ queryKey: ['support', 'distributions', id], queryFn: () => distributionsApi.get(id) });
  const sources = useQuery(supportQueries.sources());
  if (query.isError) return <Alert type="error" showIcon title={errorText(query.error)} />;
  const d = query.data;
  if (!d) return <Card loading />;
  const none = t('common.none');
  return (
    <div className="page">
      <PageHeader
        title={distributionTitle(d, t.lang)}
        description={<Link to={`${SUPPORT_PATH}?tab=distributions`}>{t('support.distributions')}</Link>}
        extra={
          <DownloadButton
            label={t('support.exportRecipients')}
            download={() => distributionsApi.exportRecipients(d.id)}
          />
        }
      />
      <Card>
        <Descriptions
          size="small"
          column={{ xs: 1, xl: 2 }}
          items={[
            { key: 'kind', label: t('support.kind'), children: t.label(SUPPORT_KIND_LABELS[d.kind]) },
            { key: 'date', label: t('support.date'), children: formatDate(d.date) },
            { key: 'commune', label: t('support.commune'), children: d.communeName },
            {
              key: 'source',
              label: t('support.source'),
              children: t.label(sources.data?.find((s) => s.code === d.sourceCode)?.name) || d.sourceCode,
            },
            { key: 'decision', label: t('support.decision'), children: d.decisionNumber ?? none },
            { key: 'fund', label: t('support.fundPaid'), children: d.fundName ?? none },
            ...(d.campaignName ? [{ key: 'campaign', label: t('support.campaign'), children: d.campaignName }] : []),
            { key: 'households', label: t('support.households'), children: d.households },
            {
              key: 'value',
              label: t('support.totalValue'),
              children: (
                <>
                  {formatVnd(d.totalValue)}
                  {d.cancelled > 0 && (
                    <Tag color="orange" style={{ marginLeft: 8 }}>
                      {t('support.cancelledCount', { n: d.cancelled })}
                    </Tag>
                  )}
                </>
              ),
            },
          ]}
        />
      </Card>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('support.recipients')}
      </Typography.Title>
      <Table<Recipient>
        size="small"
        rowKey="supportId"
        dataSource={d.recipients}
        pagination={{ pageSize: 50 }}
        columns={[
          { key: 'row', title: t('support.row'), render: (_, _r, i) => i + 1, width: 70 },
          {
            key: 'code',
            title: t('support.householdCode'),
            render: (_, r) => <Link to={`${HOUSEHOLDS_PATH}/${r.householdId}`}>{r.householdCode}</Link>,
          },
          { key: 'head', title: t('support.head'), dataIndex: 'headName' },
          { key: 'recipient', title: t('support.recipient'), render: (_, r) => r.memberName ?? r.headName },
          { key: 'value', title: t('support.value'), render: (_, r) => formatVnd(r.value), align: 'right' },
          { key: 'note', title: t('support.note'), render: (_, r) => r.note ?? '' },
          {
            key: 'status',
            title: t('support.status'),
            render: (_, r) =>
              r.cancelled ? (
                <Tag color="red">{t('support.cancelled')}</Tag>
              ) : (
                <Tag color="green">{t('support.received')}</Tag>
              ),
          },
        ]}
      />
    </div>
  );
}
