import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Select, Steps, Typography } from 'antd';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { useState } from 'react';
import { HOUSE_STAGE_LABELS, HOUSE_STAGES } from '../../../domain/support';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import type { Household } from '../households/api';
import { DateInput, fromDayjs } from '../households/common';
import { housesApi, supportQueries, type House, type HouseStage } from './api';
import { NEW_ROW, SourceAmounts } from './SourceAmounts';

type DayValue = Parameters<typeof fromDayjs>[0];
const housesKey = (householdId: string) => ['support', 'houses', householdId] as const;

/** The household's supported houses: each one's stages, and for officers approval and the next step. */
export function HousesSection({ household: h, canManage }: { household: Household; canManage: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: housesKey(h.id), queryFn: () => housesApi.ofHousehold(h.id) });
  const [dialog, setDialog] = useState<{ kind: 'approve' } | { kind: 'advance'; house: House } | null>(null);
  const saved = (text: string) => {
    setDialog(null);
    void queryClient.invalidateQueries({ queryKey: housesKey(h.id) });
    // The year-by-year table shows each house's stage.
    void queryClient.invalidateQueries({ queryKey: supportQueries.years(h.id).queryKey });
    void message.success(text);
  };
  const inProgress = list.data?.items.some((house) => house.stage !== 'handed_over');

  return (
    <section className="houses-section">
      <div className="tab-actions">
        <Typography.Title level={5} style={{ margin: 0, flex: 1 }}>
          {t('support.houses')}
        </Typography.Title>
        {canManage && !inProgress && (
          <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'approve' })}>
            {t('support.houseApprove')}
          </Button>
        )}
      </div>
      {list.data?.items.length === 0 && (
        <Typography.Paragraph type="secondary">{t('support.housesEmpty')}</Typography.Paragraph>
      )}
      {list.data?.items.map((house) => (
        <HouseCard
          key={house.id}
          house={house}
          canManage={canManage}
          onAdvance={() => setDialog({ kind: 'advance', house })}
        />
      ))}
      {dialog?.kind === 'approve' && (
        <ApproveModal household={h} onClose={() => setDialog(null)} onSaved={() => saved(t('support.houseApproved'))} />
      )}
      {dialog?.kind === 'advance' && (
        <AdvanceModal house={dialog.house} onClose={() => setDialog(null)} onSaved={() => saved(t('common.saved'))} />
      )}
    </section>
  );
}

const nextStage = (stage: HouseStage) =>
  HOUSE_STAGES[HOUSE_STAGES.indexOf(stage) + 1] as Exclude<HouseStage, 'approved'> | undefined;

function HouseCard({ house, canManage, onAdvance }: { house: House; canManage: boolean; onAdvance: () => void }) {
  const t = useT();
  const sources = useQuery(supportQueries.sources());
  const sourceName = (code: string) => t.label(sources.data?.find((s) => s.code === code)?.name) || code;
  const next = nextStage(house.stage);
  return (
    <Card size="small" className="house-card" data-testid={`house-${house.decisionNumber}`}>
      <Typography.Text strong>
        {t(house.kind === 'build' ? 'support.houseBuild' : 'support.houseRepair')} — {house.decisionNumber} —{' '}
        {formatNumber(house.totalCost)} đ
      </Typography.Text>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
        {t('support.funding')}:{' '}
        {house.funding.map((f) => `${sourceName(f.sourceCode)} ${formatNumber(f.amount)} đ`).join('; ')}
        {house.builder && ` — ${t('support.builder')}: ${house.builder}`}
      </Typography.Paragraph>
      {house.behindSchedule && (
        <Alert type="warning" showIcon title={t.label(house.behindSchedule)} style={{ margin: '8px 0' }} />
      )}
      <Steps
        size="small"
        current={HOUSE_STAGES.indexOf(house.stage)}
        style={{ margin: '12px 0' }}
        items={HOUSE_STAGES.map((s) => ({
          title: t.label(HOUSE_STAGE_LABELS[s]),
          content: house.dates[s]
            ? formatDate(house.dates[s])
            : s === 'completed'
              ? t('support.planned', { date: formatDate(house.plannedCompletion) })
              : '',
        }))}
      />
      {canManage && next && (
        <Button type="primary" onClick={onAdvance}>
          {t.label(HOUSE_STAGE_LABELS[next])}
        </Button>
      )}
      <div style={{ marginTop: 12 }}>
        <AttachmentsPanel
          key={house.stage}
          ownerKind="house"
          ownerId={house.id}
          canManage={canManage}
          title={t('support.housePhotos')}
          defaultCaption={t.label(HOUSE_STAGE_LABELS[house.stage])}
        />
      </div>
    </Card>
  );
}

interface ApproveForm {
  kind: 'build' | 'repair';
  decisionNumber: string;
  approvedOn: DayValue;
  plannedCompletion: DayValue;
  builder?: string;
  funding: { sourceCode: string; amount: number }[];
}

function ApproveModal({
  household: h,
  onClose,
  onSaved,
}: {
  household: Household;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  return (
    <FormModal<ApproveForm, House>
      open
      title={t('support.houseApproveTitle', { code: h.code })}
      okText={t('support.houseApprove')}
      onClose={onClose}
      initialValues={{ kind: 'build', funding: [NEW_ROW] }}
      submit={(v) =>
        housesApi.approve(h.id, {
          kind: v.kind,
          decisionNumber: v.decisionNumber.trim(),
          approvedOn: fromDayjs(v.approvedOn),
          plannedCompletion: fromDayjs(v.plannedCompletion),
          builder: v.builder?.trim() || null,
          funding: v.funding,
        })
      }
      onSaved={onSaved}
    >
      <Form.Item name="kind" label={t('support.houseKind')}>
        <Select
          options={[
            { value: 'build', label: t('support.houseBuild') },
            { value: 'repair', label: t('support.houseRepair') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="decisionNumber"
        label={t('support.decision')}
        rules={[{ required: true, whitespace: true, message: t('support.decisionRequired') }, { max: 60 }]}
      >
        <Input placeholder="45/QĐ-UBND" />
      </Form.Item>
      <Form.Item
        name="approvedOn"
        label={t('support.approvedOn')}
        rules={[{ required: true, message: t('support.dateRequired') }]}
      >
        <DateInput />
      </Form.Item>
      <Form.Item
        name="plannedCompletion"
        label={t('support.plannedCompletion')}
        rules={[{ required: true, message: t('support.dateRequired') }]}
      >
        <DateInput />
      </Form.Item>
      <Form.Item name="builder" label={t('support.builder')} rules={[{ max: 200 }]}>
        <Input />
      </Form.Item>
      <Typography.Text strong>{t('support.funding')}</Typography.Text>
      <SourceAmounts name="funding" />
    </FormModal>
  );
}

function AdvanceModal({ house, onClose, onSaved }: { house: House; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const next = nextStage(house.stage)!;
  return (
    <FormModal<{ date: DayValue }, House>
      open
      title={t('support.houseStepTitle', { stage: t.label(HOUSE_STAGE_LABELS[next]) })}
      okText={t('common.save')}
      onClose={onClose}
      submit={(v) => housesApi.advance(house.id, { stage: next, date: fromDayjs(v.date), version: house.version })}
      onSaved={onSaved}
    >
      <Form.Item
        name="date"
        label={t('support.stepDate')}
        rules={[{ required: true, message: t('support.dateRequired') }]}
      >
        <DateInput />
      </Form.Item>
    </FormModal>
  );
}
