import { Alert, Card, Descriptions, Skeleton, Spin, Tag, Typography } from 'antd';
import { formatVnd } from '../../../domain/poverty/format';
import { CATEGORY_LABELS, type Area, type Category } from '../../../domain/poverty/types';
import { useT } from '../../i18n';
import { useErrorText } from '../../lib/errors';
import type { ClassifyResult, PublicStandard } from './api';
import { CATEGORY_COLORS, capitalise } from './logic';
import { ProvisionalTag } from './ProvisionalTag';

export function CategoryTag({ category, large = false }: { category: Category; large?: boolean }) {
  const t = useT();
  return (
    <Tag color={CATEGORY_COLORS[category]} className={large ? 'calc-category calc-category-large' : 'calc-category'}>
      {capitalise(t.label(CATEGORY_LABELS[category]))}
    </Tag>
  );
}

/** The category, how it was reached, and the lines it was measured against. */
export function ResultCard({
  standard,
  area,
  asked,
  result,
  error,
  fieldsMarked,
  fetching,
}: {
  standard: PublicStandard;
  area: Area;
  /** False until an income is entered. */
  asked: boolean;
  result: ClassifyResult | undefined;
  error: unknown;
  /** The error is shown beside the fields it names. */
  fieldsMarked: boolean;
  fetching: boolean;
}) {
  const t = useT();
  const errorText = useErrorText();
  const money = (amount: number) => t('calculator.perMonth', { amount: formatVnd(amount, t.lang) });
  const areaName = t(`calculator.areasInline.${area}`);
  const points = standard.scoreForm?.pointsPerDeprivation;

  let body;
  if (!asked) {
    body = <Typography.Text type="secondary">{t('calculator.resultEmpty')}</Typography.Text>;
  } else if (error) {
    body = <Alert type="error" showIcon title={fieldsMarked ? t('calculator.resultFailed') : errorText(error)} />;
  } else if (!result) {
    body = <Skeleton active paragraph={{ rows: 2 }} title={false} />;
  } else {
    const scores = result.scores;
    body = (
      <>
        <div className="calc-category-row">
          <CategoryTag category={result.category} large />
          <ProvisionalTag status={standard.rules.find((r) => r.id === result.rule)?.status} />
        </div>
        <Descriptions
          column={1}
          size="small"
          className="calc-facts"
          items={[
            {
              key: 'count',
              label: t('calculator.deprivationCount'),
              children: <strong className="calc-count">{result.deprivationCount}</strong>,
            },
            ...(scores
              ? [
                  {
                    key: 'b2',
                    label: t('calculator.deprivationScore'),
                    children:
                      points === undefined
                        ? scores.deprivationScore
                        : t('calculator.deprivationScoreValue', {
                            points,
                            count: result.deprivationCount,
                            score: scores.deprivationScore,
                          }),
                  },
                  {
                    key: 'b1',
                    label: t('calculator.incomeScoreLine', { area: areaName }),
                    children: t('calculator.incomeScoreLineValue', { score: scores.incomeScoreLine }),
                  },
                ]
              : []),
          ]}
        />
        {scores && (
          <Typography.Paragraph type="secondary" className="calc-note">
            {t('calculator.scoreNote')}
          </Typography.Paragraph>
        )}
        <Typography.Paragraph className="calc-explanation">
          <Typography.Text type="secondary">{t('calculator.explanation')}</Typography.Text>{' '}
          {t.label(result.explanation)}
        </Typography.Paragraph>
      </>
    );
  }

  return (
    <Card
      title={t('calculator.result')}
      className="calc-card calc-result"
      extra={fetching && asked ? <Spin size="small" /> : null}
    >
      <div aria-live="polite" className="calc-result-body">
        {body}
      </div>
      <Descriptions
        column={1}
        size="small"
        className="calc-lines"
        items={[
          ...standard.lines.map((line) => ({
            key: line.id,
            label: t('calculator.lineOf', { line: capitalise(t.label(line.name)), area: areaName }),
            children: (
              <>
                {money(line[area])}
                <ProvisionalTag status={line.status} />
              </>
            ),
          })),
        ]}
      />
      <Typography.Paragraph type="secondary" className="calc-disclaimer">
        {t('calculator.disclaimer')}
      </Typography.Paragraph>
    </Card>
  );
}
