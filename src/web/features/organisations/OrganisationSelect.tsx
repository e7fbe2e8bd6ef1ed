import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n';
import { useDebounced } from '../../lib/useDebounced';
import { organisationsApi } from './api';

/** Pick an organisation by name (searched on the server); `null` means none. */
export function OrganisationSelect({
  value,
  onChange,
  id,
  current,
}: {
  value?: string | null;
  onChange?: (id: string | null) => void;
  id?: string;
  /** The organisation already chosen, so its name shows before any search. */
  current?: { id: string; name: string } | null;
}) {
  const t = useT();
  const [search, setQ] = useState('');
  const q = useDebounced(search.trim());
  const query = useQuery({
    queryKey: ['organisations', 'select', q],
    queryFn: () => organisationsApi.list({ q: q || undefined, limit: 50, offset: 0 }),
    staleTime: 30_000,
  });
  const options = (query.data?.items ?? [])
    .filter((o) => !o.archived)
    .map((o) => ({ value: o.id, label: o.shortName ? `${o.name} (${o.shortName})` : o.name }));
  if (current && !options.some((o) => o.value === current.id))
    options.unshift({ value: current.id, label: current.name });
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={query.isFetching}
      options={options}
      placeholder={t('users.organisationPlaceholder')}
      notFoundContent={t('common.noData')}
      style={{ width: '100%' }}
    />
  );
}
