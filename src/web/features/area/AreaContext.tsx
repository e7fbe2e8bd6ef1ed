import { useQuery } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { unitQueries } from '../admin-units/api';
import { useUser } from '../auth/session';
import type { User } from '../users/api';

/**
 * The working area: where the user is looking now, always inside their own scope. Pages that
 * work on one commune (villages, later households) read it; the area picker in the header
 * sets it. Remembered per user in localStorage.
 */
export interface WorkingArea {
  provinceCode: string | null;
  provinceName: string | null;
  communeCode: string | null;
  communeName: string | null;
  villageId: string | null;
  villageName: string | null;
}

const EMPTY: WorkingArea = {
  provinceCode: null,
  provinceName: null,
  communeCode: null,
  communeName: null,
  villageId: null,
  villageName: null,
};

interface AreaValue {
  area: WorkingArea;
  /** The narrowest area the user may not leave (their scope), with names. */
  scopeArea: WorkingArea;
  setArea: (area: WorkingArea) => void;
  resetArea: () => void;
}

const AreaContext = createContext<AreaValue | null>(null);

const storageKey = (user: User) => `chungtay.area.${user.username}`;

/** Is `area` inside the user's scope? (The server enforces it too; this keeps the UI honest.) */
export function areaWithinScope(user: User, area: WorkingArea): boolean {
  const { scope } = user;
  if (scope.level === 'national') return area.communeCode === null || area.provinceCode !== null;
  if (area.provinceCode !== scope.provinceCode) return false;
  if (scope.level === 'commune') return area.communeCode === scope.communeCode;
  return true;
}

function readStored(user: User): WorkingArea | null {
  try {
    const raw = localStorage.getItem(storageKey(user));
    if (!raw) return null;
    const parsed = { ...EMPTY, ...(JSON.parse(raw) as Partial<WorkingArea>) };
    return areaWithinScope(user, parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function AreaProvider({ children }: { children: ReactNode }) {
  const user = useUser();
  const scopeCode = user.scope.communeCode ?? user.scope.provinceCode;
  const scopeUnit = useQuery({
    ...unitQueries.detail(scopeCode ?? ''),
    enabled: scopeCode !== null && !user.mustChangePassword,
  });

  const scopeArea = useMemo<WorkingArea>(() => {
    const { scope } = user;
    if (scope.level === 'national') return EMPTY;
    const path = scopeUnit.data?.path ?? [];
    const province = path.find((u) => u.level === 'province');
    return {
      ...EMPTY,
      provinceCode: scope.provinceCode,
      provinceName: province?.fullName ?? (scope.level === 'province' ? scope.name : null),
      communeCode: scope.level === 'commune' ? scope.communeCode : null,
      communeName: scope.level === 'commune' ? (scopeUnit.data?.fullName ?? scope.name) : null,
    };
  }, [user, scopeUnit.data]);

  const [chosen, setChosen] = useState<WorkingArea | null>(() => readStored(user));

  useEffect(() => {
    setChosen(readStored(user));
  }, [user]);

  const setArea = useCallback(
    (next: WorkingArea) => {
      if (!areaWithinScope(user, next)) return;
      setChosen(next);
      try {
        localStorage.setItem(storageKey(user), JSON.stringify(next));
      } catch {
        // Private mode: the choice lasts for this page only.
      }
    },
    [user],
  );

  const resetArea = useCallback(() => {
    setChosen(null);
    try {
      localStorage.removeItem(storageKey(user));
    } catch {
      // nothing to forget
    }
  }, [user]);

  // Names of the scope levels come from the server; a stored area may predate a rename.
  const area = useMemo<WorkingArea>(() => {
    if (!chosen) return scopeArea;
    return {
      ...chosen,
      provinceName:
        chosen.provinceCode === scopeArea.provinceCode
          ? (scopeArea.provinceName ?? chosen.provinceName)
          : chosen.provinceName,
      communeName:
        chosen.communeCode && chosen.communeCode === scopeArea.communeCode
          ? (scopeArea.communeName ?? chosen.communeName)
          : chosen.communeName,
    };
  }, [chosen, scopeArea]);

  const value = useMemo(() => ({ area, scopeArea, setArea, resetArea }), [area, scopeArea, setArea, resetArea]);
  return <AreaContext.Provider value={value}>{children}</AreaContext.Provider>;
}

export function useArea(): AreaValue {
  const value = useContext(AreaContext);
  if (!value) throw new Error('useArea outside AreaProvider');
  return value;
}

export function areaLabel(area: WorkingArea): string[] {
  return [area.provinceName, area.communeName, area.villageName].filter((n): n is string => Boolean(n));
}
