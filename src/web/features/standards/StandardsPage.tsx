import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { useUser } from '../auth/session';
import { standardsQueries } from './api';
import { LoadStandard } from './LoadStandard';
import { StandardTable } from './StandardTable';

/**
 * /admin/standards: every version of the poverty standards that apply in a scope (the whole
 * country, or a province with its own), and loading a corrected or provincial one from JSON.
 */
export function StandardsPage() {
  const t = useT();
  const user = useUser();
  // A national administrator may look at (and load for) any province; others have their own.
  const [province, setProvince] = useState<string | null>(user.scope.provinceCode);
  const list = useQuery(standardsQueries.list(province));

  return (
    <div className="page">
      <PageHeader title={t('standards.title')} description={t('standards.description')} />
      <Alert
        type="info"
        showIcon
        className="standards-note"
        title={t('standards.versionsTitle')}
        description={t('standards.versionsText')}
      />
      <LoadStandard province={province} onProvince={setProvince} />
      <StandardTable list={list} />
    </div>
  );
}
