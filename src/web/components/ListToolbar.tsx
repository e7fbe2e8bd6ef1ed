import { Input, Select, Switch, type SelectProps } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useT } from '../i18n';

/** Above a list: a search box (an empty search clears it), then the list's own filters. */
export function ListToolbar({
  searchPlaceholder,
  onSearch,
  current,
  className,
  children,
}: {
  searchPlaceholder: string;
  /** The search in use when the list opens (from the address, say). */
  current?: string;
  onSearch: (q: string | undefined) => void;
  /** A page's own layout of its filters. */
  className?: string;
  children?: ReactNode;
}) {
  const t = useT();
  // The box follows the search in use (a link, the browser's back button) and the typing.
  const [text, setText] = useState(current ?? '');
  useEffect(() => setText(current ?? ''), [current]);
  return (
    <div className={className ? `toolbar ${className}` : 'toolbar'}>
      <Input.Search
        className="toolbar-search"
        allowClear
        placeholder={searchPlaceholder}
        value={text}
        onChange={(e) => setText(e.target.value)}
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
