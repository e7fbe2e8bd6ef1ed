import { useQuery } from '@tanstack/react-query';
import { Card, List, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { CategoryTag } from '../households/common';
import { reviewsApi, roundPath } from './api';
import { CaseStatusTag, KindTag, StateTag } from './tags';

/**
 * On the household page: the review rounds it was listed in — round, year, kind, the round's
 * step, the case's result (the decided one, else the surveyed one) — each linking to the round.
 */
export function HouseholdReviewsCard({ householdId }: { householdId: string }) {
  const t = useT();
  const cases = useQuery({
    queryKey: ['reviews', 'household', householdId],
    queryFn: () => reviewsApi.ofHousehold(householdId),
  });
  if (!cases.data?.length) return null;
  return (
    <Card size="small" title={t('reviews.householdCard')} className="household-reviews">
      <List
        size="small"
        dataSource={cases.data}
        renderItem={(c) => {
          const result = c.finalCategory ?? c.proposedCategory;
          return (
            <List.Item extra={result ? <CategoryTag category={result} /> : <CaseStatusTag status={c.status} />}>
              <Space size={4} wrap>
                <Link to={roundPath(c.roundId)}>
                  {t('reviews.roundName', { kind: t(`reviews.kindName.${c.kind}`), year: c.year })}
                </Link>
                <KindTag kind={c.kind} />
                <StateTag state={c.roundState} />
                <Typography.Text type="secondary">
                  {t(`reviews.reasons.${c.reason}`)}
                  {c.decisionNumber &&
                    ` · ${t('reviews.decisionOf', { number: c.decisionNumber, date: formatDate(c.decisionDate!) })}`}
                </Typography.Text>
              </Space>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
