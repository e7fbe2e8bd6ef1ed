import { useQuery } from '@tanstack/react-query';
import { Form, Select } from 'antd';
import { FUND_SOURCE } from '../../../domain/support';
import { useT } from '../../i18n';
import { fundApi } from '../fund/api';

/**
 * The fund that pays, shown when the source is the Fund for the Poor: such a support is also that
 * fund's expenditure (one for each household of a distribution), so the fund is named.
 */
export function FundField({ source, help }: { source: string | undefined; help: string }) {
  const t = useT();
  const funds = useQuery({
    queryKey: ['funds', 'list', 'support'],
    queryFn: () => fundApi.list({ limit: 100 }),
    enabled: source === FUND_SOURCE,
  });
  if (source !== FUND_SOURCE) return null;
  return (
    <Form.Item
      name="fundId"
      label={t('support.fund')}
      extra={help}
      rules={[{ required: true, message: t('support.fundRequired') }]}
    >
      <Select
        style={{ minWidth: 240 }}
        loading={funds.isPending}
        options={(funds.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
      />
    </Form.Item>
  );
}
