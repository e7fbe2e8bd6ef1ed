import { Card, Checkbox, Tag, Typography } from 'antd';
import { useT } from '../../i18n';
import type { PublicStandard } from './api';
import { ProvisionalTag } from './ProvisionalTag';

/** The standard's indicators, one group per dimension, each with the condition as help text. */
export function IndicatorChecklist({
  standard,
  ticked,
  error,
  onChange,
}: {
  standard: PublicStandard;
  ticked: readonly string[];
  error: string | undefined;
  onChange: (key: string, checked: boolean) => void;
}) {
  const t = useT();
  const chosen = new Set(ticked);
  return (
    <Card
      title={t('calculator.indicators')}
      className="calc-card"
      extra={
        <Tag color={ticked.length > 0 ? 'blue' : undefined}>{t('calculator.ticked', { count: ticked.length })}</Tag>
      }
    >
      <Typography.Paragraph type="secondary" className="calc-indicators-help">
        {t('calculator.indicatorsHelp')}
      </Typography.Paragraph>
      {error && (
        <Typography.Paragraph type="danger" role="alert" className="calc-indicators-error">
          {error}
        </Typography.Paragraph>
      )}
      <div className="calc-dimensions">
        {standard.dimensions.map((dimension) => (
          <fieldset key={dimension.key} className="calc-dimension">
            <legend className="calc-dimension-name">
              {t.label(dimension.name)}
              {/* Said once for the dimension only when its indicators do not say it each. */}
              {dimension.indicators.some((i) => i.status !== 'provisional') && (
                <ProvisionalTag status={dimension.status} />
              )}
            </legend>
            {dimension.indicators.map((indicator) => {
              const helpId = `calc-help-${indicator.key}`;
              return (
                <div key={indicator.key} className="calc-indicator">
                  <Checkbox
                    checked={chosen.has(indicator.key)}
                    onChange={(e) => onChange(indicator.key, e.target.checked)}
                    aria-describedby={helpId}
                  >
                    <span className="calc-indicator-name">{t.label(indicator.name)}</span>
                    <ProvisionalTag status={indicator.status} />
                  </Checkbox>
                  <div id={helpId} className="calc-indicator-help">
                    {t.label(indicator.description)}
                  </div>
                </div>
              );
            })}
          </fieldset>
        ))}
      </div>
    </Card>
  );
}
