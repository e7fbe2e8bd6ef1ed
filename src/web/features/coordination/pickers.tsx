import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n';
import { useDebounced } from '../../lib/useDebounced';
import { organisationsApi } from '../organisations/api';
import { coordinationApi, type OrgRef } from './api';

/** Pick organisations (searched on the server), one or several; already chosen ones keep their names. */
export function OrganisationsPicker({
  value,
  onChange,
  id,
  multiple = true,
  known = [],
}: {
  value?: string[] | string;
  onChange?: (value: string[] | string) => void;
  id?: string;
  multiple?: boolean;
  known?: OrgRef[];
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const query = useQuery({
    queryKey: ['organisations', 'select', q],
    queryFn: () => organisationsApi.list({ q: q || undefined, limit: 50, offset: 0 }),
    staleTime: 30_000,
  });
  const options = (query.data?.items ?? []).filter((o) => !o.archived).map((o) => ({ value: o.id, label: o.name }));
  for (const k of known) if (!options.some((o) => o.value === k.id)) options.push({ value: k.id, label: k.name });
  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={query.isFetching}
      options={options}
      placeholder={t('coordination.programme.pickOrganisations')}
      notFoundContent={t('common.noData')}
      style={{ width: '100%' }}
    />
  );
}

/** Pick texts from the document library (searched accent-insensitively on the server); chosen ones keep their names. */
export function DocumentsPicker({
  value,
  onChange,
  id,
  known = [],
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
  id?: string;
  known?: { id: string; number: string; title: string }[];
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const query = useQuery({
    queryKey: ['legal-documents', 'select', q],
    queryFn: () => coordinationApi.documents({ q: q || undefined, limit: 100, offset: 0 }),
    staleTime: 30_000,
  });
  const options = (query.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.number} — ${d.title}` }));
  for (const d of known) {
    if (!options.some((o) => o.value === d.id)) options.push({ value: d.id, label: `${d.number} — ${d.title}` });
  }
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={query.isFetching}
      options={options}
      placeholder={t('coordination.programme.pickDocuments')}
      notFoundContent={t('common.noData')}
      style={{ width: '100%' }}
    />
  );
}
