import { ArrowLeftOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Spin, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { formatVnd } from '../../../../domain/poverty/format';
import { POVERTY_CAUSE_LABELS, POVERTY_CAUSES, type PovertyCause } from '../../../../domain/registry/codes';
import { ApiError } from '../../../api/client';
import { ErrorResult, ForbiddenResult, FullPageSpin } from '../../../components/Results';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n';
import { applyFieldErrors, useErrorText } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { useDebounced } from '../../../lib/useDebounced';
import { calculatorQueries } from '../../calculator/api';
import { useIsMobile } from '../../../lib/useIsMobile';
import {
  assessmentsApi,
  householdQueries,
  type Assessment,
  type AssessmentInput,
  type AssessmentPreview,
  type Household,
} from '../api';
import { CategoryTag, DateInput, fromDayjs, toDayjs, useCanManage } from '../common';
import { HouseholdDialogs } from '../HouseholdModals';
import { todayInVietnam } from '../../../../domain/calendar';
import { householdPath } from '../paths';
import { notDeployed, StandardName } from './AssessmentsPanel';
import { IndicatorsCard, type OverrideState } from './IndicatorRow';

interface AssessForm {
  year: number;
  /** Empty: the standard in force for the year. */
  standard?: string;
  surveyDate?: Dayjs;
  incomePerCapitaMonthly?: number | null;
  incomeScore?: number | null;
  causes: PovertyCause[];
  note?: string;
}

/** The year to assess when none is asked: this year, or the next when this one is done. */
function defaultYear(assessments: Assessment[]): number {
  const year = Number(todayInVietnam().slice(0, 4));
  return assessments.some((a) => a.year === year) ? year + 1 : year;
}

export function AssessPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const household = useQuery(householdQueries.one(id));
  const assessments = useQuery({ ...householdQueries.assessments(id), retry: false });
  const t = useT();
  if (household.isPending || assessments.isPending) return <FullPageSpin />;
  if (household.isError) return <ErrorResult error={household.error} />;
  if (assessments.isError) {
    return notDeployed(assessments.error) ? (
      <div className="page">
        <Alert type="info" showIcon title={t('households.assessmentsUnavailable')} />
      </div>
    ) : (
      <ErrorResult error={assessments.error} />
    );
  }
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 ? asked : defaultYear(assessments.data.items);
  const existing = assessments.data.items.find((a) => a.year === year) ?? null;
  return (
    <AssessFormView
      key={`${year}-${existing?.version ?? 0}`}
      household={household.data}
      year={year}
      existing={existing}
    />
  );
}

function overridesOf(existing: Assessment | null): Record<string, OverrideState> {
  const result: Record<string, OverrideState> = {};
  for (const i of existing?.indicators ?? []) {
    if (i.override) result[i.indicator] = { on: true, deprived: i.override.deprived, reason: i.override.reason };
  }
  return result;
}

