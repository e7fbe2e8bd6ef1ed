import { LinkOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Popconfirm, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  formatVnd,
  TASK_EVIDENCE_KIND_LABELS,
  TASK_EVIDENCE_KINDS,
  type TaskEvidenceKind,
} from '../../../domain/coordination';
import { SUPPORT_KIND_LABELS } from '../../../domain/support/catalog';
import { distributionTitle } from '../../../domain/support/distribution';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';
import { useErrorText } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { useDebounced } from '../../lib/useDebounced';
import { fundApi } from '../fund/api';
import { householdsApi } from '../households/api';
import { modelsApi } from '../models/api';
import { modelPath } from '../models/paths';
import { distributionsApi, supportApi } from '../support/api';
import { distributionPath } from '../support/paths';
import { coordinationApi, type Task, type TaskEvidence } from './api';

/** Where a linked record opens, for the kinds that have a page of their own. */
const RECORD_PATH: Partial<Record<TaskEvidenceKind, (id: string) => string>> = {
  distribution: distributionPath,
  model: modelPath,
};

/** The fund campaigns, supports, distributions and models a task links as its evidence; its managers link and unlink them. */
export function TaskLinks({ task }: { task: Task }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const key = ['task-evidence', task.id];
  const list = useQuery({ queryKey: key, queryFn: () => coordinationApi.evidence(task.id) });
  const unlink = useMutation({
    mutationFn: (id: string) => coordinationApi.unlinkEvidence(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
    onError: (e) => message.error(errorText(e)),
  });
  const columns = [
    {
      key: 'kind',
      title: t('coordination.evidence.kind'),
      render: (_: unknown, e: TaskEvidence) => t.label(TASK_EVIDENCE_KIND_LABELS[e.kind]),
    },
    {
      key: 'label',
      title: t('coordination.evidence.record'),
      render: (_: unknown, e: TaskEvidence) => {
        const path = RECORD_PATH[e.kind];
        return path ? <Link to={path(e.refId)}>{e.label}</Link> : e.label;
      },
    },
    {
      key: 'date',
      title: t('coordination.evidence.date'),
      render: (_: unknown, e: TaskEvidence) => formatDate(e.date),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_: unknown, e: TaskEvidence) =>
        e.canUnlink && (
          <Popconfirm title={t('coordination.evidence.unlinkConfirm')} onConfirm={() => unlink.mutate(e.id)}>
            <Button size="small" danger>
              {t('coordination.evidence.unlink')}
            </Button>
          </Popconfirm>
        ),
    },
  ];
  return (
    <div style={{ marginTop: 12 }}>
      <Typography.Text strong>{t('coordination.evidence.title')}</Typography.Text>
      {task.canManage && (
        <Button size="small" icon={<LinkOutlined />} style={{ marginLeft: 12 }} onClick={() => setOpen(true)}>
          {t('coordination.evidence.link')}
        </Button>
      )}
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={false}
        locale={{ emptyText: t('coordination.evidence.empty') }}
      />
      <FormModal<{ kind: TaskEvidenceKind; refId: string }, TaskEvidence>
        open={open}
        title={t('coordination.evidence.link')}
        okText={t('common.save')}
        intro={<p>{task.title}</p>}
        initialValues={{ kind: 'model' }}
        submit={({ kind, refId }) => coordinationApi.linkEvidence(task.id, { kind, refId })}
        onSaved={async () => {
          message.success(t('coordination.evidence.linked'));
          await queryClient.invalidateQueries({ queryKey: key });
          setOpen(false);
        }}
        onClose={() => setOpen(false)}
      >
        <Form.Item name="kind" label={t('coordination.evidence.kind')}>
          <Select
            options={TASK_EVIDENCE_KINDS.map((k) => ({ value: k, label: t.label(TASK_EVIDENCE_KIND_LABELS[k]) }))}
          />
        </Form.Item>
        <RecordFields />
      </FormModal>
    </div>
  );
}

/**
 * The record to link, by kind: a model searched by name; one of the area's 50 latest distributions;
 * a campaign of a fund; a support of a household.
 */
function RecordFields() {
  const t = useT();
  const form = Form.useFormInstance();
  const kind = Form.useWatch<TaskEvidenceKind>('kind', form);
  // A campaign is chosen under its fund, a support under its household.
  const nested = kind === 'fund_campaign' || kind === 'support';
  const parent = Form.useWatch<string | undefined>('parentId', form);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim()) || undefined;
  const parents = useQuery({
    queryKey: ['task-evidence', 'parents', kind, q],
    queryFn: async () =>
      kind === 'fund_campaign'
        ? (await fundApi.list({ q, limit: 50 })).items.map((f) => ({ value: f.id, label: f.name }))
        : (await householdsApi.list({ q, limit: 50, offset: 0 })).items.map((h) => ({
            value: h.id,
            label: `${h.code} – ${h.headName}`,
          })),
    enabled: nested,
  });
  const records = useQuery({
    queryKey: ['task-evidence', 'records', kind, nested ? parent : kind === 'model' ? q : null],
    queryFn: async () => {
      if (kind === 'model') {
        return (await modelsApi.list({ q, limit: 50, offset: 0 })).items.map((m) => ({
          value: m.id,
          label: `${m.name} – ${m.communeName}`,
        }));
      }
      if (kind === 'distribution') {
        return (await distributionsApi.list({ limit: 50 })).items.map((d) => ({
          value: d.id,
          label: `${distributionTitle(d, t.lang)} – ${d.communeName} (${formatDate(d.date)})`,
        }));
      }
      if (kind === 'fund_campaign') {
        return (await fundApi.campaigns(parent!)).items.map((c) => ({
          value: c.id,
          label: `${c.name} (${formatDate(c.startDate)})`,
        }));
      }
      return (await supportApi.ofHousehold(parent!)).items
        .filter((s) => !s.cancelled)
        .map((s) => ({
          value: s.id,
          label: `${t.label(SUPPORT_KIND_LABELS[s.kind])}: ${formatVnd(s.value)} (${formatDate(s.date)})`,
        }));
    },
    enabled: !nested || !!parent,
  });
  const searchable = { filterOption: false, onSearch: setSearch };
  return (
    <>
      {nested && (
        <Form.Item
          name="parentId"
          label={t(kind === 'fund_campaign' ? 'coordination.evidence.fund' : 'coordination.evidence.household')}
          rules={[{ required: true }]}
        >
          <Select
            showSearch={searchable}
            options={parents.data ?? []}
            loading={parents.isFetching}
            onChange={() => form.setFieldValue('refId', undefined)}
          />
        </Form.Item>
      )}
      <Form.Item name="refId" label={t('coordination.evidence.record')} rules={[{ required: true }]}>
        <Select
          showSearch={kind === 'model' ? searchable : undefined}
          options={records.data ?? []}
          loading={records.isFetching}
          notFoundContent={t('common.noData')}
        />
      </Form.Item>
    </>
  );
}
