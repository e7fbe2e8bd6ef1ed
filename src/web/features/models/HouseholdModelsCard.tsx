import { useQuery } from '@tanstack/react-query';
import { Card, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { MODEL_KIND_LABELS } from '../../../domain/models';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { modelsApi } from './api';
import { OutcomeTag } from './OutcomeTag';
import { modelPath } from './paths';

/** On the household page: the models it takes part in, with its outcome in each. */
export function HouseholdModelsCard({ householdId }: { householdId: string }) {
  const t = useT();
  const models = useQuery({
    queryKey: ['models', 'household', householdId],
    queryFn: () => modelsApi.ofHousehold(householdId),
  });
  if (!models.data?.length) return null;
  return (
    <Card size="small" title={t('models.householdCard')} className="household-models">
      <List
        size="small"
        dataSource={models.data}
        renderItem={(m) => (
          <List.Item extra={<OutcomeTag outcome={m.outcome} />}>
            <Link to={modelPath(m.id)}>{m.name}</Link>{' '}
            <Typography.Text type="secondary">
              — {t.label(MODEL_KIND_LABELS[m.kind])}, {t('models.joinedOn').toLowerCase()} {formatDate(m.joinedOn)}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
