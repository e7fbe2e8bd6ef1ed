import { useQuery } from '@tanstack/react-query';
import { App, Breadcrumb, Button, Card, Col, Descriptions, Row, Space, Table, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { ErrorResult, FullPageSpin } from '../../components/Results';
import { useT, type MessageKey } from '../../i18n';
import { formatDate } from '../../lib/format';
import { adminUnitsApi, type LinkedUnit } from './api';
import { AtDatePicker, useAtDate } from './AtDatePicker';
import { useUnitTypeLabel } from './labels';
import { UnitTable } from './UnitTable';
import { useSession } from '../auth/session';
import { ConfirmSuccessionModal, RemoveSuccessionModal } from './SuccessionModals';

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** One unit: where it lies, whether it still exists, what it became or came from, what is under it. */
export function AdminUnitDetailPage() {
  const t = useT();
  const { code = '' } = useParams();
  const [at] = useAtDate();
  const unitType = useUnitTypeLabel();
  const detail = useQuery({
    queryKey: ['admin-units', 'detail', code, at],
    queryFn: () => adminUnitsApi.get(code, at),
  });
  const search = at ? `?at=${at}` : '';
  const { permissions } = useSession();
  const { message } = App.useApp();
  // Confirming: a link, or 'new' for adding a predecessor; removing: a link.
  const [confirming, setConfirming] = useState<LinkedUnit | 'new' | null>(null);
  const [removing, setRemoving] = useState<LinkedUnit | null>(null);

  if (detail.isPending) return <FullPageSpin />;
  if (detail.isError) return <ErrorResult error={detail.error} onRetry={() => void detail.refetch()} />;
  const unit = detail.data;

  const linkColumns: TableProps<LinkedUnit>['columns'] = [
    { key: 'code', title: t('adminUnits.code'), dataIndex: 'code', width: 90 },
    {
      key: 'name',
      title: t('adminUnits.name'),
      render: (_: unknown, u) => <Link to={linkTo(u)}>{u.fullName}</Link>,
    },
    {
      key: 'kind',
      title: t('adminUnits.linkKind'),
      render: (_: unknown, u) => (
        <span className="tag-list">
          <Tag color={u.kind === 'full' ? 'blue' : 'gold'}>
            {t(u.kind === 'full' ? 'adminUnits.kindFull' : 'adminUnits.kindPartial')}
          </Tag>
          {!u.confirmed && <Tag>{t('adminUnits.unconfirmed')}</Tag>}
        </span>
      ),
    },
  ];

  // Administrators correct the 2025 succession of units in force (the server checks their area).
  const canCorrect = permissions.manageUsers && unit.status === 'current' && unit.level !== 'district';
  const predecessorColumns: TableProps<LinkedUnit>['columns'] = canCorrect
    ? [
        ...linkColumns,
        {
          key: 'actions',
          title: t('common.actions'),
          render: (_: unknown, u) => (
            <Space size={4}>
              {!u.confirmed && (
                <Button size="small" onClick={() => setConfirming(u)}>
                  {t('adminUnits.confirmLink')}
                </Button>
              )}
              <Button size="small" danger onClick={() => setRemoving(u)}>
                {t('adminUnits.removeLink')}
              </Button>
            </Space>
          ),
        },
      ]
    : linkColumns;
  const saved = (text: string) => {
    setConfirming(null);
    setRemoving(null);
    void message.success(text);
    void detail.refetch();
  };

  // A unit that ended is shown as it stood the day before it ended (codes may be reused).
  function linkTo(u: LinkedUnit): string {
    if (!u.validTo) return `/admin/units/${u.code}`;
    return `/admin/units/${u.code}?at=${dayBefore(u.validTo)}`;
  }

  const parents = unit.path.filter((p) => p.code !== unit.code);

  return (
    <div className="page">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { key: 'root', title: <Link to={`/admin/units${search}`}>{t('adminUnits.root')}</Link> },
          ...parents.map((p) => ({
            key: p.code,
            title: <Link to={`/admin/units/${p.code}${search}`}>{p.fullName}</Link>,
          })),
          { key: unit.code, title: unit.fullName },
        ]}
      />
      <PageHeader
        title={
          <span>
            {unit.fullName}{' '}
            <Tag color={unit.status === 'current' ? 'green' : 'default'}>
              {t(unit.status === 'current' ? 'adminUnits.statusCurrent' : 'adminUnits.statusClosed')}
            </Tag>
          </span>
        }
        extra={<AtDatePicker />}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('adminUnits.details')} className="full-height">
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'code', label: t('adminUnits.code'), children: unit.code },
                { key: 'name', label: t('adminUnits.name'), children: unit.name },
                { key: 'type', label: t('adminUnits.unitType'), children: unitType(unit.unitType) },
                { key: 'level', label: t('adminUnits.level'), children: t(`unitLevels.${unit.level}` as MessageKey) },
                {
                  key: 'path',
                  label: t('adminUnits.path'),
                  children: parents.length > 0 ? parents.map((p) => p.fullName).join(' › ') : t('adminUnits.root'),
                },
                {
                  key: 'from',
                  label: t('adminUnits.validFrom'),
                  children: formatDate(unit.validFrom) || t('common.none'),
                },
                { key: 'to', label: t('adminUnits.validTo'), children: formatDate(unit.validTo) || t('common.none') },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('adminUnits.successors')} size="small" style={{ marginBottom: 16 }}>
            <Table<LinkedUnit>
              rowKey={(u) => `${u.code}-${u.validTo ?? ''}`}
              size="small"
              columns={linkColumns}
              dataSource={unit.successors}
              pagination={false}
              scroll={{ x: 420 }}
              locale={{ emptyText: t('adminUnits.noSuccessors') }}
            />
          </Card>
          <Card
            title={t('adminUnits.predecessors')}
            size="small"
            extra={
              canCorrect && (
                <Button size="small" onClick={() => setConfirming('new')}>
                  {t('adminUnits.addPredecessor')}
                </Button>
              )
            }
          >
            <Table<LinkedUnit>
              rowKey={(u) => `${u.code}-${u.validTo ?? ''}`}
              size="small"
              columns={predecessorColumns}
              dataSource={unit.predecessors}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              scroll={{ x: 420 }}
              locale={{ emptyText: t('adminUnits.noPredecessors') }}
            />
          </Card>
        </Col>
        {unit.level !== 'commune' && (
          <Col span={24}>
            <Card title={t('adminUnits.children')}>
              <UnitTable key={`${unit.code}-${at ?? 'today'}`} parent={unit.code} at={at} />
            </Card>
          </Col>
        )}
      </Row>
      <ConfirmSuccessionModal
        open={confirming !== null}
        successorCode={unit.code}
        link={confirming === 'new' ? null : confirming}
        onClose={() => setConfirming(null)}
        onSaved={() => saved(t('adminUnits.linkSaved'))}
      />
      <RemoveSuccessionModal
        successorCode={unit.code}
        link={removing}
        onClose={() => setRemoving(null)}
        onRemoved={() => saved(t('adminUnits.linkRemoved'))}
      />
    </div>
  );
}
