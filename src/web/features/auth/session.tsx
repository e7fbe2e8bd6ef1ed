import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { ApiError, setCsrfToken, setUnauthorizedHandler } from '../../api/client';
import { useT } from '../../i18n';
import type { Permissions, User } from '../users/api';
import { authApi, type Session } from './api';

export const SESSION_KEY = ['session'] as const;

const NO_PERMISSIONS: Permissions = {
  manageUsers: false,
  manageOrganisations: false,
  manageVillages: false,
  viewAudit: false,
};

interface SessionValue {
  user: User | null;
  permissions: Permissions;
  loading: boolean;
  /** Store a session just obtained from the login form. */
  signedIn: (session: Session) => void;
  signOut: () => Promise<void>;
  refresh: () => Promise<unknown>;
}

const SessionContext = createContext<SessionValue | null>(null);

async function probe(): Promise<Session | null> {
  try {
    return await authApi.me();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: probe, staleTime: 5 * 60_000, retry: 1 });
  const session = query.data ?? null;

  useEffect(() => {
    setCsrfToken(session?.csrfToken ?? null);
  }, [session]);

  const forget = useCallback(() => {
    setCsrfToken(null);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    queryClient.setQueryData(SESSION_KEY, null);
  }, [queryClient]);

  const { message } = App.useApp();
  const t = useT();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      void message.warning(t('auth.sessionExpired'));
      forget();
    });
    return () => setUnauthorizedHandler(null);
  }, [forget, message, t]);

  const signedIn = useCallback(
    (next: Session) => {
      setCsrfToken(next.csrfToken);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, next);
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      forget();
    }
  }, [forget]);

  const refresh = useCallback(() => query.refetch(), [query]);

  const value = useMemo<SessionValue>(
    () => ({
      user: session?.user ?? null,
      permissions: session?.user.permissions ?? NO_PERMISSIONS,
      loading: query.isPending,
      signedIn,
      signOut,
      refresh,
    }),
    [session, query.isPending, signedIn, signOut, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for components rendered behind `RequireAuth`. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
