import { Alert, Card, Form, InputNumber, Radio, Select, Typography } from 'antd';
import { AREAS, type Area } from '../../../domain/poverty/types';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import type { PublicStandard } from './api';
import {
  formatIncome,
  incomeDigits,
  period,
  provisionalIndicators,
  provisionalRules,
  yearSpan,
  type FieldErrors,
} from './logic';
import { ProvisionalTag } from './ProvisionalTag';

export interface HouseholdAnswers {
  standardId: string;
  area: Area;
  income: number | null;
}

/** Standard, area and income: everything but the indicators. */
export function HouseholdCard({
  standards,
  standard,
  answers,
  errors,
  onStandard,
  onArea,
  onIncome,
}: {
  standards: PublicStandard[];
  standard: PublicStandard;
  answers: HouseholdAnswers;
  errors: FieldErrors;
  onStandard: (id: string) => void;
  onArea: (area: Area) => void;
  onIncome: (income: number | null) => void;
}) {
  const t = useT();
  return (
    <Card title={t('calculator.household')} className="calc-card">
      <Form layout="vertical" component="div" className="calc-form">
        <Form.Item
          label={t('calculator.standard')}
          htmlFor="calc-standard"
          validateStatus={errors.standard ? 'error' : undefined}
          help={
            errors.standard ??
            t('calculator.legalBasis', {
              documents: standard.legalBasis
                .map((doc) => {
                  const document = t('calculator.document', {
                    kind: t.label(doc.kind),
                    number: doc.number,
                    date: formatDate(doc.date),
                  });
                  return doc.note ? t('calculator.documentNote', { document, note: t.label(doc.note) }) : document;
                })
                .join(t('calculator.listSeparator')),
              ...yearSpan(standard),
            })
          }
        >
          <Select
            id="calc-standard"
            value={answers.standardId}
            onChange={onStandard}
            options={standards.map((s) => ({
              value: s.id,
              title: t.label(s.name),
              label: (
                <span className="calc-standard-option">
                  <span className="calc-standard-name">{t.label(s.name)}</span>
                  <ProvisionalTag status={provisionalRules(s) ? 'provisional' : 'confirmed'} />
                </span>
              ),
            }))}
          />
        </Form.Item>
        {provisionalIndicators(standard) && (
          <Alert
            type="warning"
            showIcon
            className="calc-provisional-note"
            title={t('calculator.provisionalNote', { period: period(standard) })}
          />
        )}
        <Form.Item
          label={<span id="calc-area-label">{t('calculator.area')}</span>}
          validateStatus={errors.area ? 'error' : undefined}
          help={errors.area}
        >
          <Radio.Group
            aria-labelledby="calc-area-label"
            optionType="button"
            buttonStyle="solid"
            value={answers.area}
            onChange={(e) => onArea(e.target.value as Area)}
            options={AREAS.map((area) => ({ value: area, label: t(`calculator.areas.${area}`) }))}
          />
        </Form.Item>
        <Form.Item
          label={t('calculator.income')}
          htmlFor="calc-income"
          validateStatus={errors.incomePerCapitaMonthly ? 'error' : undefined}
          help={errors.incomePerCapitaMonthly ?? t('calculator.incomeHelp')}
        >
          <InputNumber<string>
            id="calc-income"
            className="calc-income"
            stringMode
            min="0"
            controls={false}
            inputMode="numeric"
            autoComplete="off"
            value={answers.income === null ? null : String(answers.income)}
            formatter={(value) => formatIncome(value, t.lang)}
            parser={(text) => incomeDigits(text, t.lang)}
            onChange={(value) => onIncome(value ? Number(value) : null)}
            suffix={<Typography.Text type="secondary">{t('calculator.incomeUnit')}</Typography.Text>}
          />
        </Form.Item>
      </Form>
    </Card>
  );
}
