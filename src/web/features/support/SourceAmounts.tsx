import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Form, InputNumber, Select, Space } from 'antd';
import { useT } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { supportQueries } from './api';

/** Money input with thousands separators (đồng, whole numbers). */
export const moneyInput = {
  min: 0,
  step: 1_000_000,
  style: { width: '100%' },
  formatter: (v: number | string | undefined) => (v ? formatNumber(Number(v)) : ''),
  parser: (v: string | undefined) => Number((v ?? '').replace(/\D/gu, '')),
};

/** A new row starts empty (no source, no amount shown as 0). */
export const NEW_ROW = { sourceCode: undefined, amount: undefined } as unknown as {
  sourceCode: string;
  amount: number;
};

/**
 * Amounts by source of funding — a model's budget, a house's funding: one row per source, at
 * least one row. The field `name` holds `{ sourceCode, amount }[]`.
 */
export function SourceAmounts({ name }: { name: string }) {
  const t = useT();
  const sources = useQuery(supportQueries.sources());
  return (
    <Form.List name={name}>
      {(items, { add, remove }) => (
        <>
          {items.map((item) => (
            <Space key={item.key} align="baseline" wrap>
              <Form.Item
                name={[item.name, 'sourceCode']}
                rules={[{ required: true, message: t('support.sourceRequired') }]}
              >
                <Select
                  aria-label={t('support.source')}
                  placeholder={t('support.source')}
                  style={{ width: 240 }}
                  loading={sources.isPending}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(sources.data ?? []).map((s) => ({ value: s.code, label: t.label(s.name) }))}
                />
              </Form.Item>
              <Form.Item
                name={[item.name, 'amount']}
                rules={[{ required: true, type: 'integer', min: 1, message: t('support.amountRequired') }]}
              >
                <InputNumber<number>
                  {...moneyInput}
                  aria-label={t('support.amount')}
                  placeholder={t('support.amount')}
                  style={{ width: 150 }}
                />
              </Form.Item>
              {items.length > 1 && (
                <MinusCircleOutlined aria-label={t('support.removeSource')} onClick={() => remove(item.name)} />
              )}
            </Space>
          ))}
          <Form.Item>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(NEW_ROW)}>
              {t('support.addSource')}
            </Button>
          </Form.Item>
        </>
      )}
    </Form.List>
  );
}
