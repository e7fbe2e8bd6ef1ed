import { Card } from 'antd';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { AtDatePicker, useAtDate } from './AtDatePicker';
import { UnitTable } from './UnitTable';

/** The provinces and cities; each opens to its communes, path and successors. */
export function AdminUnitsPage() {
  const t = useT();
  const [at] = useAtDate();
  return (
    <div className="page">
      <PageHeader title={t('adminUnits.title')} description={t('adminUnits.description')} extra={<AtDatePicker />} />
      <Card title={t('adminUnits.provinces')}>
        <UnitTable key={at ?? 'today'} parent={null} at={at} />
      </Card>
    </div>
  );
}
