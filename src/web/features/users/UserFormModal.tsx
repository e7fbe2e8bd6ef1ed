import { Form, Input } from 'antd';
import type { Role } from '../../../domain/access';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';
import { useUser } from '../auth/session';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { AccessFields } from './AccessFields';
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
  const editing = user !== null;

  const submit = async (v: Values) => {
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
  };

  return (
    <FormModal
      open={open}
      title={editing ? t('users.editTitle', { username: user.username }) : t('users.createTitle')}
      okText={editing ? t('common.save') : t('users.create')}
      onClose={onClose}
      submit={submit}
      onSaved={(result) => {
        if (user) onSaved(result.user);
        else onCreated(result.user, 'initialPassword' in result ? result.initialPassword : undefined);
      }}
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
      {!editing && <AccessFields />}
    </FormModal>
  );
}
