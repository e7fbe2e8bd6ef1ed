import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { useErrorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { fundApi, fundPath, type Verification } from './api';

/** The administrator's check of the ledger: every fund's hash chain recomputed, the first broken link named. */
export function LedgerVerificationPage() {
  const t = useT();
  const errorText = useErrorText();
  const check = useQuery({ queryKey: ['ledger', 'verification'], queryFn: fundApi.verification, gcTime: 0 });
  const data = check.data;
  return (
    <div className="page">
      <PageHeader
        title={t('fund.verification')}
        description={t('fund.verificationDescription')}
        extra={
          <Button icon={<ReloadOutlined />} loading={check.isFetching} onClick={() => void check.refetch()}>
            {t('fund.verify')}
          </Button>
        }
      />
      {check.isError && <Alert type="error" showIcon title={errorText(check.error)} />}
      {data && (
        <>
          <Alert
            type={data.ok ? 'success' : 'error'}
            showIcon
            title={data.ok ? t('fund.allIntact', { count: data.funds.length }) : t('fund.someBroken')}
            description={t('fund.checkedAt', { at: formatDateTime(data.checkedAt) })}
            style={{ marginBottom: 16 }}
          />
          <Table<Verification['funds'][number]>
            rowKey="fundId"
            size="small"
            pagination={false}
            dataSource={data.funds}
            columns={[
              {
                key: 'name',
                title: t('fund.name'),
                render: (_: unknown, f) => <Link to={fundPath(f.fundId)}>{f.name}</Link>,
              },
              { key: 'postings', title: t('fund.postings'), dataIndex: 'postings', align: 'right' },
              {
                key: 'status',
                title: t('fund.status'),
                render: (_: unknown, f) =>
                  f.ok ? <Tag color="green">{t('fund.intact')}</Tag> : <Tag color="red">{t('fund.broken')}</Tag>,
              },
              {
                key: 'first',
                title: t('fund.firstBroken'),
                render: (_: unknown, f) =>
                  f.firstBroken && (
                    <Typography.Text type="danger">
                      {f.firstBroken.seq !== null && `#${f.firstBroken.seq} `}
                      {f.firstBroken.postingId ?? ''} — {f.firstBroken.problem}
                    </Typography.Text>
                  ),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
