import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card } from 'antd';
import { useT } from '../../i18n';
import { supervisionApi } from './api';
import { Recommendations } from './SupervisionTab';

/** On the dashboard: recommendations addressed to the user's organisation, until resolved. */
export function RemindersCard() {
  const t = useT();
  const queryClient = useQueryClient();
  const mine = useQuery({ queryKey: ['recommendations', 'mine'], queryFn: () => supervisionApi.mine() });
  const items = mine.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card title={t('coordination.recommendation.reminders', { count: items.length })} data-testid="reminders">
      <Recommendations
        items={items}
        onChanged={() => queryClient.invalidateQueries({ queryKey: ['recommendations'] })}
      />
    </Card>
  );
}
