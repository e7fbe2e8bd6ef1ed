import { Tag, Typography } from 'antd';
import { useT } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import type { PublicStandard } from '../calculator/api';
import { yearSpan } from '../calculator/logic';
import { ProvisionalTag } from '../calculator/ProvisionalTag';

/** The cells of a row of the standards table, one small component each. */

export function NameCell({ standard, scope }: { standard: PublicStandard; scope?: string }) {
  const t = useT();
  return (
    <div>
      <Typography.Text strong>{t.label(standard.name)}</Typography.Text>
      <div className="cell-note">{t('standards.code', { id: standard.id })}</div>
      {scope && <div className="cell-note">{scope}</div>}
    </div>
  );
}

/** The version, whether it is the one in use, and whether any of it is still provisional. */
export function VersionCell({ standard }: { standard: PublicStandard }) {
  const t = useT();
  return (
    <span className="tag-list standards-version-cell">
      <Typography.Text strong className="standards-version">
        {standard.version}
      </Typography.Text>
      {standard.current ? <Tag color="green">{t('standards.current')}</Tag> : <Tag>{t('standards.superseded')}</Tag>}
      <ProvisionalTag status={standard.status} />
    </span>
  );
}

/** National or a province's own; built in or loaded from a file, and when. */
export function ScopeCell({ standard, provinceName }: { standard: PublicStandard; provinceName: string | null }) {
  const t = useT();
  return (
    <div>
      {provinceName ?? t('standards.national')}
      <div className="cell-note">
        {standard.source === 'builtin'
          ? t('standards.builtin')
          : t('standards.loadedAt', { at: formatDateTime(standard.loadedAt) })}
      </div>
    </div>
  );
}

export function YearsText({ standard }: { standard: PublicStandard }) {
  const t = useT();
  return t('standards.yearSpan', yearSpan(standard));
}

export function LegalBasisCell({ standard }: { standard: PublicStandard }) {
  const t = useT();
  return standard.legalBasis.map((doc) => (
    <div key={doc.number} className="standards-document">
      {t('standards.document', { kind: t.label(doc.kind), number: doc.number, date: formatDate(doc.date) })}
      <div className="cell-note">{t.label(doc.title)}</div>
    </div>
  ));
}
