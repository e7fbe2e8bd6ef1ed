import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Select, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { PER_MEMBER_KINDS, SUPPORT_KIND_LABELS, SUPPORT_KINDS, type SupportKind } from '../../../domain/support';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';
import { useErrorText } from '../../lib/errors';
import { formatDate, formatNumber } from '../../lib/format';
import type { Household } from '../households/api';
import { DateInput, fromDayjs } from '../households/common';
import { supportApi, supportQueries, type Support, type SupportInput } from './api';
import { FundField } from './FundField';
import { HousesSection } from './HousesSection';
import { SupportYears } from './SupportYears';

/**
 * What the household received, from every source, over the years: the list with its total, and
 * for officers the dialogs to record a support or cancel one entered by mistake.
 */
export function SupportPanel({ household: h, canManage }: { household: Household; canManage: boolean }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useQuery(supportQueries.ofHousehold(h.id));
  const sources = useQuery(supportQueries.sources());
  const [dialog, setDialog] = useState<{ kind: 'record' } | { kind: 'cancel'; support: Support } | null>(null);
  const sourceName = (code: string) => t.label(sources.data?.find((s) => s.code === code)?.name) || code;

  const saved = (text: string) => {
    setDialog(null);
    void queryClient.invalidateQueries({ queryKey: ['support', 'household', h.id] });
    void message.success(text);
  };

  const columns: TableProps<Support>['columns'] = [
    { title: t('support.date'), dataIndex: 'date', render: (d: string) => formatDate(d), width: 110 },
    {
      title: t('support.kind'),
      dataIndex: 'kind',
      render: (kind: SupportKind, s) => (
        <>
          {t.label(SUPPORT_KIND_LABELS[kind])}
          {s.memberName && <Typography.Text type="secondary"> — {s.memberName}</Typography.Text>}
          {s.cancelled && (
            <Tag color="red" className="inline-tag">
              {t('support.cancelled')}
            </Tag>
          )}
        </>
      ),
    },
    { title: t('support.source'), dataIndex: 'sourceCode', render: sourceName },
    {
      title: t('support.value'),
      dataIndex: 'value',
      align: 'right',
      render: (v: number, s) => (s.cancelled ? <del>{formatNumber(v)} đ</del> : `${formatNumber(v)} đ`),
    },
    { title: t('support.decision'), dataIndex: 'decisionNumber' },
    ...(canManage
      ? [
          {
            key: 'actions',
            render: (_: unknown, s: Support) =>
              !s.cancelled && (
                <Button size="small" type="link" danger onClick={() => setDialog({ kind: 'cancel', support: s })}>
                  {t('support.cancel')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <SupportYears householdId={h.id} />
      {canManage && (
        <div className="tab-actions">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'record' })}>
            {t('support.record')}
          </Button>
        </div>
      )}
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} />}
      <Table<Support>
        className="support-list"
        rowKey="id"
        size="small"
        loading={list.isPending}
        columns={columns}
        dataSource={list.data?.items}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('support.empty') }}
        expandable={{
          rowExpandable: (s) => Boolean(s.handoverProof || s.note || s.cancelReason || s.loanTermMonths),
          expandedRowRender: (s) => <SupportDetails support={s} />,
        }}
        summary={() =>
          list.data && list.data.total > 0 ? (
            <Table.Summary.Row>
              {/* The first column is the rows' expand button. */}
              <Table.Summary.Cell index={0} colSpan={4}>
                {t('support.total', { count: String(list.data.inForce) })}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                <strong>{formatNumber(list.data.totalValue)} đ</strong>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
      <HousesSection household={h} canManage={canManage} />
      {dialog?.kind === 'record' && (
        <RecordModal household={h} onClose={() => setDialog(null)} onSaved={() => saved(t('support.recorded'))} />
      )}
      {dialog?.kind === 'cancel' && (
        <FormModal<{ reason: string }, Support>
          open
          danger
          title={t('support.cancelTitle')}
          okText={t('support.cancelConfirm')}
          intro={<Typography.Paragraph>{t('support.cancelText')}</Typography.Paragraph>}
          onClose={() => setDialog(null)}
          submit={(v) => supportApi.cancel(dialog.support.id, v.reason.trim())}
          onSaved={() => saved(t('support.cancelledDone'))}
        >
          <Form.Item
            name="reason"
            label={t('support.cancelReason')}
            rules={[{ required: true, whitespace: true, message: t('support.cancelReasonRequired') }, { max: 500 }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

function SupportDetails({ support: s }: { support: Support }) {
  const t = useT();
  const lines: [string, string | null][] = [
    [t('support.handoverProof'), s.handoverProof],
    [t('support.note'), s.note],
    [t('support.loanTerm'), s.loanTermMonths === null ? null : t('support.months', { n: String(s.loanTermMonths) })],
    [t('support.loanOutstanding'), s.loanOutstanding === null ? null : `${formatNumber(s.loanOutstanding)} đ`],
    [t('support.cancelReason'), s.cancelReason],
  ];
  return (
    <dl className="support-details">
      {lines
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

type RecordForm = Omit<SupportInput, 'date'> & { date: Parameters<typeof fromDayjs>[0] };

function RecordModal({
  household: h,
  onClose,
  onSaved,
}: {
  household: Household;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const sources = useQuery(supportQueries.sources());
  const [kind, setKind] = useState<SupportKind | undefined>();
  const [source, setSource] = useState<string | undefined>();
  const members = h.members.filter((m) => !m.leftAt);
  return (
    <FormModal<RecordForm, Support>
      open
      title={t('support.recordTitle', { code: h.code })}
      okText={t('support.record')}
      onClose={onClose}
      width={640}
      submit={(v) =>
        supportApi.record(h.id, {
          kind: v.kind,
          sourceCode: v.sourceCode,
          memberId: v.memberId ?? null,
          value: v.value,
          date: fromDayjs(v.date),
          decisionNumber: v.decisionNumber?.trim() || null,
          handoverProof: v.handoverProof?.trim() || null,
          note: v.note?.trim() || null,
          loanTermMonths: v.loanTermMonths ?? null,
          loanOutstanding: v.loanOutstanding ?? null,
          fundId: v.fundId ?? null,
        })
      }
      onSaved={onSaved}
    >
      <Form.Item name="kind" label={t('support.kind')} rules={[{ required: true, message: t('support.kindRequired') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(k: SupportKind) => setKind(k)}
          options={SUPPORT_KINDS.map((k) => ({ value: k, label: t.label(SUPPORT_KIND_LABELS[k]) }))}
        />
      </Form.Item>
      <Form.Item
        name="memberId"
        label={t('support.member')}
        rules={[{ required: kind !== undefined && PER_MEMBER_KINDS.has(kind), message: t('support.memberRequired') }]}
      >
        <Select allowClear options={members.map((m) => ({ value: m.id, label: m.fullName }))} />
      </Form.Item>
      <Form.Item
        name="sourceCode"
        label={t('support.source')}
        rules={[{ required: true, message: t('support.sourceRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={sources.isPending}
          onChange={(code: string) => setSource(code)}
          options={(sources.data ?? []).map((s) => ({ value: s.code, label: t.label(s.name) }))}
        />
      </Form.Item>
      <FundField source={source} help={t('support.fundHelp')} />
      <Form.Item
        name="value"
        label={t('support.valueVnd')}
        extra={t('support.valueHelp')}
        rules={[{ required: true, message: t('support.valueRequired') }]}
      >
        <InputNumber<number>
          min={1}
          step={100_000}
          style={{ width: '100%' }}
          formatter={(v) => (v ? formatNumber(Number(v)) : '')}
          parser={(v) => Number((v ?? '').replace(/\D/gu, ''))}
        />
      </Form.Item>
      <Form.Item name="date" label={t('support.date')} rules={[{ required: true, message: t('support.dateRequired') }]}>
        <DateInput />
      </Form.Item>
      {kind === 'policy_loan' && (
        <>
          <Form.Item
            name="loanTermMonths"
            label={t('support.loanTerm')}
            rules={[{ required: true, message: t('support.loanTermRequired') }]}
          >
            <InputNumber<number> min={1} max={600} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="loanOutstanding" label={t('support.loanOutstanding')}>
            <InputNumber<number> min={0} step={100_000} style={{ width: '100%' }} />
          </Form.Item>
        </>
      )}
      <Form.Item name="decisionNumber" label={t('support.decision')} rules={[{ max: 60 }]}>
        <Input placeholder="12/QĐ-UBND" />
      </Form.Item>
      <Form.Item name="handoverProof" label={t('support.handoverProof')} rules={[{ max: 500 }]}>
        <Input placeholder={t('support.handoverProofPlaceholder')} />
      </Form.Item>
      <Form.Item name="note" label={t('support.note')} rules={[{ max: 1000 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
