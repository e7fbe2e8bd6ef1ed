import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useDebounced } from '../../lib/useDebounced';
import { householdsApi } from './api';

/** A household of the registry, found by name or code as it is typed. */
export function HouseholdPicker({
  id,
  value,
  onChange,
  communeCode,
}: {
  /** The form item's id, so that its label names the field. */
  id?: string;
  value?: string;
  onChange?: (v: string | undefined) => void;
  communeCode: string | null;
}) {
  const [q, setQ] = useState('');
  const search = useDebounced(q, 300);
  const found = useQuery({
    queryKey: ['households', 'picker', communeCode, search],
    queryFn: () => householdsApi.list({ q: search, limit: 20, offset: 0, commune: communeCode ?? undefined }),
    enabled: search.trim().length > 0,
  });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value}
      onChange={onChange}
      notFoundContent={null}
      options={(found.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.code} — ${h.headName}` }))}
    />
  );
}
