import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n';
import { applyFieldErrors, useErrorText } from '../../lib/errors';
import { authApi } from './api';
import { useSession } from './session';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export const MIN_PASSWORD_LENGTH = 10;

/**
 * Change one's own password. `forced` when the account still has a password given by an
 * administrator: then the dialog cannot be dismissed, only completed or left by signing out.
 */
export function ChangePasswordModal({
  open,
  forced,
  onClose,
}: {
  open: boolean;
  forced: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const { refresh, signOut } = useSession();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: (v: Values) => authApi.changePassword(v.currentPassword, v.newPassword),
    onSuccess: async () => {
      void message.success(t('auth.passwordChanged'));
      form.resetFields();
      setError(null);
      await refresh();
      // Anything asked for before the change was refused; ask again.
      await queryClient.invalidateQueries();
      onClose();
    },
    onError: (e) => {
      if (!applyFieldErrors(form, t, e)) setError(e);
      else setError(null);
    },
  });

  return (
    <Modal
      open={open}
      title={forced ? t('auth.mustChangeTitle') : t('auth.changePassword')}
      okText={t('auth.changePassword')}
      cancelText={forced ? t('auth.logout') : t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => (forced ? void signOut() : onClose())}
      confirmLoading={mutation.isPending}
      closable={!forced}
      mask={{ closable: false }}
      keyboard={!forced}
      destroyOnHidden
    >
      {forced && <Typography.Paragraph>{t('auth.mustChangeText')}</Typography.Paragraph>}
      {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => mutation.mutate(v)}
        requiredMark={false}
      >
        <Form.Item
          name="currentPassword"
          label={t('auth.currentPassword')}
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          extra={t('auth.passwordRule', { min: MIN_PASSWORD_LENGTH })}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
            { min: MIN_PASSWORD_LENGTH, message: t('auth.passwordTooShort', { min: MIN_PASSWORD_LENGTH }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.passwordsDiffer'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
