import { Tag } from 'antd';
import { ROLE_LABELS, type Role } from '../../domain/access';
import { useT } from '../i18n';

const ROLE_COLORS: Record<Role, string> = {
  viewer: 'default',
  officer: 'blue',
  approver: 'purple',
  fund_accountant: 'gold',
  admin: 'red',
  reviewer: 'cyan',
};

export function RoleTags({ roles }: { roles: readonly Role[] }) {
  const t = useT();
  return (
    <span className="tag-list">
      {roles.map((r) => (
        <Tag key={r} color={ROLE_COLORS[r]}>
          {t.label(ROLE_LABELS[r])}
        </Tag>
      ))}
    </span>
  );
}