function AssessFormView({
  household: h,
  year,
  existing,
}: {
  household: Household;
  year: number;
  existing: Assessment | null;
}) {
  const t = useT();
  const errorText = useErrorText();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssessForm>();
  const canManage = useCanManage(h) && !h.archived;
  const [overrides, setOverrides] = useState<Record<string, OverrideState>>(() => overridesOf(existing));
  const [missingReason, setMissingReason] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [dwellingOpen, setDwellingOpen] = useState(false);

  const values = Form.useWatch([], form) as AssessForm | undefined;
  const input = useMemo<AssessmentInput | null>(() => {
    if (!values?.year || !values.surveyDate || values.incomePerCapitaMonthly == null) return null;
    return {
      year: values.year,
      standard: values.standard || undefined,
      surveyDate: fromDayjs(values.surveyDate),
      incomePerCapitaMonthly: values.incomePerCapitaMonthly,
      incomeScore: values.incomeScore ?? null,
      overrides: Object.entries(overrides)
        .filter(([, o]) => o.on && o.reason.trim())
        .map(([indicator, o]) => ({ indicator, deprived: o.deprived, reason: o.reason.trim() })),
      causes: values.causes ?? [],
      note: values.note?.trim() || null,
    };
  }, [values, overrides]);
  const asked = useDebounced(input, 400);
  const preview = useQuery({
    // The household's version: a dwelling completed here is read at once.
    queryKey: ['households', 'assessment-preview', h.id, h.version, asked],
    queryFn: () => assessmentsApi.preview(h.id, asked!),
    enabled: asked !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: Infinity,
  });

  const save = useMutation({
    mutationFn: (body: AssessmentInput) =>
      existing
        ? assessmentsApi.reassess(existing.id, { ...body, version: existing.version })
        : assessmentsApi.create(h.id, body),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['households'] });
      void message.success(t('households.saved', { year: saved.year }));
      void navigate(`${householdPath(h.id)}?tab=assessments`);
    },
    onError: (e) => setSaveError(applyFieldErrors(form, t, e) ? null : e),
  });

  if (!canManage) return <ForbiddenResult />;
  // A result with a recognition decision is final: shown, not changed.
  const decided = existing?.decisionNumber != null;

  const submit = (v: AssessForm) => {
    setSaveError(null);
    const unexplained = Object.values(overrides).some((o) => o.on && !o.reason.trim());
    setMissingReason(unexplained);
    if (unexplained || !input) return;
    save.mutate({ ...input, year: v.year });
  };

  const result = preview.data;
  const resultCard = (
    <ResultPanel
      result={result}
      error={preview.error}
      waiting={asked === null}
      fetching={preview.isFetching}
      onFixDwelling={() => setDwellingOpen(true)}
    />
  );

  return (
    <div className="page assess-page">
      <Link to={`${householdPath(h.id)}?tab=assessments`} className="back-link">
        <ArrowLeftOutlined /> {t('households.pageTitle', { code: h.code, head: h.headName })}
      </Link>
      <PageHeader
        title={existing ? `${t('households.reassess')} ${year}` : t('households.assessYear', { year })}
        description={t('households.assessIntro')}
      />
      {decided && (
        <Alert
          type="warning"
          showIcon
          className="page-alert"
          title={t('households.decided', {
            number: existing!.decisionNumber!,
            date: formatDate(existing!.decisionDate),
          })}
        />
      )}
      <Form<AssessForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          year,
          surveyDate: toDayjs(existing?.surveyDate ?? todayInVietnam()),
          incomePerCapitaMonthly: existing?.incomePerCapitaMonthly ?? undefined,
          incomeScore: existing?.incomeScore ?? null,
          standard: existing?.standard.id,
          causes: existing?.causes ?? [],
          note: existing?.note ?? undefined,
        }}
      >
        <Row gutter={16}>
          <Col xs={24} lg={15}>
            <Card className="form-section">
              <Row gutter={12}>
                <Col xs={8} md={5}>
                  <Form.Item
                    name="year"
                    label={t('households.year')}
                    tooltip={t('households.yearHelp')}
                    rules={[{ required: true, message: t('households.yearRequired') }]}
                  >
                    <InputNumber min={2016} max={2100} disabled={existing !== null} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={16} md={7}>
                  <Form.Item
                    name="surveyDate"
                    label={t('households.surveyDate')}
                    rules={[{ required: true, message: t('households.surveyDateRequired') }]}
                  >
                    <DateInput />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name="incomePerCapitaMonthly"
                    label={t('households.income')}
                    rules={[{ required: true, message: t('households.incomeRequired') }]}
                  >
                    <InputNumber<number>
                      min={0}
                      step={100000}
                      style={{ width: '100%' }}
                      inputMode="numeric"
                      suffix={t('households.incomeUnit')}
                      formatter={(v) =>
                        v === undefined || v === null || `${v}` === '' ? '' : Number(v).toLocaleString('vi-VN')
                      }
                      parser={(v) => Number((v ?? '').replace(/\D/gu, ''))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="incomeScore" label={t('households.incomeScore')}>
                    <InputNumber min={0} max={1000} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <StandardItem year={values?.year} provinceCode={h.provinceCode} />
                </Col>
              </Row>
            </Card>
            {isMobile && resultCard}
            <IndicatorsCard
              indicators={result?.indicators}
              overrides={overrides}
              onChange={(indicator, next) => setOverrides((prev) => ({ ...prev, [indicator]: next }))}
              missingReason={missingReason}
              extra={preview.isFetching && <Spin size="small" />}
            />
            <Card className="form-section">
              <Form.Item name="causes" label={t('households.causes')}>
                <Checkbox.Group
                  className="cause-checks"
                  options={POVERTY_CAUSES.map((c) => ({ value: c, label: t.label(POVERTY_CAUSE_LABELS[c]) }))}
                />
              </Form.Item>
              <Form.Item name="note" label={t('households.note')} rules={[{ max: 1000 }]}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </Card>
            {saveError !== null && (
              <Alert
                type="error"
                showIcon
                className="form-error"
                title={
                  saveError instanceof ApiError && saveError.code === 'assessment_exists'
                    ? t('households.exists', { year: form.getFieldValue('year') as number })
                    : errorText(saveError)
                }
              />
            )}
          </Col>
          {!isMobile && (
            <Col lg={9} xs={24}>
              <div className="assess-sticky">{resultCard}</div>
            </Col>
          )}
        </Row>
        <div className="assess-actions">
          {result && isMobile && <CategoryTag category={result.category} />}
          <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!input || decided}>
            {t('households.save')}
          </Button>
        </div>
      </Form>
      {dwellingOpen && (
        <HouseholdDialogs
          dialog={{ kind: 'dwelling' }}
          household={h}
          onClose={() => setDwellingOpen(false)}
          onSaved={(saved) => {
            setDwellingOpen(false);
            queryClient.setQueryData(householdQueries.one(h.id).queryKey, saved);
            void message.success(t('common.saved'));
          }}
        />
      )}
    </div>
  );
}

