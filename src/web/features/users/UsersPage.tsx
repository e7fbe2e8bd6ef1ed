import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Tag, Typography, type MenuProps, type TableProps } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../domain/access';
import { ListToolbar, ToolbarSelect } from '../../components/ListToolbar';
import { PageHeader } from '../../components/PageHeader';
import { ListTable } from '../../components/ListTable';
import { RoleTags } from '../../components/RoleTags';
import { RowActions } from '../../components/RowActions';
import { SecretModal } from '../../components/SecretModal';
import { useT } from '../../i18n';
import { useErrorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { scopeName } from '../../lib/scope';
import { pageAndSort, sortOrderOf } from '../../lib/pagination';
import { useIsMobile } from '../../lib/useIsMobile';
import { useSession } from '../auth/session';
import { usersApi, type User, type UserListQuery } from './api';
import { UserAccessModal } from './UserAccessModal';
import { UserFormModal } from './UserFormModal';

const PAGE_SIZE = 20;

export function UsersPage() {
  const t = useT();
  const errorText = useErrorText();
  const isMobile = useIsMobile();
  const { message, modal } = App.useApp();
  const { user: me, permissions, refresh } = useSession();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState<UserListQuery>({ limit: PAGE_SIZE, offset: 0, sort: 'name', order: 'asc' });
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [accessOf, setAccessOf] = useState<User | null>(null);
  const [secret, setSecret] = useState<{ title: string; text: string; value: string } | null>(null);

  const list = useQuery({
    queryKey: ['users', 'list', query],
    queryFn: () => usersApi.list(query),
    placeholderData: keepPreviousData,
  });
  const reload = () => queryClient.invalidateQueries({ queryKey: ['users'] });
  const canManage = permissions.manageUsers;

  const runAction = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      void message.success(done);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      void reload();
    }
  };

  const confirmDisable = (u: User) =>
    modal.confirm({
      title: t('users.disable'),
      content: t('users.disableConfirm', { username: u.username }),
      okText: t('users.disable'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => runAction(() => usersApi.disable(u.id, u.version), t('users.disabledDone')),
    });
  const confirmEnable = (u: User) =>
    modal.confirm({
      title: t('users.enable'),
      content: t('users.enableConfirm', { username: u.username }),
      okText: t('users.enable'),
      cancelText: t('common.cancel'),
      onOk: () => runAction(() => usersApi.enable(u.id, u.version), t('users.enabledDone')),
    });
  const confirmReset = (u: User) =>
    modal.confirm({
      title: t('users.resetPassword'),
      content: t('users.resetConfirm', { username: u.username }),
      okText: t('users.resetPassword'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const { temporaryPassword } = await usersApi.resetPassword(u.id, u.version);
          setSecret({
            title: t('users.temporaryPasswordTitle', { username: u.username }),
            text: t('users.temporaryPasswordText'),
            value: temporaryPassword,
          });
        } catch (e) {
          void message.error(errorText(e));
        } finally {
          void reload();
        }
      },
    });

  const actionsOf = (u: User): MenuProps['items'] => [
    { key: 'edit', label: t('users.edit'), onClick: () => (setEditing(u), setFormOpen(true)) },
    { key: 'access', label: t('users.access'), onClick: () => setAccessOf(u) },
    { key: 'reset', label: t('users.resetPassword'), onClick: () => confirmReset(u) },
    ...(u.id === me?.id
      ? []
      : [
          u.disabled
            ? { key: 'enable', label: t('users.enable'), onClick: () => confirmEnable(u) }
            : { key: 'disable', label: t('users.disable'), danger: true, onClick: () => confirmDisable(u) },
        ]),
  ];

  const columns: TableProps<User>['columns'] = [
    {
      key: 'name',
      title: t('users.fullName'),
      dataIndex: 'fullName',
      sorter: true,
      sortOrder: sortOrderOf(query, 'name'),
      width: 180,
      render: (name: string, u) => (
        <div>
          <Typography.Text strong>{name}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{u.username}</Typography.Text>
        </div>
      ),
    },
    {
      key: 'organisation',
      title: t('users.organisation'),
      render: (_: unknown, u) =>
        u.organisation?.name ?? <Typography.Text type="secondary">{t('common.none')}</Typography.Text>,
    },
    { key: 'scope', title: t('users.scope'), render: (_: unknown, u) => scopeName(t, u.scope) },
    { key: 'roles', title: t('users.roles'), width: 160, render: (_: unknown, u) => <RoleTags roles={u.roles} /> },
    {
      key: 'status',
      title: t('common.status'),
      width: 170,
      render: (_: unknown, u) => (
        <div>
          <span className="tag-list">
            {u.disabled ? (
              <Tag color="red">{t('users.statusDisabled')}</Tag>
            ) : (
              <Tag color="green">{t('users.statusActive')}</Tag>
            )}
            {u.mustChangePassword && !u.disabled && <Tag color="orange">{t('users.mustChange')}</Tag>}
          </span>
          <div className="cell-note">
            {u.lastLoginAt ? t('users.lastLoginAt', { at: formatDateTime(u.lastLoginAt) }) : t('users.neverLoggedIn')}
          </div>
        </div>
      ),
    },
    {
      key: 'createdAt',
      title: t('common.createdAt'),
      className: 'nowrap',
      width: 170,
      sorter: true,
      sortOrder: sortOrderOf(query, 'createdAt'),
      render: (_: unknown, u) => formatDateTime(u.createdAt),
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            fixed: isMobile ? undefined : ('right' as const),
            width: 120,
            render: (_: unknown, u: User) => (
              <RowActions label={t('users.actionsFor', { username: u.username })} items={actionsOf(u)} />
            ),
          },
        ]
      : []),
  ];

  return (
    <div className="page">
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => (setEditing(null), setFormOpen(true))}>
              {t('users.create')}
            </Button>
          )
        }
      />
      <ListToolbar
        searchPlaceholder={t('users.searchPlaceholder')}
        onSearch={(q) => setQuery({ ...query, q, offset: 0 })}
      >
        <ToolbarSelect<Role>
          label={t('users.filterRole')}
          value={query.role}
          onChange={(role) => setQuery({ ...query, role, offset: 0 })}
          options={ROLES.map((r) => ({ value: r, label: t.label(ROLE_LABELS[r]) }))}
        />
        <ToolbarSelect<'active' | 'disabled'>
          label={t('users.filterStatus')}
          value={query.status}
          onChange={(status) => setQuery({ ...query, status, offset: 0 })}
          options={[
            { value: 'active', label: t('users.statusActive') },
            { value: 'disabled', label: t('users.statusDisabled') },
          ]}
        />
      </ListToolbar>
      <ListTable<User>
        rowKey="id"
        columns={columns}
        list={list}
        page={query}
        scroll={{ x: 1060 }}
        onPage={(page, sorter) => setQuery({ ...query, ...pageAndSort(query, page, sorter, 'name') })}
      />
      <UserFormModal
        open={formOpen}
        user={editing}
        onClose={() => setFormOpen(false)}
        onCreated={(u, initialPassword) => {
          setFormOpen(false);
          void reload();
          void message.success(t('users.createdDone', { username: u.username }));
          if (initialPassword) {
            setSecret({
              title: t('users.initialPasswordTitle', { username: u.username }),
              text: t('users.initialPasswordText'),
              value: initialPassword,
            });
          }
        }}
        onSaved={(u) => {
          if (u.id === me?.id) void refresh();
          setFormOpen(false);
          void reload();
          void message.success(t('common.saved'));
        }}
      />
      <UserAccessModal
        user={accessOf}
        onClose={() => setAccessOf(null)}
        onSaved={(u) => {
          if (u.id === me?.id) void refresh();
          setAccessOf(null);
          void reload();
          void message.success(t('common.saved'));
        }}
      />
      <SecretModal
        open={secret !== null}
        title={secret?.title ?? ''}
        text={secret?.text ?? ''}
        secret={secret?.value ?? null}
        onClose={() => setSecret(null)}
      />
    </div>
  );
}
