import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Input, Tag, Typography, type TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ToolbarSelect } from '../../components/ListToolbar';
import { PageHeader } from '../../components/PageHeader';
import { ListTable } from '../../components/ListTable';
import { useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { foldedSearch } from '../../lib/search';
import { useIsMobile } from '../../lib/useIsMobile';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, useAuditLabels } from './labels';
import { useUnitNames } from '../admin-units/useUnitNames';
import { AuditDetail } from './AuditDetail';
import { auditApi, type AuditEvent, type AuditQuery } from './api';

const PAGE_SIZE = 50;

interface Filters {
  q?: string;
  entity?: string;
  action?: string;
  actor?: string;
  range: [Dayjs | null, Dayjs | null] | null;
}

const EMPTY_FILTERS: Filters = { range: null };

function toQuery(f: Filters, limit: number, offset: number): AuditQuery {
  const clean = (s?: string) => s?.trim() || undefined;
  return {
    q: clean(f.q),
    entity: clean(f.entity),
    action: clean(f.action),
    actor: clean(f.actor),
    from: f.range?.[0]?.format('YYYY-MM-DD'),
    to: f.range?.[1]?.format('YYYY-MM-DD'),
    limit,
    offset,
  };
}

export function AuditPage() {
  const t = useT();
  const isMobile = useIsMobile();
  const labels = useAuditLabels();
  const [draft, setDraft] = useState<Filters>(EMPTY_FILTERS);
  const [applied, setApplied] = useState<Filters>(EMPTY_FILTERS);
  const [page, setPage] = useState({ limit: isMobile ? 20 : PAGE_SIZE, offset: 0 });
  const query = toQuery(applied, page.limit, page.offset);

  const list = useQuery({
    queryKey: ['audit', query],
    queryFn: () => auditApi.list(query),
    placeholderData: keepPreviousData,
  });

  const unitName = useUnitNames((list.data?.items ?? []).map((e) => e.provinceCode));

  const apply = (next: Filters) => {
    setApplied(next);
    setPage({ ...page, offset: 0 });
  };

  const columns: TableProps<AuditEvent>['columns'] = [
    { key: 'at', title: t('audit.at'), className: 'nowrap', render: (_: unknown, e) => formatDateTime(e.at) },
    { key: 'actor', title: t('audit.actor'), render: (_: unknown, e) => e.actorUsername ?? t('audit.system') },
    {
      key: 'action',
      title: t('audit.action'),
      render: (_: unknown, e) => (
        <Tag color="blue" title={e.action}>
          {labels.action(e.action)}
        </Tag>
      ),
    },
    { key: 'entity', title: t('audit.entity'), render: (_: unknown, e) => labels.entity(e.entity) },
    {
      key: 'entityId',
      title: t('audit.entityId'),
      render: (_: unknown, e) => (
        <Typography.Text code copyable={{ text: e.entityId, tooltips: [t('common.copy'), t('common.copied')] }}>
          {e.entityId.length > 13 ? `${e.entityId.slice(0, 8)}…` : e.entityId}
        </Typography.Text>
      ),
    },
    {
      key: 'area',
      title: t('audit.area'),
      render: (_: unknown, e) =>
        e.provinceCode ? (
          <span title={[e.provinceCode, e.communeCode].filter(Boolean).join(' / ')}>
            {unitName(e.communeCode) ?? unitName(e.provinceCode)}
          </span>
        ) : (
          t('area.national')
        ),
    },
    { key: 'ip', title: t('audit.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? t('common.none') },
  ];

  return (
    <div className="page">
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          apply(draft);
        }}
      >
        <Input
          className="toolbar-search"
          allowClear
          placeholder={t('audit.searchPlaceholder')}
          aria-label={t('common.search')}
          value={draft.q}
          onChange={(e) => setDraft({ ...draft, q: e.target.value })}
        />
        <ToolbarSelect<string>
          label={t('audit.entity')}
          value={draft.entity}
          onChange={(entity) => setDraft({ ...draft, entity })}
          options={AUDIT_ENTITIES.map((e) => ({ value: e, label: labels.entity(e) }))}
        />
        <ToolbarSelect<string>
          label={t('audit.action')}
          showSearch={foldedSearch}
          value={draft.action}
          onChange={(action) => setDraft({ ...draft, action })}
          options={AUDIT_ACTIONS.filter(
            (a) =>
              !draft.entity || a.startsWith(`${draft.entity}.`) || (draft.entity === 'user' && a.startsWith('auth.')),
          ).map((a) => ({
            value: a,
            label: labels.action(a),
          }))}
          popupMatchSelectWidth={false}
        />
        <Input
          className="toolbar-select"
          allowClear
          placeholder={t('audit.actor')}
          aria-label={t('audit.actor')}
          value={draft.actor}
          onChange={(e) => setDraft({ ...draft, actor: e.target.value })}
        />
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          value={draft.range}
          onChange={(range) => setDraft({ ...draft, range })}
          placeholder={[t('audit.from'), t('audit.to')]}
          aria-label={t('audit.dateRange')}
        />
        <Button type="primary" htmlType="submit">
          {t('common.filter')}
        </Button>
        <Button
          onClick={() => {
            setDraft(EMPTY_FILTERS);
            apply(EMPTY_FILTERS);
          }}
        >
          {t('common.clearFilters')}
        </Button>
      </form>
      <ListTable<AuditEvent>
        rowKey="id"
        columns={columns}
        list={list}
        page={page}
        onPage={setPage}
        scroll={{ x: 960 }}
        expandable={{
          expandedRowRender: (e) => <AuditDetail event={e} />,
        }}
      />
    </div>
  );
}
