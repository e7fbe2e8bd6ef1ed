import { Input, Select, Switch, type SelectProps } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n';

/** Above a list: a search box (an empty search clears it), then the list's own filters. */
export function ListToolbar({
  searchPlaceholder,
  onSearch,
  defaultValue,
  className,
  children,
}: {
  searchPlaceholder: string;
  /** The search in use when the list opens (from the address, say). */
  defaultValue?: string;
  onSearch: (q: string | undefined) => void;
  /** A page's own layout of its filters. */
  className?: string;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <div className={className ? `toolbar ${className}` : 'toolbar'}>
      <Input.Search
        className="toolbar-search"
        allowClear
        placeholder={searchPlaceholder}
        defaultValue={defaultValue}
        aria-label={t('common.search')}
        onSearch={(q) => onSearch(q.trim() || undefined)}
      />
      {children}
    </div>
  );
}

/** An on/off filter of a toolbar, with its label beside it. */
export function ToolbarSwitch({
  checked,
  onChange,
  label,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
}) {
  return (
    <label className="switch-label">
      <Switch checked={checked} onChange={onChange} />
      <span>{label}</span>
    </label>
  );
}

/** A filter of a toolbar: a clearable select that its placeholder names. */
export function ToolbarSelect<V extends string>({ label, ...select }: { label: string } & SelectProps<V>) {
  return <Select<V> className="toolbar-select" allowClear placeholder={label} aria-label={label} {...select} />;
}
