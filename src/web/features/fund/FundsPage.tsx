import { PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { formatVnd } from '../../../domain/fund';
import { FormModal } from '../../components/FormModal';
import { LinkButton } from '../../components/LinkButton';
import { ListTable } from '../../components/ListTable';
import { ListToolbar } from '../../components/ListToolbar';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { useSession } from '../auth/session';
import { fundApi, fundPath, LEDGER_PATH, type Fund } from './api';

const PAGE_SIZE = 50;

/** The funds of the user's area (a commune sees its own and its province's), with their balances. */
export function FundsPage() {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { permissions } = useSession();
  const [q, setQ] = useState<string | undefined>();
  const [page, setPage] = useState({ limit: PAGE_SIZE, offset: 0 });
  const [creating, setCreating] = useState(false);
  const query = { q, ...page };
  const list = useQuery({
    queryKey: ['funds', 'list', query],
    queryFn: () => fundApi.list(query),
    placeholderData: keepPreviousData,
  });

  const columns: TableProps<Fund>['columns'] = [
    {
      key: 'name',
      title: t('fund.name'),
      render: (_: unknown, f) => (
        <Link to={fundPath(f.id)}>
          <Typography.Text strong>{f.name}</Typography.Text>
        </Link>
      ),
    },
    { key: 'unit', title: t('fund.unit'), render: (_: unknown, f) => f.unitName ?? f.communeCode ?? f.provinceCode },
    { key: 'postings', title: t('fund.postings'), dataIndex: 'postings', align: 'right' },
    {
      key: 'balance',
      title: t('fund.balance'),
      align: 'right',
      render: (_: unknown, f) => <Typography.Text strong>{formatVnd(f.balance)}</Typography.Text>,
    },
  ];

  return (
    <div className="page">
      <PageHeader
        title={t('fund.title')}
        description={t('fund.description')}
        extra={
          <>
            {permissions.viewAudit && (
              <LinkButton to={LEDGER_PATH} icon={<SafetyCertificateOutlined />}>
                {t('fund.verification')}
              </LinkButton>
            )}
            {permissions.manageUsers && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('fund.create')}
              </Button>
            )}
          </>
        }
      />
      <ListToolbar
        searchPlaceholder={t('fund.searchPlaceholder')}
        onSearch={(value) => {
          setQ(value);
          setPage((p) => ({ ...p, offset: 0 }));
        }}
      />
      <ListTable<Fund>
        rowKey="id"
        columns={columns}
        list={list}
        page={page}
        onPage={setPage}
        scroll={{ x: 560 }}
        emptyText={t('fund.empty')}
      />
      <FormModal
        open={creating}
        title={t('fund.createTitle')}
        okText={t('fund.create')}
        onClose={() => setCreating(false)}
        submit={(v: {
          unitCode: string;
          name: string;
          bankBin?: string;
          bankName?: string;
          accountNumber?: string;
          accountHolder?: string;
        }) =>
          fundApi.create({
            unitCode: v.unitCode.trim(),
            name: v.name,
            bankBin: v.bankBin || null,
            bankName: v.bankName || null,
            accountNumber: v.accountNumber || null,
            accountHolder: v.accountHolder || null,
          })
        }
        onSaved={async (fund) => {
          setCreating(false);
          await queryClient.invalidateQueries({ queryKey: ['funds'] });
          void navigate(fundPath(fund.id));
        }}
      >
        <Form.Item
          name="unitCode"
          label={t('fund.unitCode')}
          extra={t('fund.unitCodeHelp')}
          rules={[{ required: true }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('fund.name')}
          rules={[{ required: true, whitespace: true, message: t('fund.nameRequired') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="bankBin" label={t('fund.bankBin')} extra={t('fund.bankBinHelp')}>
          <Input autoComplete="off" inputMode="numeric" />
        </Form.Item>
        <Form.Item name="bankName" label={t('fund.bankName')}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="accountNumber" label={t('fund.accountNumber')}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="accountHolder" label={t('fund.accountHolder')}>
          <Input autoComplete="off" />
        </Form.Item>
      </FormModal>
    </div>
  );
}
