import { useMutation } from '@tanstack/react-query';
import { Alert, Checkbox, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../domain/access';
import { useT } from '../../i18n';
import { applyFieldErrors, useErrorText } from '../../lib/errors';
import { ScopeUnitSelect } from '../admin-units/ScopeUnitSelect';
import { useUser } from '../auth/session';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { usersApi, type User } from './api';

interface Values {
  username: string;
  fullName: string;
  organisationId: string | null;
  scopeCode: string | null;
  roles: Role[];
}

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,39}$/u;

/** Create a user (then show the initial password once) or edit a user's name and organisation. */
export function UserFormModal({
  open,
  user,
  onClose,
  onCreated,
  onSaved,
}: {
  open: boolean;
  /** Absent: create a new user. */
  user: User | null;
  onClose: () => void;
  onCreated: (user: User, initialPassword: string | undefined) => void;
  onSaved: (user: User) => void;
}) {
  const t = useT();
  const actor = useUser();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const editing = user !== null;

  useEffect(() => setError(null), [open]);

  const mutation = useMutation({
    mutationFn: async (v: Values) => {
      if (user) {
        return {
          user: await usersApi.update(user.id, {
            fullName: v.fullName.trim(),
            organisationId: v.organisationId,
            version: user.version,
          }),
        };
      }
      return usersApi.create({
        username: v.username.trim(),
        fullName: v.fullName.trim(),
        organisationId: v.organisationId ?? null,
        scopeCode: v.scopeCode ?? null,
        roles: v.roles,
      });
    },
    onSuccess: (result) => {
      if (user) onSaved(result.user);
      else onCreated(result.user, 'initialPassword' in result ? result.initialPassword : undefined);
    },
    onError: (e) => setError(applyFieldErrors(form, t, e) ? null : e),
  });

  return (
    <Modal
      open={open}
      title={editing ? t('users.editTitle', { username: user.username }) : t('users.createTitle')}
      okText={editing ? t('common.save') : t('users.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => mutation.mutate(v)}
        initialValues={
          user
            ? { fullName: user.fullName, organisationId: user.organisation?.id ?? null }
            : {
                organisationId: null,
                scopeCode: actor.scope.communeCode ?? actor.scope.provinceCode ?? null,
                roles: ['viewer'],
              }
        }
      >
        {!editing && (
          <Form.Item
            name="username"
            label={t('users.username')}
            extra={t('users.usernameHelp')}
            rules={[
              { required: true, message: t('users.usernameRequired') },
              { pattern: USERNAME_PATTERN, message: t('users.usernameInvalid') },
            ]}
          >
            <Input autoComplete="off" autoCapitalize="none" spellCheck={false} />
          </Form.Item>
        )}
        <Form.Item
          name="fullName"
          label={t('users.fullName')}
          rules={[{ required: true, whitespace: true, message: t('users.fullNameRequired') }, { max: 120 }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="organisationId" label={t('users.organisation')}>
          <OrganisationSelect current={user?.organisation ?? null} />
        </Form.Item>
        {!editing && (
          <>
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
          </>
        )}
      </Form>
    </Modal>
  );
}
