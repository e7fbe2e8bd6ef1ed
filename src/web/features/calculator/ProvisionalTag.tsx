import { Tag } from 'antd';
import type { Status } from '../../../domain/poverty/types';
import { useT } from '../../i18n';

/** "Dự kiến": reported in official sources but not yet read in the legal text. */
export function ProvisionalTag({ status }: { status: Status | undefined }) {
  const t = useT();
  if (status !== 'provisional') return null;
  return (
    <Tag color="gold" className="calc-provisional">
      {t('calculator.provisional')}
    </Tag>
  );
}
