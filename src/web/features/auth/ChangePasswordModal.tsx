import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Typography } from 'antd';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';
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
  const { message } = App.useApp();
  const { refresh, signOut } = useSession();
  const queryClient = useQueryClient();

  return (
    <FormModal
      open={open}
      title={forced ? t('auth.mustChangeTitle') : t('auth.changePassword')}
      okText={t('auth.changePassword')}
      cancelText={forced ? t('auth.logout') : t('common.cancel')}
      onClose={() => (forced ? void signOut() : onClose())}
      dismissible={!forced}
      requiredMark={false}
      submit={(v: Values) => authApi.changePassword(v.currentPassword, v.newPassword)}
      onSaved={async () => {
        void message.success(t('auth.passwordChanged'));
        await refresh();
        // Anything asked for before the change was refused; ask again.
        await queryClient.invalidateQueries();
        onClose();
      }}
      intro={forced && <Typography.Paragraph>{t('auth.mustChangeText')}</Typography.Paragraph>}
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
    </FormModal>
  );
}
