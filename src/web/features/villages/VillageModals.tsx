import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { VILLAGE_KIND_LABELS, VILLAGE_KINDS, type VillageKind } from '../../../domain/reference';
import { useT } from '../../i18n';
import { applyFieldErrors, useErrorText } from '../../lib/errors';
import { villagesApi, type Village } from './api';

interface FormValues {
  name: string;
  kind: VillageKind;
}

/** Add a village to a commune, or rename one (and correct its kind). */
export function VillageFormModal({
  open,
  communeCode,
  communeName,
  village,
  onClose,
  onSaved,
}: {
  open: boolean;
  communeCode: string;
  communeName: string;
  village: Village | null;
  onClose: () => void;
  onSaved: (v: Village) => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setError(null), [open]);

  const mutation = useMutation({
    mutationFn: (v: FormValues) =>
      village
        ? villagesApi.update(village.id, { name: v.name.trim(), kind: v.kind, version: village.version })
        : villagesApi.create({ communeCode, name: v.name.trim(), kind: v.kind }),
    onSuccess: onSaved,
    onError: (e) => setError(applyFieldErrors(form, t, e) ? null : e),
  });

  return (
    <Modal
      open={open}
      title={
        village
          ? t('villages.renameTitle', { name: village.name })
          : t('villages.createTitle', { commune: communeName })
      }
      okText={village ? t('common.save') : t('villages.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <Form<FormValues>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => mutation.mutate(v)}
        initialValues={village ? { name: village.name, kind: village.kind } : { kind: 'thon' }}
      >
        <Form.Item name="kind" label={t('villages.kind')} rules={[{ required: true }]}>
          <Select options={VILLAGE_KINDS.map((k) => ({ value: k, label: t.label(VILLAGE_KIND_LABELS[k]) }))} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('villages.name')}
          extra={t('villages.nameHelp')}
          rules={[{ required: true, whitespace: true, message: t('villages.nameRequired') }, { max: 100 }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Archive a village, giving the reason (merged, renamed by resolution…). */
export function VillageArchiveModal({
  village,
  onClose,
  onSaved,
}: {
  village: Village | null;
  onClose: () => void;
  onSaved: (v: Village) => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setError(null), [village]);

  const mutation = useMutation({
    mutationFn: (v: { reason: string }) =>
      villagesApi.archive(village!.id, { reason: v.reason.trim(), version: village!.version }),
    onSuccess: onSaved,
    onError: (e) => setError(applyFieldErrors(form, t, e) ? null : e),
  });

  return (
    <Modal
      open={village !== null}
      title={village ? t('villages.archiveTitle', { name: village.name }) : ''}
      okText={t('villages.archive')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Alert type="info" showIcon title={t('villages.archiveText')} style={{ marginBottom: 16 }} />
      {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => mutation.mutate(v)}>
        <Form.Item
          name="reason"
          label={t('villages.archiveReason')}
          extra={t('villages.archiveReasonHelp')}
          rules={[{ required: true, whitespace: true, message: t('villages.reasonRequired') }, { max: 500 }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
