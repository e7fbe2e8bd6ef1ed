import { FilePdfOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { todayInVietnam } from '../../../domain/calendar';
import { CATEGORIES, CATEGORY_LABELS } from '../../../domain/poverty';
import { canComplain } from '../../../domain/review';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useDebounced } from '../../lib/useDebounced';
import { CategoryTag, DateInput, fromDayjs, toDayjs } from '../households/common';
import { reviewsApi, type Complaint, type RoundDetail } from './api';
import { useRunsReviews } from './tags';

/** The public posting: its 3 working days, the lists to post, complaints and their re-check (phúc tra). */
export function PostingTab({ round }: { round: RoundDetail }) {
  const t = useT();
  const runs = useRunsReviews() && canComplain(round.state);
  const [complaining, setComplaining] = useState(false);
  const [rechecking, setRechecking] = useState<Complaint | null>(null);
  const posted = round.postedOn !== null;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('reviews.postingTitle')}>
        <Typography.Paragraph type="secondary">{t('reviews.postingHelp')}</Typography.Paragraph>
        {posted && (
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('reviews.postedOn')}>{formatDate(round.postedOn)}</Descriptions.Item>
            <Descriptions.Item label={t('reviews.postingEnds')}>{formatDate(round.postingEnds)}</Descriptions.Item>
          </Descriptions>
        )}
        <Space wrap>
          <ListDownloads roundId={round.id} label={t('reviews.communeList')} />
          {round.villages.map((v) => (
            <ListDownloads key={v.id} roundId={round.id} label={v.name} village={v.id} />
          ))}
        </Space>
      </Card>
      <Card
        title={t('reviews.complaints')}
        extra={
          runs && (
            <Button icon={<PlusOutlined />} onClick={() => setComplaining(true)}>
              {t('reviews.addComplaint')}
            </Button>
          )
        }
      >
        <Table<Complaint>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 720 }}
          dataSource={round.complaints}
          locale={{ emptyText: t('reviews.complaintsEmpty') }}
          columns={[
            { key: 'household', title: t('reviews.household'), dataIndex: 'householdCode' },
            { key: 'receivedOn', title: t('reviews.receivedOn'), render: (_: unknown, c) => formatDate(c.receivedOn) },
            {
              key: 'content',
              title: t('reviews.complaint'),
              render: (_: unknown, c) => (
                <>
                  {c.content}
                  <div className="cell-secondary">{c.complainant}</div>
                </>
              ),
            },
            {
              key: 'outcome',
              title: t('reviews.recheck'),
              render: (_: unknown, c) =>
                c.resolved ? (
                  <>
                    {c.outcomeCategory && <CategoryTag category={c.outcomeCategory} />}
                    {c.changed && <Tag color="orange">{t('reviews.changed', { date: formatDate(c.repostedOn) })}</Tag>}
                    <div className="cell-secondary">{c.findings}</div>
                  </>
                ) : runs ? (
                  <Button size="small" onClick={() => setRechecking(c)}>
                    {t('reviews.recordRecheck')}
                  </Button>
                ) : (
                  <Tag color="red">{t('reviews.open')}</Tag>
                ),
            },
          ]}
        />
      </Card>
      {complaining && <ComplaintModal round={round} onClose={() => setComplaining(false)} />}
      {rechecking && <RecheckModal round={round} complaint={rechecking} onClose={() => setRechecking(null)} />}
    </Space>
  );
}

function useRefreshing(onClose: () => void) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ['reviews'] });
    onClose();
  };
}

/** A listed household of the round, found by code or name. */
function CasePicker({
  round,
  id,
  value,
  onChange,
}: {
  round: RoundDetail;
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
}) {
  const [q, setQ] = useState('');
  const search = useDebounced(q, 300);
  const found = useQuery({
    queryKey: ['reviews', 'cases', round.id, 'picker', search],
    queryFn: () => reviewsApi.cases(round.id, { q: search || undefined, limit: 20, offset: 0 }),
    placeholderData: keepPreviousData,
  });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={(found.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.householdCode} — ${c.headName}` }))}
    />
  );
}

function ComplaintModal({ round, onClose }: { round: RoundDetail; onClose: () => void }) {
  const t = useT();
  const refresh = useRefreshing(onClose);
  return (
    <FormModal
      open
      title={t('reviews.addComplaint')}
      okText={t('reviews.addComplaint')}
      initialValues={{ receivedOn: toDayjs(todayInVietnam()) }}
      onClose={onClose}
      submit={(v: { caseId: string; receivedOn: Dayjs; complainant: string; content: string }) =>
        reviewsApi.addComplaint(round.id, {
          caseId: v.caseId,
          receivedOn: fromDayjs(v.receivedOn),
          complainant: v.complainant.trim(),
          content: v.content.trim(),
        })
      }
      onSaved={refresh}
    >
      <Form.Item name="caseId" label={t('reviews.household')} rules={[{ required: true }]}>
        <CasePicker round={round} />
      </Form.Item>
      <Form.Item name="receivedOn" label={t('reviews.receivedOn')} rules={[{ required: true }]}>
        <DateInput />
      </Form.Item>
      <Form.Item name="complainant" label={t('reviews.complainant')} rules={[{ required: true, whitespace: true }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="content" label={t('reviews.complaint')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}

function RecheckModal({
  round,
  complaint,
  onClose,
}: {
  round: RoundDetail;
  complaint: Complaint;
  onClose: () => void;
}) {
  const t = useT();
  const refresh = useRefreshing(onClose);
  return (
    <FormModal
      open
      title={t('reviews.recordRecheck')}
      okText={t('reviews.recordRecheck')}
      intro={<p>{t('reviews.recheckIntro', { code: complaint.householdCode })}</p>}
      onClose={onClose}
      submit={(v: { findings: string; outcomeCategory: (typeof CATEGORIES)[number]; repostedOn?: Dayjs }) =>
        reviewsApi.recheck(round.id, complaint.id, {
          findings: v.findings.trim(),
          outcomeCategory: v.outcomeCategory,
          repostedOn: v.repostedOn ? fromDayjs(v.repostedOn) : null,
          version: complaint.version,
        })
      }
      onSaved={refresh}
    >
      <Form.Item name="findings" label={t('reviews.findings')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="outcomeCategory" label={t('reviews.outcome')} rules={[{ required: true }]}>
        <Select options={CATEGORIES.map((c) => ({ value: c, label: t.label(CATEGORY_LABELS[c]) }))} />
      </Form.Item>
      <Form.Item name="repostedOn" label={t('reviews.repostedOn')} extra={t('reviews.repostedOnHelp')}>
        <DateInput />
      </Form.Item>
    </FormModal>
  );
}

/** A posting list (the commune's, or a village's) as Word to edit, or as PDF to print and post. */
function ListDownloads({ roundId, label, village }: { roundId: string; label: string; village?: string }) {
  const t = useT();
  return (
    <Space.Compact>
      <Button icon={<FileWordOutlined />} onClick={() => void reviewsApi.postingList(roundId, 'docx', village)}>
        {label}
      </Button>
      <Button
        icon={<FilePdfOutlined />}
        title={t('reviews.listPdf')}
        onClick={() => void reviewsApi.postingList(roundId, 'pdf', village)}
      >
        PDF
      </Button>
    </Space.Compact>
  );
}
