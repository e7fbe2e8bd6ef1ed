import { ArrowLeftOutlined, DownOutlined, EditOutlined, FormOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Dropdown, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { AREA_LABELS } from '../../../domain/registry/codes';
import { ErrorResult, FullPageSpin, NotFoundResult } from '../../components/Results';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { ApiError } from '../../api/client';
import { useT } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { householdQueries, type Household } from './api';
import { AssessmentsPanel, useLatestAssessment } from './assessments/AssessmentsPanel';
import { PolicyTags, StatusTag, useCanManage } from './common';
import { DwellingView } from './DwellingView';
import { HistoryList } from './HistoryList';
import { HouseholdDialogs, type HouseholdDialog } from './HouseholdModals';
import { MembersTable } from './MembersTable';
import { assessPath, HOUSEHOLDS_PATH } from './paths';
import { SupportPanel } from '../support/SupportPanel';
import { HouseholdModelsCard } from '../models/HouseholdModelsCard';
import { HouseholdReviewsCard } from '../reviews/HouseholdReviewsCard';

const TABS = ['members', 'dwelling', 'assessments', 'support', 'history'] as const;
type Tab = (typeof TABS)[number];

export function HouseholdPage() {
  const { id = '' } = useParams();
  const household = useQuery(householdQueries.one(id));
  if (household.isPending) return <FullPageSpin />;
  if (household.isError) {
    return household.error instanceof ApiError && household.error.status === 404 ? (
      <NotFoundResult />
    ) : (
      <ErrorResult error={household.error} onRetry={() => void household.refetch()} />
    );
  }
  return <HouseholdView household={household.data} />;
}

function HouseholdView({ household: h }: { household: Household }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [dialog, setDialog] = useState<HouseholdDialog>(null);
  const canManage = useCanManage(h) && !h.archived;
  const latest = useLatestAssessment(h.id);
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'members';
  const current = h.members.filter((m) => !m.leftAt);

  const saved = (next: Household, text?: string) => {
    setDialog(null);
    queryClient.setQueryData(householdQueries.one(h.id).queryKey, next);
    void queryClient.invalidateQueries({ queryKey: ['households'] });
    void message.success(text ?? t('common.saved'));
  };

  const more = [
    { key: 'dwelling', label: t('households.editDwelling') },
    { key: 'move', label: t('households.move') },
    { key: 'head', label: t('households.changeHead'), disabled: current.length < 2 },
    { key: 'split', label: t('households.split'), disabled: current.length < 2 },
    { key: 'merge', label: t('households.merge') },
    { type: 'divider' as const },
    { key: 'archive', label: t('households.archive'), danger: true },
  ];

  return (
    <div className="page">
      <Link to={HOUSEHOLDS_PATH} className="back-link">
        <ArrowLeftOutlined /> {t('households.back')}
      </Link>
      <PageHeader
        title={t('households.pageTitle', { code: h.code, head: h.headName })}
        description={
          <span className="household-subtitle">
            <StatusTag status={latest ?? h.status} />
            {h.archived && <Tag>{t('households.archivedTag')}</Tag>}
            <span>{h.address.includes(h.villageName) ? h.address : `${h.villageName} · ${h.address}`}</span>
          </span>
        }
        extra={
          canManage && (
            <>
              <LinkButton to={assessPath(h.id)} type="primary" icon={<FormOutlined />}>
                {t('households.assess')}
              </LinkButton>
              <Button icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit' })}>
                {t('households.edit')}
              </Button>
              <Dropdown
                trigger={['click']}
                menu={{ items: more, onClick: ({ key }) => setDialog({ kind: key as 'move' }) }}
              >
                <Button>
                  {t('households.moreActions')} <DownOutlined />
                </Button>
              </Dropdown>
            </>
          )
        }
      />
      {h.archived && (
        <Alert
          type="warning"
          showIcon
          className="page-alert"
          title={t('households.archivedText', { reason: h.archiveReason ?? '' })}
        />
      )}
      <Card className="household-facts">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'code', label: t('households.code'), children: <strong>{h.code}</strong> },
            { key: 'head', label: t('households.head'), children: h.headName },
            { key: 'village', label: t('households.village'), children: h.villageName },
            { key: 'address', label: t('households.address'), children: h.address },
            { key: 'area', label: t('households.area'), children: t.label(AREA_LABELS[h.area]) },
            {
              key: 'ethnic',
              label: t('households.ethnicMinority'),
              children: h.ethnicMinority ? t('households.yes') : t('households.no'),
            },
            { key: 'phone', label: t('households.phone'), children: h.phone ?? t('common.none') },
            { key: 'members', label: t('households.memberCount'), children: formatNumber(current.length) },
            {
              key: 'policy',
              label: t('households.policyFlags'),
              children: h.policyFlags.length > 0 ? <PolicyTags flags={h.policyFlags} /> : t('common.none'),
            },
          ]}
        />
      </Card>
      <HouseholdModelsCard householdId={h.id} />
      <HouseholdReviewsCard householdId={h.id} />
      <Card className="household-tabs">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'members' ? {} : { tab: key }, { replace: true })}
          items={[
            {
              key: 'members',
              label: t('households.tabMembers', { count: current.length }),
              children: (
                <>
                  {canManage && (
                    <div className="tab-actions">
                      <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'addMember' })}>
                        {t('households.addMember')}
                      </Button>
                    </div>
                  )}
                  <MembersTable
                    members={h.members}
                    onEdit={canManage ? (member) => setDialog({ kind: 'editMember', member }) : undefined}
                    onLeave={canManage ? (member) => setDialog({ kind: 'leave', member }) : undefined}
                  />
                </>
              ),
            },
            {
              key: 'dwelling',
              label: t('households.tabDwelling'),
              children: (
                <>
                  {canManage && (
                    <div className="tab-actions">
                      <Button icon={<EditOutlined />} onClick={() => setDialog({ kind: 'dwelling' })}>
                        {t('households.editDwelling')}
                      </Button>
                    </div>
                  )}
                  <DwellingView dwelling={h.dwelling} />
                </>
              ),
            },
            {
              key: 'assessments',
              label: t('households.tabAssessments'),
              children: <AssessmentsPanel household={h} canAssess={canManage} />,
            },
            {
              key: 'support',
              label: t('support.tab'),
              children: <SupportPanel household={h} canManage={canManage} />,
            },
            {
              key: 'history',
              label: t('households.tabHistory'),
              children: <HistoryList householdId={h.id} version={h.version} />,
            },
          ]}
        />
      </Card>
      {dialog && <HouseholdDialogs dialog={dialog} household={h} onClose={() => setDialog(null)} onSaved={saved} />}
    </div>
  );
}
