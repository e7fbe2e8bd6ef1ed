import { Typography } from 'antd';
import { useT } from '../../../i18n';
import type { Assessment } from '../api';

interface Row {
  indicator: string;
  name: { vi: string; en: string };
}

/**
 * Indicators × years: a filled square where the household was deprived, a pale one where it was
 * not, a dash where that year's standard did not have the indicator; the count of deprivations
 * as a bar under each year. Plain HTML and CSS, light on a phone.
 */
export function DeprivationChart({ assessments }: { assessments: Assessment[] }) {
  const t = useT();
  const years = [...assessments].sort((a, b) => a.year - b.year);
  const rows: Row[] = [];
  for (const a of [...years].reverse()) {
    for (const i of a.indicators) {
      if (!rows.some((r) => r.indicator === i.indicator)) rows.push({ indicator: i.indicator, name: i.name });
    }
  }
  const most = Math.max(1, ...years.map((a) => a.deprivationCount));
  const state = (a: Assessment, indicator: string) => {
    const found = a.indicators.find((i) => i.indicator === indicator);
    if (!found) return 'none' as const;
    return found.deprived ? ('deprived' as const) : ('ok' as const);
  };
  const stateText = {
    deprived: t('households.chartDeprived'),
    ok: t('households.chartNotDeprived'),
    none: t('households.chartNotMeasured'),
  };

  return (
    <figure className="dep-chart">
      <figcaption>
        <Typography.Text strong>{t('households.chart')}</Typography.Text>
        <span className="dep-legend">
          <span className="dep-cell dep-deprived" aria-hidden /> {stateText.deprived}
          <span className="dep-cell dep-ok" aria-hidden /> {stateText.ok}
          <span className="dep-cell dep-none" aria-hidden /> {stateText.none}
        </span>
      </figcaption>
      <div className="dep-scroll">
        <table className="dep-table">
          <thead>
            <tr>
              <th scope="col" className="dep-name" />
              {years.map((a) => (
                <th key={a.year} scope="col">
                  {a.year}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.indicator}>
                <th scope="row" className="dep-name">
                  {t.label(r.name)}
                </th>
                {years.map((a) => {
                  const s = state(a, r.indicator);
                  const label = t('households.chartCell', {
                    indicator: t.label(r.name),
                    year: a.year,
                    state: stateText[s],
                  });
                  return (
                    <td key={a.year}>
                      <span
                        className={`dep-cell dep-${s === 'ok' ? 'ok' : s}`}
                        role="img"
                        aria-label={label}
                        title={label}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="dep-name">
                {t('households.deprivationCount')}
              </th>
              {years.map((a) => (
                <td key={a.year} className="dep-bar-cell">
                  <div className="dep-bar-track">
                    <div className="dep-bar" style={{ height: `${(a.deprivationCount / most) * 100}%` }} />
                  </div>
                  <strong>{a.deprivationCount}</strong>
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </figure>
  );
}
