import { Typography } from 'antd';
import type { Role } from '../../../domain/access';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';
import { scopeName } from '../../lib/scope';
import { AccessFields } from './AccessFields';
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

  return (
    <FormModal
      open={user !== null}
      title={user ? t('users.accessTitle', { username: user.username }) : ''}
      okText={t('common.save')}
      onClose={onClose}
      submit={(v: Values) =>
        usersApi.setAccess(user!.id, { scopeCode: v.scopeCode ?? null, roles: v.roles, version: user!.version })
      }
      onSaved={onSaved}
      intro={
        user && (
          <Typography.Paragraph type="secondary">
            {t('users.accessCurrent', { name: user.fullName, scope: scopeName(t, user.scope) })}
          </Typography.Paragraph>
        )
      }
      initialValues={{
        scopeCode: user?.scope.communeCode ?? user?.scope.provinceCode ?? null,
        roles: user?.roles ?? [],
      }}
    >
      <AccessFields />
    </FormModal>
  );
}