/** The standards that apply to the year (national, or the household's province's own). */
function StandardItem({ year, provinceCode }: { year: number | undefined; provinceCode: string }) {
  const t = useT();
  const standards = useQuery(calculatorQueries.standards());
  const options = (standards.data?.items ?? [])
    .filter((s) => s.current && year !== undefined && s.years.includes(year))
    .filter((s) => s.provinceCode === null || s.provinceCode === provinceCode)
    .map((s) => ({ value: s.id, label: t.label(s.name) }));
  return (
    <Form.Item name="standard" label={t('households.standard')}>
      <Select
        allowClear
        loading={standards.isFetching}
        placeholder={t('households.standardDefault')}
        options={options}
      />
    </Form.Item>
  );
}

/** What the assessment decides so far, updated as the form is filled in (also the review's survey sheet). */
export function ResultPanel({
  result,
  error,
  waiting,
  fetching,
  onFixDwelling,
}: {
  result: AssessmentPreview | undefined;
  error: unknown;
  waiting: boolean;
  fetching: boolean;
  /** The dwelling is not fully recorded: complete it without leaving the form. */
  onFixDwelling?: () => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  return (
    <Card
      title={t('households.result')}
      className="form-section assess-result"
      extra={fetching && <Spin size="small" />}
    >
      <div aria-live="polite">
        {waiting ? (
          <Typography.Text type="secondary">{t('households.resultPending')}</Typography.Text>
        ) : error ? (
          <Alert
            type="error"
            showIcon
            title={errorText(error)}
            action={
              onFixDwelling && error instanceof ApiError && error.code === 'dwelling_incomplete' ? (
                <Button size="small" onClick={onFixDwelling}>
                  {t('households.editDwelling')}
                </Button>
              ) : undefined
            }
          />
        ) : result ? (
          <>
            <div className="calc-category-row">
              <CategoryTag category={result.category} large />
            </div>
            <Typography.Paragraph>
              {t('households.deprivationCount')}:{' '}
              <strong data-testid="deprivation-count">{result.deprivationCount}</strong>
              {result.incomePerCapitaMonthly !== null && (
                <>
                  <br />
                  {t('households.income')}: {formatVnd(result.incomePerCapitaMonthly, t.lang)}
                </>
              )}
            </Typography.Paragraph>
            <Typography.Paragraph className="assessment-explanation">
              <Typography.Text type="secondary">{t('households.explanation')}</Typography.Text>{' '}
              {t.label(result.explanation)}
            </Typography.Paragraph>
            <Typography.Text type="secondary">
              {t('households.standard')}: <StandardName standard={result.standard} />
            </Typography.Text>
          </>
        ) : (
          <Spin />
        )}
      </div>
    </Card>
  );
}
