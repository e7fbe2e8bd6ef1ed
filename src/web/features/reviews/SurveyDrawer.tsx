import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Drawer, Form, Input, InputNumber, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { todayInVietnam } from '../../../domain/calendar';
import { POVERTY_CAUSE_LABELS, POVERTY_CAUSES, type PovertyCause } from '../../../domain/registry/codes';
import { useT } from '../../i18n';
import { applyFieldErrors, useErrorText } from '../../lib/errors';
import { useDebounced } from '../../lib/useDebounced';
import { useIsMobile } from '../../lib/useIsMobile';
import { ResultPanel } from '../households/assessments/AssessPage';
import { IndicatorsCard, type OverrideState } from '../households/assessments/IndicatorRow';
import { DateInput, fromDayjs, toDayjs } from '../households/common';
import { reviewsApi, type ReviewCase, type RoundDetail, type SurveyInput } from './api';

interface SheetValues {
  surveyDate?: Dayjs;
  incomePerCapitaMonthly?: number | null;
  incomeScore?: number | null;
  causes: PovertyCause[];
  note?: string;
}

/** Today, kept inside the round's window (a sheet opened after the window ends is dated its last day). */
function defaultSurveyDate(round: RoundDetail): string {
  const today = todayInVietnam();
  return today < round.windowStart ? round.windowStart : today > round.windowEnd ? round.windowEnd : today;
}

function overridesOf(saved: Partial<SurveyInput> | null): Record<string, OverrideState> {
  const result: Record<string, OverrideState> = {};
  for (const o of saved?.overrides ?? []) result[o.indicator] = { on: true, deprived: o.deprived, reason: o.reason };
  return result;
}

/**
 * The survey sheet of one listed household, usable on a phone: income entered directly (and the
 * B1 score where the province scores incomes), the deprivations derived from the registry with
 * their reasons, the cause of poverty; the result and its explanation follow the typing. Saved as
 * a draft, or complete (which the village meeting then votes on).
 */
export function SurveyDrawer({
  round,
  reviewCase: c,
  onClose,
  onSaved,
}: {
  round: RoundDetail;
  reviewCase: ReviewCase;
  onClose: () => void;
  onSaved: () => unknown;
}) {
  const t = useT();
  const errorText = useErrorText();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<SheetValues>();
  const saved = c.survey;
  const [overrides, setOverrides] = useState<Record<string, OverrideState>>(() => overridesOf(saved));
  const [missingReason, setMissingReason] = useState(false);

  const values = Form.useWatch([], form) as SheetValues | undefined;
  const input = useMemo<SurveyInput | null>(() => {
    if (!values?.surveyDate || values.incomePerCapitaMonthly == null) return null;
    return {
      draft: true,
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
    queryKey: ['reviews', 'survey-preview', c.id, asked],
    queryFn: () => reviewsApi.previewSurvey(round.id, c.id, { ...asked!, version: c.version }),
    enabled: asked !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: Infinity,
  });
  const save = useMutation({
    mutationFn: (body: SurveyInput) => reviewsApi.saveSurvey(round.id, c.id, { ...body, version: c.version }),
    onSuccess: onSaved,
    onError: (e) => applyFieldErrors(form, t, e),
  });
  const submit = (draft: boolean) => {
    const unexplained = Object.values(overrides).some((o) => o.on && !o.reason.trim());
    setMissingReason(unexplained);
    if (unexplained) return;
    void form.validateFields().then(() => input && save.mutate({ ...input, draft }));
  };
  const result = preview.data;

  return (
    <Drawer
      open
      onClose={onClose}
      size={isMobile ? '100%' : 760}
      title={t('reviews.surveyTitle', { code: c.householdCode, head: c.headName })}
      footer={
        <Space wrap>
          <Button onClick={() => submit(true)} loading={save.isPending && save.variables?.draft === true}>
            {t('reviews.saveDraft')}
          </Button>
          <Button
            type="primary"
            onClick={() => submit(false)}
            loading={save.isPending && save.variables?.draft === false}
          >
            {t('reviews.completeSurvey')}
          </Button>
        </Space>
      }
    >
      {save.isError && (
        <Alert type="error" showIcon role="alert" className="form-error" title={errorText(save.error)} />
      )}
      {saved?.classificationId && (
        <Alert
          type="info"
          showIcon
          className="page-alert"
          title={t('reviews.bulk.sheetFromRegistry', { year: saved.incomeYear ?? '' })}
        />
      )}
      <Form<SheetValues>
        form={form}
        layout="vertical"
        initialValues={{
          surveyDate: toDayjs(saved?.surveyDate ?? defaultSurveyDate(round)),
          incomePerCapitaMonthly: saved?.incomePerCapitaMonthly,
          incomeScore: saved?.incomeScore ?? null,
          causes: saved?.causes ?? [],
          note: saved?.note ?? undefined,
        }}
      >
        <Form.Item
          name="surveyDate"
          label={t('households.surveyDate')}
          rules={[{ required: true, message: t('households.surveyDateRequired') }]}
        >
          <DateInput />
        </Form.Item>
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
            formatter={(v) => (v === undefined || v === null || `${v}` === '' ? '' : Number(v).toLocaleString('vi-VN'))}
            parser={(v) => Number((v ?? '').replace(/\D/gu, ''))}
          />
        </Form.Item>
        <Form.Item name="incomeScore" label={t('households.incomeScore')} extra={t('reviews.incomeScoreHelp')}>
          <InputNumber min={0} max={10000} style={{ width: '100%' }} inputMode="numeric" />
        </Form.Item>
        <ResultPanel result={result} error={preview.error} waiting={asked === null} fetching={preview.isFetching} />
        <IndicatorsCard
          indicators={result?.indicators}
          overrides={overrides}
          onChange={(indicator, next) => setOverrides((prev) => ({ ...prev, [indicator]: next }))}
          missingReason={missingReason}
          size="small"
        />
        <Form.Item name="causes" label={t('households.causes')}>
          <Checkbox.Group
            className="cause-checks"
            options={POVERTY_CAUSES.map((cause) => ({ value: cause, label: t.label(POVERTY_CAUSE_LABELS[cause]) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('households.note')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
