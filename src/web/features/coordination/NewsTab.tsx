import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Space, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { NEWS_STATUS_LABELS, type NewsStatus } from '../../../domain/coordination';
import { FormModal } from '../../components/FormModal';
import { ListTable } from '../../components/ListTable';
import { ListToolbar, ToolbarSelect } from '../../components/ListToolbar';
import { useT } from '../../i18n';
import { useErrorText } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { newsApi, newsPath, type NewsItem } from '../news/api';
import { usePage } from './CoordinationPage';
import { NewsModal } from './NewsModal';
import { useCanManageCoordination, useWorkingUnit } from './useWorkingUnit';

const STATUS_COLOURS: Record<NewsStatus, string> = { draft: 'default', published: 'green', withdrawn: 'red' };

/** The area's news: drafts to finish, what is on the public site, what was withdrawn and why. */
export function NewsTab() {
  const t = useT();
  const page = usePage();
  const unit = useWorkingUnit();
  const canManage = useCanManageCoordination();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<NewsStatus | undefined>();
  const [editing, setEditing] = useState<NewsItem | 'new' | null>(null);
  const [withdrawing, setWithdrawing] = useState<NewsItem | null>(null);
  const query = {
    q: page.q,
    limit: page.limit,
    offset: page.offset,
    unit: unit ?? undefined,
    status,
    sort: 'happenedOn',
    order: 'desc',
  };
  const list = useQuery({
    queryKey: ['news', 'list', query],
    queryFn: () => newsApi.list(query),
    placeholderData: keepPreviousData,
  });
  const reload = () => queryClient.invalidateQueries({ queryKey: ['news'] });
  const publish = (item: NewsItem) =>
    newsApi
      .publish(item)
      .then(async () => (message.success(t('news.published')), await reload()))
      .catch((e: unknown) => message.error(errorText(e)));

  const columns: TableProps<NewsItem>['columns'] = [
    {
      key: 'title',
      title: t('news.title'),
      render: (_, n) => <Typography.Link onClick={() => setEditing(n)}>{n.title}</Typography.Link>,
    },
    { key: 'date', title: t('news.happenedOn'), render: (_, n) => formatDate(n.happenedOn) },
    { key: 'unit', title: t('news.unit'), dataIndex: 'unitName' },
    {
      key: 'status',
      title: t('news.status'),
      render: (_, n) => (
        <Space orientation="vertical" size={0}>
          <Tag color={STATUS_COLOURS[n.status]}>{t.label(NEWS_STATUS_LABELS[n.status])}</Tag>
          {n.withdrawReason && <Typography.Text type="secondary">{n.withdrawReason}</Typography.Text>}
        </Space>
      ),
    },
    {
      key: 'actions',
      title: '',
      render: (_, n) => (
        <Space wrap>
          {n.status === 'published' && (
            <a href={newsPath(n.id)} target="_blank" rel="noreferrer">
              {t('news.viewPublic')}
            </a>
          )}
          {n.canManage && n.status !== 'published' && (
            <Button size="small" type="primary" onClick={() => void publish(n)}>
              {t('news.publish')}
            </Button>
          )}
          {n.canManage && n.status === 'published' && (
            <Button size="small" danger onClick={() => setWithdrawing(n)}>
              {t('news.withdraw')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <>
      <ListToolbar searchPlaceholder={t('news.searchPlaceholder')} onSearch={page.search}>
        <ToolbarSelect<NewsStatus>
          label={t('news.status')}
          value={status}
          onChange={(v) => (setStatus(v), page.reset())}
          options={(['draft', 'published', 'withdrawn'] as const).map((s) => ({
            value: s,
            label: t.label(NEWS_STATUS_LABELS[s]),
          }))}
        />
        {canManage && unit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('news.create')}
          </Button>
        )}
      </ListToolbar>
      <ListTable<NewsItem>
        rowKey="id"
        columns={columns}
        list={list}
        page={{ limit: page.limit, offset: page.offset }}
        onPage={page.onPage}
        scroll={{ x: 800 }}
        emptyText={t('news.empty')}
      />
      {editing && unit && (
        <NewsModal unitCode={unit} item={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
      {withdrawing && (
        <FormModal<{ reason: string }, NewsItem>
          open
          danger
          title={t('news.withdrawTitle', { title: withdrawing.title })}
          okText={t('news.withdraw')}
          submit={(v) => newsApi.withdraw(withdrawing, v.reason)}
          onSaved={async () => {
            message.success(t('news.withdrawn'));
            setWithdrawing(null);
            await reload();
          }}
          onClose={() => setWithdrawing(null)}
        >
          <Form.Item
            name="reason"
            label={t('news.withdrawReason')}
            rules={[{ required: true, message: t('news.required', { field: t('news.withdrawReason').toLowerCase() }) }]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
