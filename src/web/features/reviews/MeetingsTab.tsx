import { FileWordOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { canMeet } from '../../../domain/review';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { CategoryTag, DateInput, fromDayjs } from '../households/common';
import { reviewsApi, type RoundDetail } from './api';
import { useRunsReviews } from './tags';

/** Village meetings (họp dân): each case is agreed when more than half of those present agree. */
export function MeetingsTab({ round }: { round: RoundDetail }) {
  const t = useT();
  const runs = useRunsReviews() && canMeet(round.state);
  const [recording, setRecording] = useState(false);
  const villageName = new Map(round.villages.map((v) => [v.id, v.name]));
  return (
    <Card
      title={t('reviews.meetingsTitle')}
      extra={
        runs && (
          <Button type="primary" icon={<TeamOutlined />} onClick={() => setRecording(true)}>
            {t('reviews.recordMeeting')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('reviews.meetingsIntro')}</Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={round.meetings}
        locale={{ emptyText: t('reviews.meetingsEmpty') }}
        columns={[
          { key: 'village', title: t('reviews.village'), render: (_: unknown, m) => villageName.get(m.villageId) },
          { key: 'heldOn', title: t('reviews.heldOn'), render: (_: unknown, m) => formatDate(m.heldOn) },
          { key: 'chair', title: t('reviews.chair'), dataIndex: 'chair' },
          { key: 'present', title: t('reviews.present'), dataIndex: 'present', align: 'right' },
          {
            key: 'agreed',
            title: t('reviews.agreedCases'),
            render: (_: unknown, m) => t('reviews.agreedLine', { agreed: m.agreed, notAgreed: m.notAgreed }),
          },
          {
            key: 'minutes',
            title: '',
            render: (_: unknown, m) => (
              <Button size="small" icon={<FileWordOutlined />} onClick={() => void reviewsApi.minutes(round.id, m.id)}>
                {t('reviews.minutes')}
              </Button>
            ),
          },
        ]}
      />
      {recording && <MeetingModal round={round} onClose={() => setRecording(false)} />}
    </Card>
  );
}

interface MeetingValues {
  villageId: string;
  heldOn: Dayjs;
  chair: string;
  present: number;
  votes: Record<string, number>;
}

function MeetingModal({ round, onClose }: { round: RoundDetail; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [villageId, setVillageId] = useState<string>();
  const surveyed = useQuery({
    queryKey: ['reviews', 'cases', round.id, 'meeting', villageId],
    queryFn: () => reviewsApi.cases(round.id, { village: villageId, status: 'surveyed', limit: 500, offset: 0 }),
    enabled: villageId !== undefined,
  });
  const cases = surveyed.data?.items ?? [];
  return (
    <FormModal
      open
      width={680}
      title={t('reviews.recordMeeting')}
      okText={t('reviews.recordMeeting')}
      onClose={onClose}
      submit={(v: MeetingValues) =>
        reviewsApi.recordMeeting(round.id, {
          villageId: v.villageId,
          heldOn: fromDayjs(v.heldOn),
          chair: v.chair.trim(),
          present: v.present,
          votes: cases.map((c) => ({ caseId: c.id, agreeing: v.votes[c.id] ?? 0 })),
        })
      }
      onSaved={async () => {
        await queryClient.invalidateQueries({ queryKey: ['reviews'] });
        onClose();
      }}
    >
      <Form.Item name="villageId" label={t('reviews.village')} rules={[{ required: true }]}>
        <Select onChange={setVillageId} options={round.villages.map((v) => ({ value: v.id, label: v.name }))} />
      </Form.Item>
      <Form.Item name="heldOn" label={t('reviews.heldOn')} rules={[{ required: true }]}>
        <DateInput />
      </Form.Item>
      <Form.Item name="chair" label={t('reviews.chair')} rules={[{ required: true, whitespace: true }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="present" label={t('reviews.present')} rules={[{ required: true }]}>
        <InputNumber min={1} max={10000} inputMode="numeric" />
      </Form.Item>
      {villageId && cases.length === 0 && !surveyed.isFetching && (
        <Typography.Paragraph type="warning">{t('reviews.noSurveyed')}</Typography.Paragraph>
      )}
      {cases.map((c) => (
        <Form.Item
          key={c.id}
          name={['votes', c.id]}
          label={
            <span>
              {t('reviews.agreeingFor', { code: c.householdCode, head: c.headName })}{' '}
              {c.proposedCategory && <CategoryTag category={c.proposedCategory} />}
            </span>
          }
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={10000} inputMode="numeric" />
        </Form.Item>
      ))}
    </FormModal>
  );
}
