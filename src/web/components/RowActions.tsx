import { DownOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useT } from '../i18n';

/** The "Thao tác ▾" button of a table row, opening its menu of actions; `label` names the row. */
export function RowActions({ label, items }: { label: string; items: MenuProps['items'] }) {
  const t = useT();
  return (
    <Dropdown trigger={['click']} menu={{ items }}>
      <Button size="small" aria-label={label}>
        {t('common.actions')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
