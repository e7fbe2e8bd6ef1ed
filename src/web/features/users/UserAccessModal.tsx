import { useMutation } from '@tanstack/react-query';
import { Alert, Checkbox, Form, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../domain/access';
import { useT } from '../../i18n';
import { applyFieldErrors, useErrorText } from '../../lib/errors';
import { scopeName } from '../../lib/scope';
import { ScopeUnitSelect } from '../admin-units/ScopeUnitSelect';
import { useUser } from '../auth/session';
import { usersApi, type User } from './api';

interface Values {
  scopeCode: string | null;
  roles: Role[];
}

/** Change where a user works and what they may do there. */
export function UserAccessModal({
  user,
  onClose,
  onSaved,
}: {
  user: User | null;
  onClose: () => void;
  onSaved: (u: User) => void;
}) {
  const t = useT();
  const actor = useUser();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);

  useEffect(() => setError(null), [user]);

  const mutation = useMutation({
    mutationFn: (v: Values) =>
      usersApi.setAccess(user!.id, { scopeCode: v.scopeCode ?? null, roles: v.roles, version: user!.version }),
    onSuccess: onSaved,
    onError: (e) => setError(applyFieldErrors(form, t, e) ? null : e),
  });

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.accessTitle', { username: user.username }) : ''}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {user && (
        <Typography.Paragraph type="secondary">
          {t('users.accessCurrent', { name: user.fullName, scope: scopeName(t, user.scope) })}
        </Typography.Paragraph>
      )}
      {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => mutation.mutate(v)}
        initialValues={{
          scopeCode: user?.scope.communeCode ?? user?.scope.provinceCode ?? null,
          roles: user?.roles ?? [],
        }}
      >
        <Form.Item
          name="scopeCode"
          label={t('users.scope')}
          extra={t('users.scopeHelp')}
          rules={[{ required: actor.scope.level !== 'national', message: t('users.scopeRequired') }]}
        >
          <ScopeUnitSelect />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('users.roles')}
          rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }]}
        >
          <Checkbox.Group options={ROLES.map((r) => ({ value: r, label: t.label(ROLE_LABELS[r]) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
