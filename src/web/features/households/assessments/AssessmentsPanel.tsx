import { FormOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Table, Tag, Typography, type TableProps } from 'antd';
import { Link } from 'react-router-dom';
import { ApiError } from '../../../api/client';
import { LinkButton } from '../../../components/LinkButton';
import { useT } from '../../../i18n';
import { useErrorText } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { useIsMobile } from '../../../lib/useIsMobile';
import { householdQueries, type Assessment, type Household, type HouseholdStatus } from '../api';
import { CategoryTag } from '../common';
import { assessPath } from '../paths';
import { DeprivationChart } from './DeprivationChart';

/** Is the assessments API missing on this server (an older build)? */
export const notDeployed = (error: unknown) =>
  error instanceof ApiError && (error.status === 404 || error.status === 405) && error.code !== 'not_found';

/** The latest assessment as the list shows it, when the assessments have been read. */
export function useLatestAssessment(householdId: string): HouseholdStatus | undefined {
  const list = useQuery({ ...householdQueries.assessments(householdId), retry: false });
  const latest = list.data?.items[0];
  return latest && { year: latest.year, category: latest.category, deprivationCount: latest.deprivationCount };
}

export function StandardName({ standard }: { standard: Assessment['standard'] }) {
  const t = useT();
  return (
    <span>
      {t.label(standard.name)}
      {standard.provisional && (
        <Tag color="gold" className="inline-tag">
          {t('households.provisional')}
        </Tag>
      )}
    </span>
  );
}

/** A household's yearly results, the chart of its deprivations, and the way to assess it. */
export function AssessmentsPanel({ household, canAssess }: { household: Household; canAssess: boolean }) {
  const t = useT();
  const errorText = useErrorText();
  const isMobile = useIsMobile();
  const list = useQuery({ ...householdQueries.assessments(household.id), retry: false });

  if (list.isError) {
    return notDeployed(list.error) ? (
      <Alert type="info" showIcon title={t('households.assessmentsUnavailable')} />
    ) : (
      <Typography.Paragraph type="danger">{errorText(list.error)}</Typography.Paragraph>
    );
  }
  const items = list.data?.items ?? [];

  const columns: TableProps<Assessment>['columns'] = [
    { key: 'year', title: t('households.year'), dataIndex: 'year', width: 80 },
    {
      key: 'category',
      title: t('households.category'),
      render: (_: unknown, a) => <CategoryTag category={a.category} />,
    },
    {
      key: 'count',
      title: t('households.deprivationCount'),
      dataIndex: 'deprivationCount',
      align: 'right',
      width: 110,
    },
    {
      key: 'movement',
      title: t('households.movement'),
      render: (_: unknown, a) => t(`households.movements.${a.movement}`),
    },
    {
      key: 'standard',
      title: t('households.standard'),
      render: (_: unknown, a) => <StandardName standard={a.standard} />,
    },
    {
      key: 'source',
      title: t('households.source'),
      render: (_: unknown, a) => (
        <>
          {t(`households.sources.${a.source}`)}
          <div className="cell-secondary">{formatDate(a.surveyDate)}</div>
        </>
      ),
    },
    {
      key: 'decision',
      title: t('households.decision'),
      render: (_: unknown, a) =>
        a.decisionNumber
          ? t('households.decisionValue', { number: a.decisionNumber, date: formatDate(a.decisionDate) })
          : t('common.none'),
    },
    ...(canAssess
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 130,
            // A result with a recognition decision is final.
            render: (_: unknown, a: Assessment) =>
              a.decisionNumber ? null : <Link to={assessPath(household.id, a.year)}>{t('households.reassess')}</Link>,
          },
        ]
      : []),
  ];

  return (
    <div className="assessments">
      {canAssess && (
        <div className="tab-actions">
          <LinkButton to={assessPath(household.id)} type="primary" icon={<FormOutlined />}>
            {t('households.assess')}
          </LinkButton>
        </div>
      )}
      {list.data && items.length === 0 ? (
        <Empty description={t('households.assessmentsEmpty')} />
      ) : (
        <>
          <Table<Assessment>
            rowKey="id"
            size={isMobile ? 'small' : 'middle'}
            loading={list.isFetching}
            pagination={false}
            columns={columns}
            dataSource={items}
            scroll={{ x: 900 }}
            expandable={{
              expandedRowRender: (a) => (
                <Typography.Paragraph className="assessment-explanation">
                  <Typography.Text type="secondary">{t('households.explanation')}</Typography.Text>{' '}
                  {t.label(a.explanation)}
                </Typography.Paragraph>
              ),
            }}
          />
          {items.length > 0 && <DeprivationChart assessments={items} />}
        </>
      )}
    </div>
  );
}
