import { PlusOutlined, QrcodeOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Tag, Typography, type TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  DONOR_KIND_LABELS,
  formatVnd,
  PLEDGE_STATUS_LABELS,
  PLEDGE_STATUSES,
  type PledgeStatus,
} from '../../../domain/fund';
import { FormModal } from '../../components/FormModal';
import { ListTable } from '../../components/ListTable';
import { ListToolbar } from '../../components/ListToolbar';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { pledgeApi, type Campaign, type Fund, type Pledge } from './api';
import { AmountItem, CampaignItem, donorOf, DonorItems, ReasonItem, type DonorValues } from './FundModals';

const STATUS_COLORS: Record<PledgeStatus, string> = {
  open: 'blue',
  partly_paid: 'gold',
  paid: 'green',
  cancelled: 'default',
};

/** The fund's pledges (cam kết ủng hộ): what was promised, what was paid, each with its own QR code. */
export function PledgesTab({ fund, campaigns }: { fund: Fund; campaigns: Campaign[] }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [showing, setShowing] = useState<Pledge | null>(null);
  const [cancelling, setCancelling] = useState<Pledge | null>(null);
  const [q, setQ] = useState<string | undefined>();
  const [status, setStatus] = useState<PledgeStatus | undefined>();
  const [page, setPage] = useState({ limit: 20, offset: 0 });
  const query = { q, status, ...page };
  const pledges = useQuery({
    queryKey: ['funds', 'pledges', fund.id, query],
    queryFn: () => pledgeApi.list(fund.id, query),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['funds'] });

  const columns: TableProps<Pledge>['columns'] = [
    {
      key: 'donor',
      title: t('fundBank.donor'),
      render: (_: unknown, p) => (
        <div>
          <div>{p.donor.name ?? t.label(DONOR_KIND_LABELS[p.donor.kind])}</div>
          {p.campaignName && <Typography.Text type="secondary">{p.campaignName}</Typography.Text>}
        </div>
      ),
    },
    {
      key: 'reference',
      title: t('fundBank.reference'),
      render: (_: unknown, p) => <Typography.Text code>{p.reference}</Typography.Text>,
    },
    { key: 'amount', title: t('fundBank.pledged'), align: 'right', render: (_: unknown, p) => formatVnd(p.amount) },
    { key: 'paid', title: t('fundBank.paid'), align: 'right', render: (_: unknown, p) => formatVnd(p.paid) },
    {
      key: 'due',
      title: t('fundBank.dueDate'),
      render: (_: unknown, p) => (
        <Space>
          {formatDate(p.dueDate)}
          {p.overdue && <Tag color="red">{t('fundBank.overdue')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('fund.status'),
      render: (_: unknown, p) => <Tag color={STATUS_COLORS[p.status]}>{t.label(PLEDGE_STATUS_LABELS[p.status])}</Tag>,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_: unknown, p) => (
        <Space wrap>
          {(p.status === 'open' || p.status === 'partly_paid') && (
            <Button size="small" icon={<QrcodeOutlined />} onClick={() => setShowing(p)}>
              {t('fundBank.pledgeQr')}
            </Button>
          )}
          {p.canPost && (p.status === 'open' || p.status === 'partly_paid') && (
            <Button size="small" danger onClick={() => setCancelling(p)}>
              {t('fundBank.cancel')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <ListToolbar
        searchPlaceholder={t('fundBank.donor')}
        onSearch={(value) => {
          setQ(value);
          setPage((p) => ({ ...p, offset: 0 }));
        }}
      >
        <Select
          allowClear
          placeholder={t('fund.status')}
          style={{ minWidth: 180 }}
          value={status}
          onChange={(v?: PledgeStatus) => {
            setStatus(v);
            setPage((p) => ({ ...p, offset: 0 }));
          }}
          options={PLEDGE_STATUSES.map((s) => ({ value: s, label: t.label(PLEDGE_STATUS_LABELS[s]) }))}
        />
        {fund.canPost && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('fundBank.recordPledge')}
          </Button>
        )}
      </ListToolbar>
      <ListTable<Pledge>
        rowKey="id"
        columns={columns}
        list={pledges}
        page={page}
        onPage={setPage}
        scroll={{ x: 900 }}
        emptyText={t('fundBank.pledgesEmpty')}
      />
      <PledgeModal
        open={creating}
        fund={fund}
        campaigns={campaigns}
        onClose={() => setCreating(false)}
        onSaved={async (p) => {
          setCreating(false);
          void message.success(t('fundBank.pledgeSaved', { reference: p.reference }));
          await refresh();
          setShowing(p);
        }}
      />
      <PledgeQrModal pledge={showing} onClose={() => setShowing(null)} />
      <FormModal
        open={!!cancelling}
        title={t('fundBank.cancelTitle', { reference: cancelling?.reference ?? '' })}
        okText={t('fundBank.cancel')}
        danger
        intro={<p>{t('fundBank.cancelIntro')}</p>}
        onClose={() => setCancelling(null)}
        submit={(v: { reason: string }) => pledgeApi.cancel(cancelling!.id, v.reason)}
        onSaved={async (p) => {
          setCancelling(null);
          void message.success(t('fundBank.cancelled', { reference: p.reference }));
          await refresh();
        }}
      >
        <ReasonItem />
      </FormModal>
    </>
  );
}

interface PledgeValues extends DonorValues {
  amount: number;
  dueDate: Dayjs;
  campaignId?: string;
  description?: string;
}

function PledgeModal({
  open,
  fund,
  campaigns,
  onClose,
  onSaved,
}: {
  open: boolean;
  fund: Fund;
  campaigns: Campaign[];
  onClose: () => void;
  onSaved: (p: Pledge) => unknown;
}) {
  const t = useT();
  return (
    <FormModal
      open={open}
      title={t('fundBank.pledgeTitle', { fund: fund.name })}
      okText={t('fundBank.recordPledge')}
      intro={<p>{t('fundBank.referenceHelp')}</p>}
      onClose={onClose}
      initialValues={{ donorKind: 'business', publishName: true, dueDate: dayjs().add(1, 'month') }}
      submit={(v: PledgeValues) =>
        pledgeApi.create(fund.id, {
          donor: donorOf(v),
          amount: v.amount,
          dueDate: v.dueDate.format('YYYY-MM-DD'),
          campaignId: v.campaignId ?? null,
          description: v.description || null,
        })
      }
      onSaved={onSaved}
    >
      <DonorItems />
      <AmountItem />
      <Form.Item
        name="dueDate"
        label={t('fundBank.dueDate')}
        rules={[{ required: true, message: t('fundBank.dueDateRequired') }]}
      >
        <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
      </Form.Item>
      <CampaignItem campaigns={campaigns} />
      <Form.Item name="description" label={t('fund.content')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** The pledge's own VietQR: the reference in the note, what is left to pay as the amount. */
function PledgeQrModal({ pledge, onClose }: { pledge: Pledge | null; onClose: () => void }) {
  const t = useT();
  const qr = useQuery({
    queryKey: ['funds', 'pledge-qr', pledge?.id],
    queryFn: () => pledgeApi.qr(pledge!.id),
    enabled: !!pledge,
  });
  return (
    <Modal
      open={!!pledge}
      title={t('fundBank.pledgeQrTitle', { reference: pledge?.reference ?? '' })}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('fundBank.close')}</Button>}
    >
      {qr.data && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <div
            className="fund-qr"
            role="img"
            aria-label={t('fundBank.pledgeQr')}
            dangerouslySetInnerHTML={{ __html: qr.data.svg }}
          />
          <Typography.Text>
            {qr.data.bankName} · {qr.data.accountNumber} · {qr.data.accountHolder}
          </Typography.Text>
          <Typography.Text>
            {t('fund.transferNote')}: <Typography.Text code>{qr.data.note}</Typography.Text>
          </Typography.Text>
          {pledge && <Typography.Text strong>{formatVnd(pledge.amount - pledge.paid)}</Typography.Text>}
          <Typography.Text type="secondary">{t('fundBank.pledgeQrHelp')}</Typography.Text>
        </Space>
      )}
    </Modal>
  );
}
