import {
  KeyOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuOutlined,
  MenuUnfoldOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App, Avatar, Button, Drawer, Dropdown, Layout, Menu, Typography, type MenuProps } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Logo } from '../components/Logo';
import { ErrorResult, FullPageSpin } from '../components/Results';
import { AreaPicker } from '../features/area/AreaPicker';
import { ChangePasswordModal } from '../features/auth/ChangePasswordModal';
import { useSession, useUser } from '../features/auth/session';
import { useT } from '../i18n';
import { useErrorText } from '../lib/errors';
import { scopeName } from '../lib/scope';
import { useIsMobile } from '../lib/useIsMobile';
import { NAVIGATION, selectedKey } from './navigation';

const { Header, Sider, Content } = Layout;
const COLLAPSED_KEY = 'chungtay.siderCollapsed';

/** The signed-in frame: menu on the left (a drawer on phones), header with area and user. */
export function AppShell() {
  const t = useT();
  const user = useUser();
  const { permissions, signOut } = useSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const isMobile = useIsMobile();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === '1');
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);

  const items = useMemo<MenuProps['items']>(
    () =>
      NAVIGATION.map((entry) => {
        if ('children' in entry) {
          return {
            key: entry.key,
            icon: entry.icon,
            label: t(entry.label),
            children: entry.children
              .filter((c) => !c.permission || permissions[c.permission])
              .map((c) => ({ key: c.path, icon: c.icon, label: t(c.label) })),
          };
        }
        return { key: entry.path, icon: entry.icon, label: t(entry.label) };
      }),
    [t, permissions],
  );

  const current = selectedKey(location.pathname);

  // With a one-time password the server answers nothing else until it is changed: ask first.
  if (user.mustChangePassword) {
    return (
      <div className="login-page">
        <ChangePasswordModal open forced onClose={() => undefined} />
      </div>
    );
  }

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={[current]}
      defaultOpenKeys={current.startsWith('/admin') ? ['admin'] : []}
      onClick={({ key }) => {
        setDrawerOpen(false);
        void navigate(key);
      }}
    />
  );

  const logout = async () => {
    try {
      await signOut();
    } catch (e) {
      void message.error(errorText(e));
    }
    void navigate('/login', { replace: true });
  };

  const toggleCollapsed = () => {
    setCollapsed((c) => {
      localStorage.setItem(COLLAPSED_KEY, c ? '0' : '1');
      return !c;
    });
  };

  const userMenu: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <div className="user-menu-who">
          <Typography.Text strong>{user.fullName}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{scopeName(t, user.scope)}</Typography.Text>
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword'), onClick: () => setPasswordOpen(true) },
    ...(isMobile
      ? [{ key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout'), onClick: () => void logout() }]
      : []),
  ];

  return (
    <Layout className="app-shell">
      {!isMobile && (
        <Sider
          collapsible
          collapsed={collapsed}
          trigger={null}
          width={248}
          className="app-sider"
          aria-label={t('nav.menu')}
        >
          <div className="sider-logo">
            <Logo collapsed={collapsed} light />
          </div>
          {menu}
        </Sider>
      )}
      {isMobile && (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={272}
          className="menu-drawer"
          title={<Logo light />}
          styles={{ body: { padding: 0 } }}
        >
          {menu}
        </Drawer>
      )}
      <Layout>
        <Header className="app-header">
          {isMobile ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              onClick={() => setDrawerOpen(true)}
              aria-label={t('nav.openMenu')}
            />
          ) : (
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={toggleCollapsed}
              aria-label={collapsed ? t('nav.expandMenu') : t('nav.collapseMenu')}
            />
          )}
          {isMobile ? <Logo /> : <AreaPicker compact={false} />}
          <div className="header-spacer" />
          <LanguageSwitch />
          <Dropdown menu={{ items: userMenu }} trigger={['click']} placement="bottomRight">
            <Button type="text" className="header-user" aria-label={t('header.account')}>
              <Avatar size="small" icon={<UserOutlined />} className="header-avatar" />
              {!isMobile && (
                <span className="header-user-text">
                  <span className="header-user-name">{user.fullName}</span>
                  <span className="header-user-scope">{scopeName(t, user.scope)}</span>
                </span>
              )}
            </Button>
          </Dropdown>
          {!isMobile && (
            <Button icon={<LogoutOutlined />} onClick={() => void logout()}>
              {t('auth.logout')}
            </Button>
          )}
        </Header>
        {isMobile && (
          <div className="mobile-area-bar">
            <AreaPicker compact />
          </div>
        )}
        <Content className="app-content">
          <ErrorBoundary
            resetKey={location.pathname}
            fallback={(error, retry) => <ErrorResult error={error} onRetry={retry} />}
          >
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Content>
      </Layout>
      <ChangePasswordModal open={passwordOpen} forced={false} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}
