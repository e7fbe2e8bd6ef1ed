import { useQueries } from '@tanstack/react-query';
import { unitQueries } from './api';

/**
 * Names for unit codes met in a list (audit events, organisations…): the provinces and the
 * communes of the provinces seen, each list fetched once and cached.
 */
export function useUnitNames(provinceCodes: readonly (string | null)[]): (code: string | null) => string | null {
  const distinct = [...new Set(provinceCodes.filter((c): c is string => Boolean(c)))].sort();
  const results = useQueries({
    queries: [unitQueries.children(null), ...distinct.map((code) => unitQueries.children(code))],
  });
  const names = new Map<string, string>();
  for (const r of results) for (const u of r.data?.items ?? []) names.set(u.code, u.fullName);
  return (code) => (code ? (names.get(code) ?? code) : null);
}
