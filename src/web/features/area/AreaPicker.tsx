import { EnvironmentOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Cascader, Drawer, Form, Select, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useT } from '../../i18n';
import { foldedSearch } from '../../lib/search';
import { unitQueries } from '../admin-units/api';
import { useUser } from '../auth/session';
import { villageQueries } from '../villages/api';
import { areaLabel, useArea, type WorkingArea } from './AreaContext';

type Kind = 'province' | 'commune' | 'village';

interface AreaOption {
  value: string;
  label: string;
  kind: Kind;
  isLeaf?: boolean;
  children?: AreaOption[];
}

interface Loaded {
  value: string;
  label: string;
}

/**
 * The header's area picker: province → commune → village, loaded lazily, never wider than the
 * user's scope. A commune user sees their own commune only; a provincial user the communes of
 * their province; the national level any province.
 */
export function AreaPicker({ compact }: { compact: boolean }) {
  return compact ? <AreaPickerDrawer /> : <AreaCascader />;
}

function useScopeRoots(): { roots: Loaded[]; fixedCommunes: Loaded[] | null } {
  const user = useUser();
  const { scopeArea } = useArea();
  const provinces = useQuery({ ...unitQueries.children(null), enabled: user.scope.level === 'national' });
  if (user.scope.level === 'national') {
    return {
      roots: (provinces.data?.items ?? []).map((u) => ({ value: u.code, label: u.fullName })),
      fixedCommunes: null,
    };
  }
  const province = { value: scopeArea.provinceCode ?? '', label: scopeArea.provinceName ?? user.scope.name };
  const fixedCommunes =
    user.scope.level === 'commune'
      ? [{ value: scopeArea.communeCode ?? '', label: scopeArea.communeName ?? user.scope.name }]
      : null;
  return { roots: [province], fixedCommunes };
}

function AreaCascader() {
  const t = useT();
  const user = useUser();
  const { area, setArea, resetArea } = useArea();
  const queryClient = useQueryClient();
  const { roots, fixedCommunes } = useScopeRoots();
  const [childrenOf, setChildrenOf] = useState<Record<string, Loaded[]>>({});

  const load = useCallback(
    async (kind: Kind, code: string) => {
      if (kind === 'village') return;
      let items: Loaded[];
      if (kind === 'province') {
        if (fixedCommunes) items = fixedCommunes;
        else {
          const page = await queryClient.fetchQuery(unitQueries.children(code));
          items = page.items.map((u) => ({ value: u.code, label: u.fullName }));
        }
      } else {
        const page = await queryClient.fetchQuery(villageQueries.ofCommune(code));
        items = page.items.filter((v) => !v.archived).map((v) => ({ value: v.id, label: v.name }));
      }
      setChildrenOf((prev) => ({ ...prev, [code]: items }));
    },
    [queryClient, fixedCommunes],
  );

  // Load the branch of the current area, so the open picker shows where the user is.
  useEffect(() => {
    if (area.provinceCode && !childrenOf[area.provinceCode]) void load('province', area.provinceCode);
    if (area.communeCode && !childrenOf[area.communeCode]) void load('commune', area.communeCode);
  }, [area.provinceCode, area.communeCode, childrenOf, load]);

  const options = useMemo(() => {
    const build = (item: Loaded, kind: Kind): AreaOption => {
      const loaded = childrenOf[item.value];
      const childKind: Kind = kind === 'province' ? 'commune' : 'village';
      return {
        value: item.value,
        label: item.label,
        kind,
        isLeaf: kind === 'village' || (loaded !== undefined && loaded.length === 0),
        children:
          kind === 'village' || !loaded || loaded.length === 0 ? undefined : loaded.map((c) => build(c, childKind)),
      };
    };
    return roots.map((r) => build(r, 'province'));
  }, [roots, childrenOf]);

  const value = [area.provinceCode, area.communeCode, area.villageId].filter((v): v is string => Boolean(v));

  const onChange = (_codes: unknown, selected: AreaOption[] | undefined) => {
    if (!selected || selected.length === 0) {
      resetArea();
      return;
    }
    const [province, commune, village] = selected;
    // A commune user who clicks the province stays in their commune.
    const communeOption =
      commune ?? (fixedCommunes ? { value: fixedCommunes[0]!.value, label: fixedCommunes[0]!.label } : undefined);
    const next: WorkingArea = {
      provinceCode: province?.value ?? null,
      provinceName: province?.label ?? null,
      communeCode: communeOption?.value ?? null,
      communeName: communeOption?.label ?? null,
      villageId: village?.value ?? null,
      villageName: village?.label ?? null,
    };
    setArea(next);
  };

  const labels = areaLabel(area);
  return (
    <Cascader<AreaOption>
      className="area-picker"
      aria-label={t('area.label')}
      options={options}
      value={value}
      onChange={onChange as never}
      loadData={(selected) => {
        const last = selected[selected.length - 1];
        if (last) void load(last.kind, last.value);
      }}
      changeOnSelect
      prefix={<EnvironmentOutlined />}
      allowClear={user.scope.level !== 'commune' || area.villageId !== null}
      placeholder={t('area.wholeCountry')}
      displayRender={() => (
        <span title={labels.join(' / ')}>{labels.length > 0 ? labels.join(' / ') : t('area.wholeCountry')}</span>
      )}
      notFoundContent={t('common.noData')}
      style={{ width: 360, maxWidth: '40vw' }}
    />
  );
}

