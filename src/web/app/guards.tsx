import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { ForbiddenResult, FullPageSpin } from '../components/Results';
import { AreaProvider } from '../features/area/AreaContext';
import { useSession } from '../features/auth/session';
import type { Permissions } from '../features/users/api';

/** Everything below needs a session; without one, go to the login page and come back after. */
export function RequireAuth() {
  const { user, loading } = useSession();
  const location = useLocation();
  if (loading) return <FullPageSpin />;
  if (!user) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return (
    <AreaProvider>
      <Outlet />
    </AreaProvider>
  );
}

export function RequirePermission({ permission, children }: { permission: keyof Permissions; children: ReactNode }) {
  const { permissions } = useSession();
  return permissions[permission] ? children : <ForbiddenResult />;
}
