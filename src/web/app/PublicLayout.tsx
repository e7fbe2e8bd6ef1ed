import { LoginOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { MouseEvent } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Logo } from '../components/Logo';
import { ErrorResult } from '../components/Results';
import { useSession } from '../features/auth/session';
import { useT } from '../i18n';
import { NEWS_PATH, PUBLIC_CALCULATOR_PATH } from './paths';

/** The frame of pages anyone may open: the brand, the language switch and the way in. */
export function PublicLayout() {
  const t = useT();
  const { user } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const target = user ? '/' : '/login';
  // A real link (it opens in a new tab too), navigating inside the app on a plain click.
  const go = (event: MouseEvent<HTMLElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void navigate(target);
  };
  return (
    <div className="public-shell">
      <header className="public-header">
        <Link to={PUBLIC_CALCULATOR_PATH} className="public-brand" aria-label={t('publicSite.home')}>
          <Logo />
        </Link>
        <Link to={NEWS_PATH} className="public-nav">
          {t('news.tab')}
        </Link>
        <div className="header-spacer" />
        <LanguageSwitch />
        <Button href={target} onClick={go} type={user ? 'primary' : 'default'} icon={<LoginOutlined />}>
          {user ? t('publicSite.workspace') : t('publicSite.signIn')}
        </Button>
      </header>
      <main className="public-content">
        <ErrorBoundary
          resetKey={location.pathname}
          fallback={(error, retry) => <ErrorResult error={error} onRetry={retry} />}
        >
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}
