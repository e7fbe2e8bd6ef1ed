import { EditOutlined, NotificationOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Space } from 'antd';
import { useState } from 'react';
import {
  ACTIVITY_KIND_LABELS,
  AUDIENCE_KIND_LABELS,
  BUDGET_SOURCES,
  BUDGET_SOURCE_LABELS,
  formatVnd,
} from '../../../domain/coordination';
import { useIsMobile } from '../../lib/useIsMobile';
import { useT } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { ActivityModal } from './ActivityModal';
import { coordinationApi, type Activity } from './api';
import { NewsModal } from './NewsModal';

/** One activity: what, when, where, who and what it cost, its photos and minutes; edit it. */
export function ActivityDrawer({ activity: listed, onClose }: { activity: Activity; onClose: () => void }) {
  const t = useT();
  const mobile = useIsMobile();
  const [editing, setEditing] = useState(false);
  const [writing, setWriting] = useState(false);
  // Read fresh, so an edit shows at once and a second edit carries the new version.
  const { data } = useQuery({
    queryKey: ['activities', 'one', listed.id],
    queryFn: () => coordinationApi.activity(listed.id),
    initialData: listed,
  });
  const a = data ?? listed;
  const dates =
    a.startsOn === a.endsOn ? formatDate(a.startsOn) : `${formatDate(a.startsOn)} – ${formatDate(a.endsOn)}`;
  return (
    <Drawer
      open
      width={mobile ? '100%' : 720}
      title={a.title}
      onClose={onClose}
      extra={
        a.canManage && (
          <Space wrap>
            <Button icon={<NotificationOutlined />} onClick={() => setWriting(true)}>
              {t('news.fromActivity')}
            </Button>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          </Space>
        )
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('coordination.activity.kind')}>
            {t.label(ACTIVITY_KIND_LABELS[a.kind])}
          </Descriptions.Item>
          <Descriptions.Item label={t('coordination.activity.dates')}>{dates}</Descriptions.Item>
          <Descriptions.Item label={t('coordination.activity.unit')}>
            {[a.place, a.unitName].filter(Boolean).join(', ')}
          </Descriptions.Item>
          <Descriptions.Item label={t('coordination.activity.organisers')}>
            {a.organisers.map((o) => o.name).join('; ')}
          </Descriptions.Item>
          <Descriptions.Item label={t('coordination.activity.audienceKind')}>
            {t.label(AUDIENCE_KIND_LABELS[a.audienceKind])}
          </Descriptions.Item>
          <Descriptions.Item label={t('coordination.activity.audienceSize')}>
            {formatNumber(a.audienceSize)} ({t('coordination.activity.poorAudience').toLowerCase()}:{' '}
            {formatNumber(a.poorAudience)})
          </Descriptions.Item>
          <Descriptions.Item label={t('coordination.activity.topics')}>{a.topics}</Descriptions.Item>
          <Descriptions.Item label={t('coordination.activity.budget')}>
            {BUDGET_SOURCES.filter((s) => a.budget[s] > 0)
              .map((s) => `${t.label(BUDGET_SOURCE_LABELS[s])}: ${formatVnd(a.budget[s])}`)
              .join('; ') || formatVnd(0)}
          </Descriptions.Item>
          {a.taskId && (
            <Descriptions.Item label={t('coordination.activity.link')}>
              {t('coordination.activity.evidenceOf')}
            </Descriptions.Item>
          )}
        </Descriptions>
        <AttachmentsPanel ownerKind="activity" ownerId={a.id} canManage={a.canManage} />
      </Space>
      {writing && <NewsModal unitCode={a.unitCode} activity={a} onClose={() => setWriting(false)} />}
      {editing && <ActivityModal open unitCode={a.unitCode} activity={a} onClose={() => setEditing(false)} />}
    </Drawer>
  );
}
