import { Alert, Card, Input, Radio, Switch, Tag, Typography } from 'antd';
import { useId, type ReactNode } from 'react';
import { useT } from '../../../i18n';
import type { AssessedIndicatorView } from '../api';

export interface OverrideState {
  on: boolean;
  deprived: boolean;
  reason: string;
}

/**
 * One indicator of the assessment: what the registry says (and why, person by person), and an
 * override that needs a written reason.
 */
export function IndicatorRow({
  indicator: i,
  state,
  showMissingReason,
  onChange,
}: {
  indicator: AssessedIndicatorView;
  state: OverrideState | undefined;
  showMissingReason: boolean;
  onChange: (next: OverrideState) => void;
}) {
  const t = useT();
  const id = useId();
  const current = state ?? { on: false, deprived: !i.derived.deprived, reason: '' };
  const reasonMissing = current.on && !current.reason.trim();
  return (
    <div className={`indicator-row${i.deprived ? ' indicator-deprived' : ''}`} data-indicator={i.indicator}>
      <div className="indicator-head">
        <div className="indicator-title">
          <Typography.Text strong id={`${id}-name`}>
            {t.label(i.name)}
          </Typography.Text>
          {t.label(i.dimension) !== t.label(i.name) && <div className="cell-secondary">{t.label(i.dimension)}</div>}
        </div>
        <label className="switch-label indicator-override">
          <Switch
            size="small"
            checked={current.on}
            aria-label={`${t('households.override')}: ${t.label(i.name)}`}
            onChange={(on) => onChange({ ...current, on })}
          />
          <span>{t('households.override')}</span>
        </label>
      </div>
      <div className="indicator-derived">
        {i.derived.missingData ? (
          <Tag color="orange">{t('households.missingData')}</Tag>
        ) : i.derived.deprived ? (
          <Tag color="red">{t('households.derivedDeprived')}</Tag>
        ) : (
          <Tag color="green">{t('households.derivedNotDeprived')}</Tag>
        )}
        {i.derived.reasons.length > 0 && (
          <ul className="indicator-reasons">
            {i.derived.reasons.map((r, n) => (
              <li key={n}>{t.label(r)}</li>
            ))}
          </ul>
        )}
      </div>
      {current.on && (
        <div className="indicator-override-fields">
          <Radio.Group
            aria-label={t('households.overrideTo')}
            value={current.deprived}
            onChange={(e) => onChange({ ...current, deprived: e.target.value as boolean })}
            options={[
              { value: true, label: t('households.chartDeprived') },
              { value: false, label: t('households.chartNotDeprived') },
            ]}
          />
          <Input.TextArea
            rows={2}
            maxLength={500}
            value={current.reason}
            status={showMissingReason && reasonMissing ? 'error' : undefined}
            aria-label={`${t('households.overrideReason')}: ${t.label(i.name)}`}
            placeholder={t('households.overrideReasonHelp')}
            onChange={(e) => onChange({ ...current, reason: e.target.value })}
          />
          {showMissingReason && reasonMissing && (
            <Typography.Text type="danger">{t('households.overrideReasonRequired')}</Typography.Text>
          )}
        </div>
      )}
    </div>
  );
}

/**
 * The derived indicators of a survey or an assessment, each with its reason and the surveyor's
 * override (which needs a written reason); shared by the assessment page and the review's sheet.
 */
export function IndicatorsCard({
  indicators,
  overrides,
  onChange,
  missingReason,
  extra,
  size,
}: {
  /** Undefined until the first classification arrives. */
  indicators: AssessedIndicatorView[] | undefined;
  overrides: Record<string, OverrideState>;
  onChange: (indicator: string, next: OverrideState) => void;
  missingReason: boolean;
  extra?: ReactNode;
  size?: 'small';
}) {
  const t = useT();
  return (
    <Card title={t('households.indicators')} className="form-section" extra={extra} size={size}>
      {missingReason && (
        <Alert type="error" showIcon className="form-error" title={t('households.overrideReasonRequired')} />
      )}
      {!indicators && <Typography.Paragraph type="secondary">{t('households.resultPending')}</Typography.Paragraph>}
      <div className="indicator-list">
        {indicators?.map((indicator) => (
          <IndicatorRow
            key={indicator.indicator}
            indicator={indicator}
            state={overrides[indicator.indicator]}
            showMissingReason={missingReason}
            onChange={(next) => onChange(indicator.indicator, next)}
          />
        ))}
      </div>
    </Card>
  );
}
