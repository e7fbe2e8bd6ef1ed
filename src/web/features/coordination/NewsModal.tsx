import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Col, DatePicker, Form, Image, Input, Row, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { attachmentsApi, contentUrl } from '../attachments/api';
import { newsApi, type NewsInput, type NewsItem } from '../news/api';
import type { Activity } from './api';
import { OrganisationsPicker } from './pickers';

type Values = Omit<NewsInput, 'happenedOn' | 'unitCode' | 'activityId'> & { happenedOn: Dayjs };

/**
 * Write a news item — from an activity (its title, topics, organisers and photos offered), or on
 * its own — or edit one. Photos uploaded to a saved item are published with it.
 */
export function NewsModal({
  unitCode,
  activity,
  item,
  onClose,
}: {
  unitCode: string;
  activity?: Activity;
  item?: NewsItem;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const activityId = item ? item.activityId : (activity?.id ?? null);
  const photos = useQuery({
    queryKey: ['attachments', 'activity', activityId],
    queryFn: () => attachmentsApi.list('activity', activityId!),
    enabled: activityId !== null,
    select: (data) => data.items.filter((a) => a.image),
  });
  const required = (field: string) => [{ required: true, message: t('news.required', { field: field.toLowerCase() }) }];
  const initialValues: Partial<Values> = item
    ? {
        ...item,
        happenedOn: dayjs(item.happenedOn),
        organisationIds: item.organisations.map((o) => o.id),
      }
    : {
        title: activity?.title,
        summary: activity?.topics,
        happenedOn: activity ? dayjs(activity.startsOn) : dayjs(),
        organisationIds: activity?.organisers.map((o) => o.id) ?? [],
        activityPhotoIds: [],
      };
  return (
    <FormModal<Values, NewsItem>
      open
      width={760}
      title={item ? t('news.edit') : activity ? t('news.fromActivity') : t('news.create')}
      okText={t('common.save')}
      initialValues={initialValues}
      submit={(v) => {
        const body: NewsInput = {
          unitCode: item?.unitCode ?? activity?.unitCode ?? unitCode,
          title: v.title,
          summary: v.summary,
          body: v.body ?? null,
          happenedOn: v.happenedOn.format('YYYY-MM-DD'),
          activityId,
          organisationIds: v.organisationIds ?? [],
          activityPhotoIds: v.activityPhotoIds ?? [],
        };
        return item ? newsApi.update(item.id, { ...body, version: item.version }) : newsApi.create(body);
      }}
      onSaved={async () => {
        message.success(t('news.saved'));
        await queryClient.invalidateQueries({ queryKey: ['news'] });
        onClose();
      }}
      onClose={onClose}
    >
      <Row gutter={12}>
        <Col span={24}>
          <Form.Item name="title" label={t('news.title')} rules={required(t('news.title'))}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="happenedOn" label={t('news.happenedOn')} rules={required(t('news.happenedOn'))}>
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="organisationIds" label={t('news.organisations')}>
            <OrganisationsPicker known={item?.organisations ?? activity?.organisers ?? []} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="summary" label={t('news.summary')} rules={required(t('news.summary'))}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="body" label={t('news.body')}>
            <Input.TextArea rows={6} maxLength={20_000} />
          </Form.Item>
        </Col>
        {photos.data && photos.data.length > 0 && (
          <Col span={24}>
            <Form.Item name="activityPhotoIds" label={t('news.photos')}>
              <Checkbox.Group>
                <Space wrap>
                  {photos.data.map((p) => (
                    <Checkbox key={p.id} value={p.id}>
                      <Image
                        src={contentUrl(p.id)}
                        alt={p.caption ?? p.fileName}
                        width={96}
                        height={72}
                        preview={false}
                        style={{ objectFit: 'cover' }}
                      />
                    </Checkbox>
                  ))}
                </Space>
              </Checkbox.Group>
            </Form.Item>
          </Col>
        )}
      </Row>
      {item && (
        <AttachmentsPanel ownerKind="news" ownerId={item.id} canManage={item.canManage} title={t('news.ownPhotos')} />
      )}
    </FormModal>
  );
}
