import { UserAddOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';
import { reviewsApi, type RoundDetail } from './api';
import { useRunsReviews } from './tags';

/** Reviewers (điều tra viên) per village: each sees and surveys only their villages' households. */
export function ReviewersTab({ round }: { round: RoundDetail }) {
  const t = useT();
  const queryClient = useQueryClient();
  const runs = useRunsReviews() && round.state !== 'decided';
  const [assigning, setAssigning] = useState(false);
  const rows = round.villages.map((v) => ({
    ...v,
    reviewers: round.reviewers.filter((r) => r.villageId === v.id).map((r) => r.fullName),
  }));
  return (
    <Card
      title={t('reviews.reviewersTitle')}
      extra={
        runs && (
          <Button icon={<UserAddOutlined />} onClick={() => setAssigning(true)}>
            {t('reviews.assign')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('reviews.reviewersIntro')}</Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('reviews.casesEmpty') }}
        columns={[
          { key: 'village', title: t('reviews.village'), dataIndex: 'name' },
          { key: 'cases', title: t('reviews.cases'), dataIndex: 'cases', align: 'right' },
          {
            key: 'reviewers',
            title: t('reviews.reviewers'),
            render: (_: unknown, v) => (v.reviewers.length ? v.reviewers.join(', ') : '—'),
          },
        ]}
      />
      <FormModal
        open={assigning}
        title={t('reviews.assign')}
        okText={t('reviews.assign')}
        onClose={() => setAssigning(false)}
        intro={
          round.reviewerCandidates.length === 0 && (
            <Typography.Paragraph type="warning">{t('reviews.noCandidates')}</Typography.Paragraph>
          )
        }
        submit={(v: { userId: string; villageId: string }) => reviewsApi.assignReviewer(round.id, v)}
        onSaved={async () => {
          await queryClient.invalidateQueries({ queryKey: ['reviews'] });
          setAssigning(false);
        }}
      >
        <Form.Item name="userId" label={t('reviews.reviewer')} rules={[{ required: true }]}>
          <Select options={round.reviewerCandidates.map((u) => ({ value: u.userId, label: u.fullName }))} />
        </Form.Item>
        <Form.Item name="villageId" label={t('reviews.village')} rules={[{ required: true }]}>
          <Select options={round.villages.map((v) => ({ value: v.id, label: v.name }))} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
