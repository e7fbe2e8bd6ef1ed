import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useT } from '../../i18n';
import { foldedSearch } from '../../lib/search';
import { unitQueries } from '../admin-units/api';
import { useUser } from '../auth/session';

const NATIONAL = '__national__';

/** The whole country or one province; fixed to their own province for a provincial user. */
export function ScopeSelect({ value, onChange }: { value: string | null; onChange: (code: string | null) => void }) {
  const t = useT();
  const { scope } = useUser();
  const national = scope.level === 'national';
  const provinces = useQuery({ ...unitQueries.children(null), enabled: national });
  const options = national
    ? [
        { value: NATIONAL, label: t('standards.national') },
        ...(provinces.data?.items ?? []).map((u) => ({ value: u.code, label: u.fullName })),
      ]
    : [{ value: scope.provinceCode ?? '', label: scope.name }];
  return (
    <Select
      className="standards-scope"
      aria-label={t('standards.scope')}
      prefix={t('standards.scopePrefix')}
      value={value ?? NATIONAL}
      disabled={!national}
      showSearch={foldedSearch}
      loading={provinces.isFetching}
      options={options}
      onChange={(code: string) => onChange(code === NATIONAL ? null : code)}
      popupMatchSelectWidth={false}
      notFoundContent={t('common.noData')}
    />
  );
}
