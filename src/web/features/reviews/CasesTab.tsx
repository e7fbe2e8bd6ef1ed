import { FileWordOutlined, FormOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Radio, Select, Space, Typography, type TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { CATEGORY_LABELS } from '../../../domain/poverty';
import { canList, canSurvey } from '../../../domain/review';
import { todayInVietnam } from '../../../domain/calendar';
import { FormModal } from '../../components/FormModal';
import { ListTable } from '../../components/ListTable';
import { ListToolbar, ToolbarSelect } from '../../components/ListToolbar';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useIsMobile } from '../../lib/useIsMobile';
import { CategoryTag, DateInput, fromDayjs, toDayjs } from '../households/common';
import { HouseholdPicker } from '../households/HouseholdPicker';
import {
  reviewsApi,
  type ApplicationChannel,
  type ApplicationForm,
  type CaseStatus,
  type ReviewCase,
  type RoundDetail,
} from './api';
import { BulkClassification } from './BulkClassification';
import { SurveyDrawer } from './SurveyDrawer';
import { CaseStatusTag, useRunsReviews } from './tags';

const PAGE_SIZE = 50;
const STATUSES: CaseStatus[] = ['pending', 'draft', 'surveyed', 'resurvey', 'agreed'];
const FORMS: ApplicationForm[] = ['mau_01', 'mau_04'];
const CHANNELS: ApplicationChannel[] = ['in_person', 'post', 'online'];

