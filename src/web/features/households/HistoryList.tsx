import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Empty, Pagination, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { CATEGORY_LABELS, type Category } from '../../../domain/poverty/types';
import { useT, type MessageKey } from '../../i18n';
import { useErrorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { householdsApi } from './api';
import { describeHistory } from './logic';

const PAGE = 20;

/** Every change to a household, newest first, in words. */
export function HistoryList({ householdId, version }: { householdId: string; version: number }) {
  const t = useT();
  const errorText = useErrorText();
  const [offset, setOffset] = useState(0);
  const history = useQuery({
    // The household's version: a change on the page shows here at once.
    queryKey: ['households', 'history', householdId, version, offset],
    queryFn: () => householdsApi.history(householdId, { limit: PAGE, offset }),
    placeholderData: keepPreviousData,
  });
  if (history.isError) return <Typography.Paragraph type="danger">{errorText(history.error)}</Typography.Paragraph>;
  const items = history.data?.items ?? [];
  if (history.data && items.length === 0) return <Empty description={t('households.historyEmpty')} />;
  return (
    <div className="history">
      <Timeline
        items={items.map((event) => {
          const d = describeHistory(event);
          const category = d.params.category as Category | undefined;
          const params = category
            ? { ...d.params, category: t.label(CATEGORY_LABELS[category]) || category }
            : d.params;
          const fields = (d.fields ?? []).map((f) => t(`households.${f}` as MessageKey)).join(', ');
          return {
            key: event.id,
            children: (
              <div className="history-item">
                <Typography.Text strong>{t(`households.historyText.${d.key}` as MessageKey, params)}</Typography.Text>
                {fields && <div>{t('households.historyFields', { fields })}</div>}
                <div className="cell-secondary">
                  {t('households.historyBy', {
                    actor: event.actorUsername ?? t('audit.system'),
                    at: formatDateTime(event.at),
                  })}
                </div>
              </div>
            ),
          };
        })}
      />
      {(history.data?.total ?? 0) > PAGE && (
        <Pagination
          size="small"
          current={offset / PAGE + 1}
          pageSize={PAGE}
          total={history.data?.total}
          onChange={(page) => setOffset((page - 1) * PAGE)}
        />
      )}
    </div>
  );
}
