import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatVnd } from '../../../domain/poverty/format';
import type { Area } from '../../../domain/poverty/types';
import { useT } from '../../i18n';
import { useErrorText } from '../../lib/errors';
import type { ClassifyResult, PublicStandard } from './api';
import { missingIn, period, povertyLine } from './logic';
import { CategoryTag } from './ResultCard';

interface Column {
  standard: PublicStandard;
  result: ClassifyResult | undefined;
}

/** The same answers under a second standard, side by side with the first. */
export function ComparisonCard({
  area,
  asked,
  selected,
  other,
  otherError,
}: {
  area: Area;
  asked: boolean;
  selected: Column;
  other: Column;
  otherError: unknown;
}) {
  const t = useT();
  const errorText = useErrorText();
  const columns = [selected, other];
  const dash = t('common.none');
  const names = (list: { name: { vi: string; en: string } }[]) =>
    list.map((i) => t.label(i.name)).join(t('calculator.nameSeparator'));
  const notInOther = missingIn(selected.standard, other.standard);
  const onlyInOther = missingIn(other.standard, selected.standard);
  const rows: { key: string; label: string; cell: (c: Column) => ReactNode }[] = [
    {
      key: 'category',
      label: t('calculator.compareCategory'),
      cell: (c) => (asked && c.result ? <CategoryTag category={c.result.category} /> : dash),
    },
    {
      key: 'count',
      label: t('calculator.compareCount'),
      cell: (c) => (asked && c.result ? c.result.deprivationCount : dash),
    },
    {
      key: 'line',
      label: t('calculator.comparePovertyLine', { area: t(`calculator.areasInline.${area}`) }),
      cell: (c) => {
        const line = povertyLine(c.standard, area);
        return line === undefined ? dash : formatVnd(line, t.lang);
      },
    },
  ];

  return (
    <Card
      title={t('calculator.compareTitle', { period: period(other.standard) })}
      className="calc-card calc-compare-card"
    >
      <Typography.Paragraph type="secondary" className="calc-note">
        {t('calculator.compareHint')}
      </Typography.Paragraph>
      <table className="calc-compare">
        <thead>
          <tr>
            <td />
            {columns.map((c) => (
              <th key={c.standard.id} scope="col">
                {t('calculator.period', { period: period(c.standard) })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {columns.map((c) => (
                <td key={c.standard.id}>{row.cell(c)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {asked && otherError ? (
        <Typography.Paragraph type="danger" className="calc-note">
          {errorText(otherError)}
        </Typography.Paragraph>
      ) : null}
      {notInOther.length > 0 && (
        <Typography.Paragraph type="secondary" className="calc-note calc-not-in-other">
          {t('calculator.notInOther', { period: period(other.standard), list: names(notInOther) })}
        </Typography.Paragraph>
      )}
      {onlyInOther.length > 0 && (
        <Typography.Paragraph type="secondary" className="calc-note calc-only-in-other">
          {t('calculator.onlyInOther', { period: period(other.standard), list: names(onlyInOther) })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
