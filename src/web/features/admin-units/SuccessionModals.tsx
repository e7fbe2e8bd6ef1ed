import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { applyFieldErrors, useErrorText } from '../../lib/errors';
import { adminUnitsApi, type LinkedUnit } from './api';

interface ConfirmValues {
  predecessorCode: string;
  kind: 'full' | 'partial';
}

/** Confirm a machine-extracted succession link (whole or part of the old unit), or add a missing one. */
export function ConfirmSuccessionModal({
  open,
  successorCode,
  link,
  onClose,
  onSaved,
}: {
  open: boolean;
  successorCode: string;
  /** The link being confirmed; null = adding a predecessor. */
  link: LinkedUnit | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const [form] = Form.useForm<ConfirmValues>();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setError(null), [open]);
  const mutation = useMutation({
    mutationFn: (v: ConfirmValues) =>
      adminUnitsApi.confirmSuccession({ predecessorCode: v.predecessorCode.trim(), successorCode, kind: v.kind }),
    onSuccess: onSaved,
    onError: (e) => setError(applyFieldErrors(form, t, e) ? null : e),
  });
  return (
    <Modal
      open={open}
      title={link ? `${t('adminUnits.confirmTitle')}: ${link.fullName}` : t('adminUnits.addPredecessor')}
      okText={t('adminUnits.confirmLink')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('adminUnits.confirmHelp')} style={{ marginBottom: 16 }} />
      {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <Form<ConfirmValues>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => mutation.mutate(v)}
        initialValues={{ predecessorCode: link?.code ?? '', kind: link?.kind ?? 'full' }}
      >
        <Form.Item
          name="predecessorCode"
          label={t('adminUnits.predecessorCode')}
          extra={t('adminUnits.predecessorCodeHelp')}
          rules={[{ required: true, pattern: /^\d{2}(\d{3})?$/u, message: t('adminUnits.predecessorCodeHelp') }]}
        >
          <Input disabled={link !== null} inputMode="numeric" autoComplete="off" />
        </Form.Item>
        <Form.Item name="kind" label={t('adminUnits.linkKind')}>
          <Radio.Group
            options={[
              { value: 'full', label: t('adminUnits.kindFull') },
              { value: 'partial', label: t('adminUnits.kindPartial') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Remove a wrong succession link; the reason goes to the audit log. */
export function RemoveSuccessionModal({
  successorCode,
  link,
  onClose,
  onRemoved,
}: {
  successorCode: string;
  link: LinkedUnit | null;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setError(null), [link]);
  const mutation = useMutation({
    mutationFn: (v: { reason: string }) =>
      adminUnitsApi.removeSuccession({ predecessorCode: link!.code, successorCode, reason: v.reason.trim() }),
    onSuccess: onRemoved,
    onError: (e) => setError(applyFieldErrors(form, t, e) ? null : e),
  });
  return (
    <Modal
      open={link !== null}
      title={link ? t('adminUnits.removeTitle', { name: link.fullName }) : ''}
      okText={t('adminUnits.removeLink')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => mutation.mutate(v)}>
        <Form.Item
          name="reason"
          label={t('adminUnits.removeReason')}
          rules={[{ required: true, whitespace: true }, { max: 500 }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
