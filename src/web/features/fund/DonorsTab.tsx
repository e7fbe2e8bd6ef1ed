import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Form, Input, Select, Space, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { DONOR_KIND_LABELS, DONOR_KINDS, formatVnd, type DonorKind } from '../../../domain/fund';
import { FormModal } from '../../components/FormModal';
import { ListTable } from '../../components/ListTable';
import { ListToolbar } from '../../components/ListToolbar';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { donorApi, type Donor, type DonorUpdate, type Fund, type FundDonor } from './api';
import { DuplicateSuggestions, MergeModal, UnmergeModal, type MergeTarget } from './DonorMerge';

/**
 * The donors (nhà hảo tâm) met by the fund: who they are, how to reach them, what they gave,
 * whether they may be named; duplicates entered twice are merged here (and split off again).
 */
export function DonorsTab({ fund }: { fund: Fund }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<FundDonor | null>(null);
  const [merging, setMerging] = useState<MergeTarget | null>(null);
  const [unmerging, setUnmerging] = useState<{ merged: FundDonor['merged'][number]; into: FundDonor } | null>(null);
  const [q, setQ] = useState<string | undefined>();
  const [kind, setKind] = useState<DonorKind | undefined>();
  const [page, setPage] = useState({ limit: 20, offset: 0 });
  const query = { q, kind, sort: 'given' as const, order: 'desc' as const, ...page };
  const donors = useQuery({
    queryKey: ['funds', 'donors', fund.id, query],
    queryFn: () => donorApi.list(fund.id, query),
    placeholderData: keepPreviousData,
  });

  const columns: TableProps<FundDonor>['columns'] = [
    {
      key: 'name',
      title: t('fund.donorName'),
      render: (_: unknown, d) => (
        <div>
          <div>{d.name ?? t('fund.anonymous')}</div>
          <Typography.Text type="secondary">{t.label(DONOR_KIND_LABELS[d.kind])}</Typography.Text>
          {d.merged.map((m) => (
            <div key={m.id}>
              <Typography.Text type="secondary">{t('fundDonors.mergedFrom', { name: m.name ?? '' })}</Typography.Text>
              {fund.canPost && (
                <Button size="small" type="link" onClick={() => setUnmerging({ merged: m, into: d })}>
                  {t('fundDonors.unmerge')}
                </Button>
              )}
            </div>
          ))}
        </div>
      ),
    },
    {
      key: 'contact',
      title: t('fundDonors.contact'),
      render: (_: unknown, d) => [d.phone, d.email, d.address].filter(Boolean).join(' · '),
    },
    {
      key: 'publish',
      title: t('fundDonors.publicName'),
      render: (_: unknown, d) =>
        d.publishName ? <Tag color="green">{t('fundDonors.named')}</Tag> : <Tag>{t('fundDonors.notNamed')}</Tag>,
    },
    { key: 'receipts', title: t('fundDonors.receipts'), dataIndex: 'receipts', align: 'right' },
    { key: 'given', title: t('fundDonors.given'), align: 'right', render: (_: unknown, d) => formatVnd(d.given) },
    {
      key: 'last',
      title: t('fundDonors.lastDate'),
      render: (_: unknown, d) => (d.lastDate ? formatDate(d.lastDate) : ''),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_: unknown, d) =>
        fund.canPost && (
          <Space size="small">
            <Button size="small" onClick={() => setEditing(d)}>
              {t('fundDonors.edit')}
            </Button>
            {d.kind !== 'anonymous' && (
              <Button size="small" onClick={() => setMerging({ duplicate: d, proposed: [] })}>
                {t('fundDonors.mergeAction')}
              </Button>
            )}
          </Space>
        ),
    },
  ];

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['funds'] });

  return (
    <>
      <DuplicateSuggestions fund={fund} onMerge={setMerging} />
      <ListToolbar
        searchPlaceholder={t('fundDonors.search')}
        onSearch={(value) => {
          setQ(value);
          setPage((p) => ({ ...p, offset: 0 }));
        }}
      >
        <Select
          allowClear
          placeholder={t('fund.donorKind')}
          aria-label={t('fund.donorKind')}
          style={{ minWidth: 180 }}
          value={kind}
          onChange={(v?: DonorKind) => {
            setKind(v);
            setPage((p) => ({ ...p, offset: 0 }));
          }}
          options={DONOR_KINDS.map((k) => ({ value: k, label: t.label(DONOR_KIND_LABELS[k]) }))}
        />
      </ListToolbar>
      <ListTable<FundDonor>
        rowKey="id"
        columns={columns}
        list={donors}
        page={page}
        onPage={setPage}
        scroll={{ x: 900 }}
        emptyText={t('fundDonors.empty')}
      />
      <DonorModal
        donor={editing}
        onClose={() => setEditing(null)}
        onSaved={async (saved) => {
          setEditing(null);
          void message.success(t('fundDonors.saved', { name: saved.name ?? t('fund.anonymous') }));
          await refresh();
        }}
      />
      <MergeModal
        fund={fund}
        target={merging}
        onClose={() => setMerging(null)}
        onSaved={async (merged) => {
          setMerging(null);
          void message.success(t('fundDonors.merged', { name: merged.name ?? '' }));
          await refresh();
        }}
      />
      <UnmergeModal
        merged={unmerging?.merged ?? null}
        into={unmerging?.into ?? null}
        onClose={() => setUnmerging(null)}
        onSaved={async (donor) => {
          setUnmerging(null);
          void message.success(t('fundDonors.unmerged', { name: donor.name ?? '' }));
          await refresh();
        }}
      />
    </>
  );
}

/** A donor's contact details and consent to be named on the public page. */
function DonorModal({
  donor,
  onClose,
  onSaved,
}: {
  donor: FundDonor | null;
  onClose: () => void;
  onSaved: (d: Donor) => unknown;
}) {
  const t = useT();
  const anonymous = donor?.kind === 'anonymous';
  return (
    <FormModal
      open={!!donor}
      title={`${t('fundDonors.edit')} — ${donor?.name ?? t('fund.anonymous')}`}
      okText={t('common.save')}
      onClose={onClose}
      initialValues={donor ?? undefined}
      intro={<Typography.Paragraph type="secondary">{t('fundDonors.editIntro')}</Typography.Paragraph>}
      submit={(v: Omit<DonorUpdate, 'version'>) =>
        donorApi.update(donor!.id, {
          version: donor!.version,
          name: anonymous ? null : v.name,
          phone: v.phone || null,
          email: v.email || null,
          address: v.address || null,
          publishName: !anonymous && !!v.publishName,
        })
      }
      onSaved={onSaved}
    >
      {!anonymous && (
        <Form.Item
          name="name"
          label={t('fund.donorName')}
          rules={[{ required: true, whitespace: true, message: t('fund.donorNameRequired') }]}
        >
          <Input autoComplete="off" maxLength={200} />
        </Form.Item>
      )}
      <Form.Item name="phone" label={t('fund.donorPhone')}>
        <Input autoComplete="off" inputMode="tel" maxLength={30} />
      </Form.Item>
      <Form.Item name="email" label={t('fundDonors.email')}>
        <Input autoComplete="off" inputMode="email" maxLength={200} />
      </Form.Item>
      <Form.Item name="address" label={t('fundDonors.address')}>
        <Input autoComplete="off" maxLength={300} />
      </Form.Item>
      {!anonymous && (
        <Form.Item name="publishName" valuePropName="checked" extra={t('fundDonors.publishHelp')}>
          <Checkbox>{t('fund.publishName')}</Checkbox>
        </Form.Item>
      )}
    </FormModal>
  );
}