/** The households listed in the round (a reviewer's own villages only), their survey and result. */
export function CasesTab({ round }: { round: RoundDetail }) {
  const t = useT();
  const queryClient = useQueryClient();
  const runs = useRunsReviews();
  const isMobile = useIsMobile();
  const [filters, setFilters] = useState<{ q?: string; village?: string; status?: CaseStatus }>({});
  const [page, setPage] = useState({ limit: PAGE_SIZE, offset: 0 });
  const [adding, setAdding] = useState(false);
  const [surveying, setSurveying] = useState<ReviewCase | null>(null);
  const query = { ...filters, ...page };
  const list = useQuery({
    queryKey: ['reviews', 'cases', round.id, query],
    queryFn: () => reviewsApi.cases(round.id, query),
    placeholderData: keepPreviousData,
  });
  const filter = (next: typeof filters) => {
    setFilters(next);
    setPage((p) => ({ ...p, offset: 0 }));
  };
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['reviews'] });
  const surveyOpen = canSurvey(round.state);

  const columns: TableProps<ReviewCase>['columns'] = [
    {
      key: 'household',
      title: t('reviews.household'),
      render: (_: unknown, c) => (
        <>
          <Typography.Text strong>{c.householdCode}</Typography.Text> — {c.headName}
          <div className="cell-secondary">{c.villageName}</div>
          {/* A phone shows one column: the status and result under the household. */}
          {isMobile && (
            <Space size={4} wrap>
              <CaseStatusTag status={c.status} />
              {(c.finalCategory ?? c.proposedCategory) && (
                <CategoryTag category={(c.finalCategory ?? c.proposedCategory)!} />
              )}
            </Space>
          )}
        </>
      ),
    },
    {
      key: 'reason',
      title: t('reviews.reason'),
      responsive: ['md'],
      render: (_: unknown, c) => (
        <>
          {t(`reviews.reasons.${c.reason}`)}
          {c.application && (
            <div className="cell-secondary">
              {t('reviews.applicationLine', {
                form: t(`reviews.forms.${c.application.form}`),
                date: formatDate(c.application.receivedOn),
                channel: t(`reviews.channels.${c.application.channel}`),
              })}
            </div>
          )}
          {c.proposedBy && <div className="cell-secondary">{c.proposedBy}</div>}
        </>
      ),
    },
    {
      key: 'previous',
      title: t('reviews.previous'),
      responsive: ['lg'],
      render: (_: unknown, c) => (c.previousCategory ? t.label(CATEGORY_LABELS[c.previousCategory]) : '—'),
    },
    {
      key: 'status',
      title: t('reviews.caseStatusLabel'),
      responsive: ['md'],
      render: (_: unknown, c) => <CaseStatusTag status={c.status} />,
    },
    {
      key: 'result',
      title: t('reviews.result'),
      responsive: ['md'],
      render: (_: unknown, c) => {
        const category = c.finalCategory ?? c.proposedCategory;
        return category ? (
          <>
            <CategoryTag category={category} />
            {c.meetingPresent !== null && (
              <div className="cell-secondary">
                {t('reviews.votes', { agreeing: c.meetingAgreeing ?? 0, present: c.meetingPresent })}
              </div>
            )}
          </>
        ) : (
          '—'
        );
      },
    },
    {
      key: 'actions',
      title: '',
      render: (_: unknown, c) => (
        <Space size={4} wrap>
          {surveyOpen && c.status !== 'agreed' && (
            <Button size="small" icon={<FormOutlined />} onClick={() => setSurveying(c)}>
              {t('reviews.surveySheet')}
            </Button>
          )}
          {c.certificateNumber !== null && round.state === 'decided' && (
            <Button
              size="small"
              icon={<FileWordOutlined />}
              onClick={() => void reviewsApi.certificate(round.id, c.id)}
            >
              {t('reviews.certificate', { number: c.certificateNumber })}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <BulkClassification round={round} />
      <ListToolbar searchPlaceholder={t('reviews.searchCases')} onSearch={(q) => filter({ ...filters, q })}>
        <ToolbarSelect<string>
          label={t('reviews.village')}
          value={filters.village}
          onChange={(village) => filter({ ...filters, village })}
          options={round.villages.map((v) => ({ value: v.id, label: v.name }))}
        />
        <ToolbarSelect<CaseStatus>
          label={t('reviews.caseStatusLabel')}
          value={filters.status}
          onChange={(status) => filter({ ...filters, status })}
          options={STATUSES.map((s) => ({ value: s, label: t(`reviews.caseStatus.${s}`) }))}
        />
        {runs && canList(round.state) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('reviews.addCase')}
          </Button>
        )}
      </ListToolbar>
      <ListTable<ReviewCase>
        rowKey="id"
        columns={columns}
        list={list}
        page={page}
        onPage={setPage}
        scroll={isMobile ? undefined : { x: 820 }}
        emptyText={t(round.state === 'planned' ? 'reviews.casesPlanned' : 'reviews.casesEmpty')}
      />
      {adding && <AddCaseModal round={round} onClose={() => setAdding(false)} onSaved={refresh} />}
      {surveying && (
        <SurveyDrawer
          round={round}
          reviewCase={surveying}
          onClose={() => setSurveying(null)}
          onSaved={async () => {
            setSurveying(null);
            await refresh();
          }}
        />
      )}
    </>
  );
}

interface AddCaseValues {
  householdId: string;
  reason: 'application' | 'village_head';
  form: ApplicationForm;
  receivedOn: Dayjs;
  channel: ApplicationChannel;
  applicantName: string;
  content: string;
  proposedBy?: string;
}

/** List a household: an application (Mẫu 01 or Mẫu 04) or a village head's proposal. */
function AddCaseModal({
  round,
  onClose,
  onSaved,
}: {
  round: RoundDetail;
  onClose: () => void;
  onSaved: () => unknown;
}) {
  const t = useT();
  const [reason, setReason] = useState<AddCaseValues['reason']>('application');
  return (
    <FormModal
      open
      width={640}
      title={t('reviews.addCaseTitle')}
      okText={t('reviews.addCase')}
      initialValues={{
        reason: 'application',
        form: 'mau_01',
        channel: 'in_person',
        receivedOn: toDayjs(todayInVietnam()),
      }}
      onClose={onClose}
      submit={(v: AddCaseValues) =>
        reviewsApi.addCase(round.id, {
          householdId: v.householdId,
          reason: v.reason,
          ...(v.reason === 'application'
            ? {
                application: {
                  form: v.form,
                  receivedOn: fromDayjs(v.receivedOn),
                  channel: v.channel,
                  applicantName: v.applicantName.trim(),
                  content: v.content.trim(),
                },
              }
            : { proposedBy: v.proposedBy?.trim() || null }),
        })
      }
      onSaved={async () => {
        await onSaved();
        onClose();
      }}
    >
      <Form.Item
        name="householdId"
        label={t('reviews.household')}
        extra={t('reviews.householdHelp')}
        rules={[{ required: true, message: t('reviews.householdRequired') }]}
      >
        <HouseholdPicker communeCode={round.communeCode} />
      </Form.Item>
      <Form.Item name="reason" label={t('reviews.reason')}>
        <Radio.Group
          onChange={(e) => setReason(e.target.value as AddCaseValues['reason'])}
          options={(['application', 'village_head'] as const).map((r) => ({
            value: r,
            label: t(`reviews.reasons.${r}`),
          }))}
        />
      </Form.Item>
      {reason === 'application' ? (
        <>
          <Form.Item name="form" label={t('reviews.form')}>
            <Select options={FORMS.map((f) => ({ value: f, label: t(`reviews.forms.${f}`) }))} />
          </Form.Item>
          <Form.Item name="receivedOn" label={t('reviews.receivedOn')} rules={[{ required: true }]}>
            <DateInput />
          </Form.Item>
          <Form.Item name="channel" label={t('reviews.channel')}>
            <Radio.Group options={CHANNELS.map((c) => ({ value: c, label: t(`reviews.channels.${c}`) }))} />
          </Form.Item>
          <Form.Item
            name="applicantName"
            label={t('reviews.applicantName')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="content"
            label={t('reviews.applicationContent')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      ) : (
        <Form.Item name="proposedBy" label={t('reviews.proposedBy')}>
          <Input autoComplete="off" />
        </Form.Item>
      )}
    </FormModal>
  );
}
