import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, InputNumber, Select, Space, Typography, type TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  COMMENDATION_FORM_LABELS,
  COMMENDATION_FORMS,
  COMMENDATION_LEVEL_LABELS,
  COMMENDATION_LEVELS,
  RECIPIENT_KIND_LABELS,
  RECIPIENT_KINDS,
  type CommendationLevel,
  type RecipientKind,
} from '../../../domain/coordination';
import { FormModal } from '../../components/FormModal';
import { ListTable } from '../../components/ListTable';
import { ToolbarSelect } from '../../components/ListToolbar';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { emulationApi, type Commendation, type CommendationInput, type Movement, type MovementInput } from './api';
import { usePage } from './CoordinationPage';
import { useCanManageCoordination, useWorkingUnit } from './useWorkingUnit';

/** Emulation movements (phong trào thi đua) and the commendations made, filtered by year, level and recipient. */
export function EmulationTab() {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const unit = useWorkingUnit();
  const canManage = useCanManageCoordination();
  const page = usePage();
  const [year, setYear] = useState<number | undefined>();
  const [level, setLevel] = useState<CommendationLevel | undefined>();
  const [recipientKind, setRecipientKind] = useState<RecipientKind | undefined>();
  // A dialog adds a record, or edits the one it holds.
  const [dialog, setDialog] = useState<
    { kind: 'movement'; editing?: Movement } | { kind: 'commendation'; editing?: Commendation } | null
  >(null);
  const editingMovement = dialog?.kind === 'movement' ? dialog.editing : undefined;
  const editingCommendation = dialog?.kind === 'commendation' ? dialog.editing : undefined;
  const movements = useQuery({
    queryKey: ['movements', 'list'],
    queryFn: () => emulationApi.movements({ limit: 200, offset: 0 }),
  });
  const query = {
    limit: page.limit,
    offset: page.offset,
    level,
    recipientKind,
    from: year ? `${year}-01-01` : undefined,
    to: year ? `${year}-12-31` : undefined,
  };
  const list = useQuery({
    queryKey: ['commendations', 'list', query],
    queryFn: () => emulationApi.commendations(query),
    placeholderData: keepPreviousData,
  });
  const columns: TableProps<Commendation>['columns'] = [
    {
      key: 'decision',
      title: t('coordination.commendation.decision'),
      render: (_, c) => `${c.decisionNumber}, ${formatDate(c.decisionDate)}`,
    },
    {
      key: 'form',
      title: t('coordination.commendation.form'),
      render: (_, c) => t.label(COMMENDATION_FORM_LABELS[c.form]),
    },
    {
      key: 'level',
      title: t('coordination.commendation.level'),
      render: (_, c) => t.label(COMMENDATION_LEVEL_LABELS[c.level]),
    },
    {
      key: 'recipient',
      title: t('coordination.commendation.recipient'),
      render: (_, c) => (
        <>
          <div>{c.recipientName}</div>
          <Typography.Text type="secondary">{t.label(RECIPIENT_KIND_LABELS[c.recipientKind])}</Typography.Text>
        </>
      ),
    },
    { key: 'achievement', title: t('coordination.commendation.achievement'), dataIndex: 'achievement' },
    { key: 'movement', title: t('coordination.commendation.movement'), render: (_, c) => c.movementName ?? '—' },
    { key: 'unit', title: t('coordination.activity.unit'), dataIndex: 'unitName' },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, c) =>
        c.canManage && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'commendation', editing: c })}>
            {t('common.edit')}
          </Button>
        ),
    },
  ];
  const saved = async (key: string, text: string) => {
    message.success(text);
    await queryClient.invalidateQueries({ queryKey: [key] });
    setDialog(null);
  };
  return (
    <>
      <Typography.Title level={5}>{t('coordination.commendation.movements')}</Typography.Title>
      <ul data-testid="movements">
        {(movements.data?.items ?? []).map((m: Movement) => (
          <li key={m.id}>
            {m.name} ({m.periodFrom}–{m.periodTo}) · {m.unitName}
            {m.canManage && (
              <Button
                type="link"
                size="small"
                icon={<EditOutlined />}
                aria-label={`${t('common.edit')}: ${m.name}`}
                onClick={() => setDialog({ kind: 'movement', editing: m })}
              />
            )}
          </li>
        ))}
      </ul>
      <Space wrap style={{ marginBottom: 12 }}>
        <InputNumber
          placeholder={t('coordination.commendation.year')}
          aria-label={t('coordination.commendation.year')}
          min={2000}
          max={2100}
          onChange={(v) => (setYear(v ?? undefined), page.reset())}
        />
        <ToolbarSelect<CommendationLevel>
          label={t('coordination.commendation.level')}
          value={level}
          onChange={(v) => (setLevel(v), page.reset())}
          options={COMMENDATION_LEVELS.map((l) => ({ value: l, label: t.label(COMMENDATION_LEVEL_LABELS[l]) }))}
        />
        <ToolbarSelect<RecipientKind>
          label={t('coordination.commendation.recipientKind')}
          value={recipientKind}
          onChange={(v) => (setRecipientKind(v), page.reset())}
          options={RECIPIENT_KINDS.map((k) => ({ value: k, label: t.label(RECIPIENT_KIND_LABELS[k]) }))}
        />
        {canManage && unit && (
          <>
            <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'movement' })}>
              {t('coordination.commendation.createMovement')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'commendation' })}>
              {t('coordination.commendation.create')}
            </Button>
          </>
        )}
      </Space>
      <ListTable<Commendation>
        rowKey="id"
        columns={columns}
        list={list}
        page={{ limit: page.limit, offset: page.offset }}
        onPage={page.onPage}
        scroll={{ x: 1000 }}
        emptyText={t('coordination.commendation.empty')}
      />
      {/* Each dialog is mounted per opening, so an edited record's values fill the form. */}
      {unit && dialog?.kind === 'movement' && (
        <FormModal<Omit<MovementInput, 'unitCode'>, Movement>
          open
          title={t(
            editingMovement ? 'coordination.commendation.editMovement' : 'coordination.commendation.createMovement',
          )}
          okText={t('common.save')}
          initialValues={editingMovement ?? {}}
          submit={(v) =>
            editingMovement
              ? emulationApi.updateMovement(editingMovement.id, { ...v, version: editingMovement.version })
              : emulationApi.createMovement({ ...v, unitCode: unit })
          }
          onSaved={() =>
            saved(
              'movements',
              t(
                editingMovement
                  ? 'coordination.commendation.movementSaved'
                  : 'coordination.commendation.movementCreated',
              ),
            )
          }
          onClose={() => setDialog(null)}
        >
          <Form.Item name="name" label={t('coordination.commendation.movementName')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="periodFrom" label={t('coordination.commendation.periodFrom')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="periodTo" label={t('coordination.commendation.periodTo')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="description" label={t('coordination.commendation.description')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </FormModal>
      )}
      {unit && dialog?.kind === 'commendation' && (
        <FormModal<Omit<CommendationInput, 'unitCode' | 'decisionDate'> & { decisionDate: Dayjs }, Commendation>
          open
          width={640}
          title={t(editingCommendation ? 'coordination.commendation.edit' : 'coordination.commendation.create')}
          okText={t('common.save')}
          initialValues={
            editingCommendation
              ? { ...editingCommendation, decisionDate: dayjs(editingCommendation.decisionDate) }
              : { form: 'certificate_of_merit', recipientKind: 'collective' }
          }
          submit={({ decisionDate, ...v }) => {
            const fields = { ...v, decisionDate: decisionDate.format('YYYY-MM-DD') };
            // An edit keeps what the form does not show: the programme and organisation the record names.
            return editingCommendation
              ? emulationApi.updateCommendation(editingCommendation.id, {
                  ...fields,
                  movementId: fields.movementId ?? null,
                  programmeId: editingCommendation.programmeId,
                  contentId: editingCommendation.contentId,
                  recipientOrganisationId: editingCommendation.recipientOrganisationId,
                  version: editingCommendation.version,
                })
              : emulationApi.createCommendation({ ...fields, unitCode: unit });
          }}
          onSaved={() =>
            saved(
              'commendations',
              t(editingCommendation ? 'coordination.commendation.saved' : 'coordination.commendation.created'),
            )
          }
          onClose={() => setDialog(null)}
        >
          <Form.Item name="movementId" label={t('coordination.commendation.movement')}>
            <Select allowClear options={(movements.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))} />
          </Form.Item>
          <Form.Item name="form" label={t('coordination.commendation.form')} rules={[{ required: true }]}>
            <Select
              options={COMMENDATION_FORMS.map((f) => ({ value: f, label: t.label(COMMENDATION_FORM_LABELS[f]) }))}
            />
          </Form.Item>
          <Form.Item name="level" label={t('coordination.commendation.level')} rules={[{ required: true }]}>
            <Select
              options={COMMENDATION_LEVELS.map((l) => ({ value: l, label: t.label(COMMENDATION_LEVEL_LABELS[l]) }))}
            />
          </Form.Item>
          <Form.Item
            name="recipientKind"
            label={t('coordination.commendation.recipientKind')}
            rules={[{ required: true }]}
          >
            <Select options={RECIPIENT_KINDS.map((k) => ({ value: k, label: t.label(RECIPIENT_KIND_LABELS[k]) }))} />
          </Form.Item>
          <Form.Item name="recipientName" label={t('coordination.commendation.recipient')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="achievement" label={t('coordination.commendation.achievement')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item
            name="decisionNumber"
            label={t('coordination.commendation.decisionNumber')}
            rules={[{ required: true }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="decisionDate"
            label={t('coordination.commendation.decisionDate')}
            rules={[{ required: true }]}
          >
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
