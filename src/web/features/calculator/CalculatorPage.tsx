import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Spin } from 'antd';
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Area } from '../../../domain/poverty/types';
import type { Page } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ErrorResult } from '../../components/Results';
import { useT } from '../../i18n';
import { useDebounced } from '../../lib/useDebounced';
import { useIsMobile } from '../../lib/useIsMobile';
import { calculatorQueries, type ClassifyRequest, type PublicStandard } from './api';
import { ComparisonCard } from './ComparisonCard';
import { HouseholdCard } from './HouseholdCard';
import { IndicatorChecklist } from './IndicatorChecklist';
import { comparisonStandard, defaultStandardId, fieldErrors, knownTo, usableStandards } from './logic';
import { CategoryTag, ResultCard } from './ResultCard';

const selectUsable = (page: Page<PublicStandard>) => usableStandards(page.items);

/** The public poverty calculator (/tinh-chuan-ngheo): no session needed. */
export function CalculatorPage() {
  const t = useT();
  const standards = useQuery({ ...calculatorQueries.standards(), select: selectUsable });
  let content;
  if (standards.isPending) {
    content = (
      <div className="calc-loading">
        <Spin size="large" description={t('common.loading')} />
      </div>
    );
  } else if (standards.isError) {
    content = <ErrorResult error={standards.error} onRetry={() => void standards.refetch()} />;
  } else if (standards.data.length === 0) {
    content = (
      <Card>
        <Empty description={t('common.noData')} />
      </Card>
    );
  } else {
    content = <Calculator standards={standards.data} />;
  }
  return (
    <div className="page calc-page">
      <PageHeader title={t('calculator.title')} description={t('calculator.description')} />
      {content}
    </div>
  );
}

const DEBOUNCE_MS = 300;

function useClassification(request: ClassifyRequest | null) {
  const debounced = useDebounced(request, DEBOUNCE_MS);
  // Nothing to ask until an income is entered; a cleared income clears the result at once.
  const body = request === null ? null : debounced;
  return useQuery({
    ...calculatorQueries.classify(body ?? request ?? EMPTY_REQUEST),
    enabled: body !== null,
    placeholderData: keepPreviousData,
  });
}

const EMPTY_REQUEST: ClassifyRequest = { standard: '', area: 'rural', incomePerCapitaMonthly: 0, deprivations: [] };

function Calculator({ standards }: { standards: PublicStandard[] }) {
  const t = useT();
  const isMobile = useIsMobile();
  const [standardId, setStandardId] = useState(() => defaultStandardId(standards) ?? standards[0]!.id);
  const [area, setArea] = useState<Area>('rural');
  const [income, setIncome] = useState<number | null>(null);
  const [ticked, setTicked] = useState<string[]>([]);
  const resultRef = useRef<HTMLDivElement>(null);

  const standard = standards.find((s) => s.id === standardId) ?? standards[0]!;
  const other = comparisonStandard(standard, standards);

  const request = useMemo<ClassifyRequest | null>(
    () =>
      income === null
        ? null
        : { standard: standard.id, area, incomePerCapitaMonthly: income, deprivations: knownTo(standard, ticked) },
    [standard, area, income, ticked],
  );
  // Indicators the other standard lacks are simply not sent to it.
  const otherRequest = useMemo<ClassifyRequest | null>(
    () =>
      request && other ? { ...request, standard: other.id, deprivations: knownTo(other, request.deprivations) } : null,
    [request, other],
  );
  const main = useClassification(request);
  const compared = useClassification(otherRequest);
  const asked = request !== null;
  const errors = asked ? fieldErrors(main.error, t.lang) : {};
  const result = asked && !main.isError ? main.data : undefined;
  const resultInView = useInView(resultRef);

  const chooseStandard = (id: string) => {
    const next = standards.find((s) => s.id === id);
    if (!next) return;
    setStandardId(id);
    // Keep the answers the new standard can use.
    setTicked((keys) => knownTo(next, keys));
  };

  return (
    <div className="calc-layout">
      <div className="calc-inputs">
        <HouseholdCard
          standards={standards}
          standard={standard}
          answers={{ standardId: standard.id, area, income }}
          errors={errors}
          onStandard={chooseStandard}
          onArea={setArea}
          onIncome={setIncome}
        />
        <IndicatorChecklist
          standard={standard}
          ticked={knownTo(standard, ticked)}
          error={errors.deprivations}
          onChange={(key, checked) =>
            setTicked((keys) => (checked ? [...keys.filter((k) => k !== key), key] : keys.filter((k) => k !== key)))
          }
        />
      </div>
      <div className="calc-results" ref={resultRef} id="calc-result">
        <ResultCard
          standard={standard}
          area={area}
          asked={asked}
          result={result}
          error={asked ? main.error : null}
          fieldsMarked={Object.keys(errors).length > 0}
          fetching={main.isFetching}
        />
        {other && (
          <ComparisonCard
            area={area}
            asked={asked}
            selected={{ standard, result }}
            other={{ standard: other, result: asked && !compared.isError ? compared.data : undefined }}
            // A refusal of the answers themselves is shown once, beside the field.
            otherError={main.isError ? null : compared.error}
          />
        )}
      </div>
      {isMobile && result && !resultInView && (
        <div className="calc-summary-bar" role="status">
          <CategoryTag category={result.category} />
          <Button type="link" onClick={() => resultRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' })}>
            {t('calculator.viewResult')}
          </Button>
        </div>
      )}
    </div>
  );
}

/** Whether any part of the element is on screen. */
function useInView(ref: RefObject<HTMLElement | null>): boolean {
  const [inView, setInView] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => setInView(entry?.isIntersecting ?? false));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return inView;
}
