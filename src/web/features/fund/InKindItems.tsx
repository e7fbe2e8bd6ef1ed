import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { formatVnd } from '../../../domain/fund';
import { useT } from '../../i18n';
import type { InKindItem } from './api';

/** An amount in đồng typed with dot thousands separators (1.500.000). */
export const moneyInput = {
  formatter: (v: number | string | undefined) => String(v ?? '').replace(/\B(?=(\d{3})+(?!\d))/gu, '.'),
  parser: (v: string | undefined) => Number((v ?? '').replace(/\D/gu, '')),
};

export const itemsTotal = (items: readonly Partial<InKindItem>[] | undefined) =>
  (items ?? []).reduce((sum, i) => sum + (i?.value ?? 0), 0);

/**
 * The items of a receipt in kind: name, quantity, unit and agreed value each. The receipt's amount
 * is their total, kept in the form's `amount` field as the items change (the server checks it too).
 */
export function InKindItems() {
  const t = useT();
  const form = Form.useFormInstance();
  const items = Form.useWatch<Partial<InKindItem>[] | undefined>('items', form);
  const total = itemsTotal(items);
  useEffect(() => {
    form.setFieldValue('amount', total || undefined);
  }, [form, total]);
  return (
    <>
      <Typography.Text strong>{t('fund.inKindItems')}</Typography.Text>
      <Form.List
        name="items"
        rules={[
          {
            validator: async (_, value?: unknown[]) => {
              if (!value?.length) throw new Error(t('fund.inKindItemsRequired'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} align="baseline" wrap className="fund-in-kind-item">
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[{ required: true, whitespace: true, message: t('fund.itemNameRequired') }]}
                >
                  <Input
                    aria-label={`${t('fund.itemName')} ${index + 1}`}
                    placeholder={t('fund.itemName')}
                    style={{ width: 200 }}
                    maxLength={200}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'quantity']}
                  rules={[{ required: true, type: 'number', min: 0.001, message: t('fund.itemQuantityRequired') }]}
                >
                  <InputNumber<number>
                    aria-label={`${t('fund.itemQuantity')} ${index + 1}`}
                    placeholder={t('fund.itemQuantity')}
                    min={0}
                    style={{ width: 100 }}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'unit']}
                  rules={[{ required: true, whitespace: true, message: t('fund.itemUnitRequired') }]}
                >
                  <Input
                    aria-label={`${t('fund.itemUnit')} ${index + 1}`}
                    placeholder={t('fund.itemUnit')}
                    style={{ width: 90 }}
                    maxLength={30}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'value']}
                  rules={[{ required: true, type: 'integer', min: 1, message: t('fund.itemValueRequired') }]}
                >
                  <InputNumber<number>
                    {...moneyInput}
                    aria-label={`${t('fund.itemValue')} ${index + 1}`}
                    placeholder={t('fund.itemValue')}
                    min={1}
                    step={100_000}
                    style={{ width: 160 }}
                  />
                </Form.Item>
                <MinusCircleOutlined aria-label={t('fund.removeItem')} onClick={() => remove(field.name)} />
              </Space>
            ))}
            <Form.Item>
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                {t('fund.addItem')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Form.Item>
          </>
        )}
      </Form.List>
      <Typography.Paragraph>
        {t('fund.inKindTotal')}: <strong>{formatVnd(total)}</strong>
      </Typography.Paragraph>
    </>
  );
}
