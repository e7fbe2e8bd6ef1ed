import { Checkbox, Form } from 'antd';
import { ROLE_LABELS, ROLES } from '../../../domain/access';
import { useT } from '../../i18n';
import { ScopeUnitSelect } from '../admin-units/ScopeUnitSelect';
import { useUser } from '../auth/session';

/** Where a user works (`scopeCode`) and what they may do there (`roles`): two items of a user form. */
export function AccessFields() {
  const t = useT();
  const actor = useUser();
  return (
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
  );
}