function AreaPickerDrawer() {
  const t = useT();
  const user = useUser();
  const { area, setArea } = useArea();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<WorkingArea>(area);
  const { roots, fixedCommunes } = useScopeRoots();

  useEffect(() => {
    if (open) setDraft(area);
  }, [open, area]);

  const communes = useQuery({
    ...unitQueries.children(draft.provinceCode ?? ''),
    enabled: open && draft.provinceCode !== null && fixedCommunes === null,
  });
  const villages = useQuery({
    ...villageQueries.ofCommune(draft.communeCode ?? ''),
    enabled: open && draft.communeCode !== null,
  });

  const communeOptions =
    fixedCommunes ?? (communes.data?.items ?? []).map((u) => ({ value: u.code, label: u.fullName }));
  const villageOptions = (villages.data?.items ?? [])
    .filter((v) => !v.archived)
    .map((v) => ({ value: v.id, label: v.name }));

  const labels = areaLabel(area);
  const national = user.scope.level === 'national';
  const communeFixed = user.scope.level === 'commune';

  return (
    <>
      <Button
        className="area-picker-button"
        icon={<EnvironmentOutlined />}
        onClick={() => setOpen(true)}
        aria-label={t('area.label')}
        block
      >
        <span className="area-picker-text">{labels.length > 0 ? labels.join(' / ') : t('area.wholeCountry')}</span>
      </Button>
      <Drawer
        title={t('area.label')}
        placement="bottom"
        open={open}
        onClose={() => setOpen(false)}
        destroyOnHidden
        size={460}
        extra={
          <Button
            type="primary"
            onClick={() => {
              setArea(draft);
              setOpen(false);
            }}
          >
            {t('common.apply')}
          </Button>
        }
      >
        <Form layout="vertical">
          <Form.Item label={t('area.province')}>
            <Select
              aria-label={t('area.province')}
              value={draft.provinceCode ?? undefined}
              disabled={!national}
              allowClear={national}
              showSearch={foldedSearch}
              placeholder={t('area.wholeCountry')}
              options={roots}
              onChange={(code: string | undefined, option) => {
                const picked = Array.isArray(option) ? undefined : option;
                setDraft({
                  provinceCode: code ?? null,
                  provinceName: picked?.label ?? null,
                  communeCode: null,
                  communeName: null,
                  villageId: null,
                  villageName: null,
                });
              }}
            />
          </Form.Item>
          <Form.Item label={t('area.commune')}>
            <Select
              aria-label={t('area.commune')}
              value={draft.communeCode ?? undefined}
              disabled={communeFixed || draft.provinceCode === null}
              allowClear={!communeFixed}
              showSearch={foldedSearch}
              loading={communes.isFetching}
              placeholder={t('area.wholeProvince')}
              options={communeOptions}
              onChange={(code: string | undefined, option) => {
                const picked = Array.isArray(option) ? undefined : option;
                setDraft({
                  ...draft,
                  communeCode: code ?? null,
                  communeName: picked?.label ?? null,
                  villageId: null,
                  villageName: null,
                });
              }}
            />
          </Form.Item>
          <Form.Item label={t('area.village')}>
            <Select
              aria-label={t('area.village')}
              value={draft.villageId ?? undefined}
              disabled={draft.communeCode === null}
              allowClear
              showSearch={foldedSearch}
              loading={villages.isFetching}
              placeholder={t('area.wholeCommune')}
              notFoundContent={t('area.noVillages')}
              options={villageOptions}
              onChange={(id: string | undefined, option) => {
                const picked = Array.isArray(option) ? undefined : option;
                setDraft({ ...draft, villageId: id ?? null, villageName: picked?.label ?? null });
              }}
            />
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary">{t('area.hint')}</Typography.Paragraph>
      </Drawer>
    </>
  );
}
