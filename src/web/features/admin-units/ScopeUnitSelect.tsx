import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n';
import { foldedSearch } from '../../lib/search';
import { useUser } from '../auth/session';
import { unitQueries } from './api';

const NATIONAL = '__national__';

/**
 * Pick an area no wider than the signed-in user's scope: national (value null, for national
 * users only), a province, or a commune of it. Two searchable selects, province then commune;
 * the levels above the user's own are fixed.
 */
export function ScopeUnitSelect({
  value,
  onChange,
  id,
}: {
  value?: string | null;
  onChange?: (code: string | null) => void;
  id?: string;
}) {
  const t = useT();
  const { scope } = useUser();
  const [pickedProvince, setPickedProvince] = useState<string | null>(null);
  const code = value ?? null;
  const isCommune = code !== null && code.length > 2;

  const commune = useQuery({ ...unitQueries.detail(code ?? ''), enabled: isCommune });
  const provinceCode =
    scope.level !== 'national'
      ? scope.provinceCode
      : code === null
        ? null
        : isCommune
          ? (commune.data?.parentCode ?? pickedProvince)
          : code;

  const provinces = useQuery({ ...unitQueries.children(null), enabled: scope.level === 'national' });
  const scopeCode = scope.communeCode ?? scope.provinceCode;
  const scopeUnit = useQuery({ ...unitQueries.detail(scopeCode ?? ''), enabled: scopeCode !== null });
  const scopeName = (level: 'province' | 'commune') =>
    scopeUnit.data?.path.find((u) => u.level === level)?.fullName ?? scope.name;
  const communes = useQuery({
    ...unitQueries.children(provinceCode ?? ''),
    enabled: provinceCode !== null && scope.level !== 'commune',
  });

  const provinceOptions =
    scope.level === 'national'
      ? [
          { value: NATIONAL, label: t('area.national') },
          ...(provinces.data?.items ?? []).map((u) => ({ value: u.code, label: u.fullName })),
        ]
      : [{ value: scope.provinceCode ?? '', label: scopeName('province') }];

  const communeOptions =
    scope.level === 'commune'
      ? [{ value: scope.communeCode ?? '', label: scopeName('commune') }]
      : (communes.data?.items ?? []).map((u) => ({ value: u.code, label: u.fullName }));

  return (
    <div className="scope-unit-select">
      <Select
        id={id}
        aria-label={t('area.province')}
        value={provinceCode ?? (scope.level === 'national' && code === null ? NATIONAL : undefined)}
        disabled={scope.level !== 'national'}
        showSearch={foldedSearch}
        loading={provinces.isFetching}
        options={provinceOptions}
        placeholder={t('area.province')}
        onChange={(next: string) => {
          setPickedProvince(null);
          onChange?.(next === NATIONAL ? null : next);
        }}
        notFoundContent={t('common.noData')}
      />
      <Select
        aria-label={t('area.commune')}
        value={isCommune ? (code ?? undefined) : undefined}
        disabled={scope.level === 'commune' || provinceCode === null}
        allowClear={scope.level !== 'commune'}
        showSearch={foldedSearch}
        loading={communes.isFetching}
        options={communeOptions}
        placeholder={provinceCode === null ? t('area.commune') : t('area.wholeProvince')}
        onChange={(next: string | undefined) => {
          setPickedProvince(provinceCode);
          onChange?.(next ?? provinceCode);
        }}
        notFoundContent={t('common.noData')}
      />
    </div>
  );
}
