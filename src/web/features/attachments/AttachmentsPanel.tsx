import {
  DeleteOutlined,
  DownloadOutlined,
  FileExcelOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Image, Input, List, Space, Typography, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';
import { useErrorText } from '../../lib/errors';
import { formatDate, formatNumber } from '../../lib/format';
import { ACCEPT, attachmentsApi, contentUrl, MAX_FILE_BYTES, type Attachment, type OwnerKind } from './api';

const ICONS: Record<string, ReactNode> = {
  pdf: <FilePdfOutlined style={{ color: '#cf1322' }} />,
  docx: <FileWordOutlined style={{ color: '#1d39c4' }} />,
  doc: <FileWordOutlined style={{ color: '#1d39c4' }} />,
  xlsx: <FileExcelOutlined style={{ color: '#389e0d' }} />,
  xls: <FileExcelOutlined style={{ color: '#389e0d' }} />,
};

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${formatNumber(Math.ceil(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * The files of a record — photos as thumbnails that open large, documents as a list to open or
 * download — with upload and removal (with a reason) for those who may edit the record.
 */
export function AttachmentsPanel({
  ownerKind,
  ownerId,
  canManage,
  title,
}: {
  ownerKind: OwnerKind;
  ownerId: string;
  /** The record's own `canManage`: who may edit it may attach to it. */
  canManage: boolean;
  title?: string;
}) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const key = ['attachments', ownerKind, ownerId];
  const list = useQuery({ queryKey: key, queryFn: () => attachmentsApi.list(ownerKind, ownerId) });
  const [caption, setCaption] = useState('');
  const [removing, setRemoving] = useState<Attachment | null>(null);
  const items = list.data?.items ?? [];
  const photos = items.filter((a) => a.image);
  const documents = items.filter((a) => !a.image);
  const reload = () => queryClient.invalidateQueries({ queryKey: key });

  const upload = async (file: File) => {
    if (file.size > MAX_FILE_BYTES) {
      message.error(t('attachments.tooLarge', { name: file.name }));
      return;
    }
    const done = message.loading(t('attachments.uploading', { name: file.name }), 0);
    try {
      await attachmentsApi.upload(ownerKind, ownerId, file, caption.trim());
      message.success(t('attachments.uploaded', { name: file.name }));
      setCaption('');
      await reload();
    } catch (error) {
      message.error(errorText(error));
    } finally {
      done();
    }
  };

  const by = (a: Attachment) => t('attachments.by', { name: a.createdByName ?? '—', date: formatDate(a.createdAt) });
  const removeButton = (a: Attachment) =>
    a.canRemove && (
      <Button
        key="remove"
        size="small"
        type="text"
        danger
        icon={<DeleteOutlined />}
        aria-label={`${t('attachments.remove')}: ${a.fileName}`}
        onClick={() => setRemoving(a)}
      />
    );

  return (
    <Card size="small" title={title ?? t('attachments.title')} loading={list.isLoading}>
      {list.isError && <Typography.Text type="danger">{errorText(list.error)}</Typography.Text>}
      {list.data && items.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attachments.empty')} />
      )}
      {photos.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap size={12} style={{ marginBottom: 12 }} aria-label={t('attachments.photos')}>
            {photos.map((a) => (
              <figure key={a.id} style={{ margin: 0, width: 132 }}>
                <Image
                  src={contentUrl(a.id)}
                  alt={a.caption ?? a.fileName}
                  width={132}
                  height={99}
                  style={{ objectFit: 'cover', borderRadius: 4 }}
                />
                <figcaption style={{ fontSize: 12, lineHeight: 1.3, marginTop: 4 }}>
                  <div style={{ display: 'flex', alignItems: 'center' }}>
                    <Typography.Text ellipsis={{ tooltip: a.caption ?? a.fileName }} style={{ flex: 1, minWidth: 0 }}>
                      {a.caption ?? a.fileName}
                    </Typography.Text>
                    {removeButton(a)}
                  </div>
                  <div style={{ color: 'rgba(0,0,0,0.45)' }}>{by(a)}</div>
                </figcaption>
              </figure>
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {documents.length > 0 && (
        <List<Attachment>
          size="small"
          aria-label={t('attachments.documents')}
          dataSource={documents}
          renderItem={(a) => (
            <List.Item
              actions={[
                <Button
                  key="download"
                  size="small"
                  type="link"
                  icon={<DownloadOutlined />}
                  href={contentUrl(a.id, true)}
                >
                  {t('attachments.download')}
                </Button>,
                removeButton(a),
              ]}
            >
              <List.Item.Meta
                avatar={ICONS[a.fileType]}
                title={
                  <a href={contentUrl(a.id)} target="_blank" rel="noreferrer">
                    {a.fileName}
                  </a>
                }
                description={`${a.caption ? `${a.caption} · ` : ''}${size(a.sizeBytes)} · ${by(a)}`}
              />
            </List.Item>
          )}
        />
      )}
      {canManage && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }}>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              aria-label={t('attachments.caption')}
              placeholder={t('attachments.captionPlaceholder')}
              value={caption}
              maxLength={500}
              onChange={(e) => setCaption(e.target.value)}
            />
            <Upload
              accept={ACCEPT}
              multiple
              showUploadList={false}
              customRequest={({ file }) => void upload(file as File)}
            >
              <Button icon={<UploadOutlined />}>{t('attachments.upload')}</Button>
            </Upload>
          </Space.Compact>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('attachments.accepted')}
          </Typography.Text>
        </Space>
      )}
      {removing && (
        <FormModal<{ reason: string }, void>
          open
          danger
          title={t('attachments.removeTitle', { name: removing.fileName })}
          okText={t('attachments.remove')}
          intro={<p>{t('attachments.removeIntro')}</p>}
          submit={(v) => attachmentsApi.remove(removing.id, v.reason)}
          onSaved={async () => {
            message.success(t('attachments.removed'));
            setRemoving(null);
            await reload();
          }}
          onClose={() => setRemoving(null)}
        >
          <Form.Item
            name="reason"
            label={t('attachments.reason')}
            rules={[{ required: true, message: t('attachments.reasonRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}
