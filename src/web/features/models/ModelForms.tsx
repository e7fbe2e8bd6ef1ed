import { useQuery } from '@tanstack/react-query';
import { Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { MODEL_KIND_LABELS, MODEL_KINDS, MODEL_SUPPORT_KINDS } from '../../../domain/models';
import { SUPPORT_KIND_LABELS, type SupportKind } from '../../../domain/support';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';
import { useDebounced } from '../../lib/useDebounced';
import { unitQueries } from '../admin-units/api';
import { useArea } from '../area/AreaContext';
import { OrganisationsPicker } from '../coordination/pickers';
import { householdsApi } from '../households/api';
import { DateInput, fromDayjs, toDayjs } from '../households/common';
import { supportQueries } from '../support/api';
import { moneyInput, NEW_ROW, SourceAmounts } from '../support/SourceAmounts';
import { villageQueries } from '../villages/api';
import { modelsApi, type Model, type ModelInput } from './api';

type DateValue = Parameters<typeof fromDayjs>[0];
type ModelForm = Omit<ModelInput, 'startsOn' | 'endsOn'> & { startsOn: DateValue; endsOn: DateValue };

/**
 * A model's form: `create` a new one, `edit` it (its commune stays) and record its results, or
 * `replicate` it in another commune (a new place, period and budget; the rest comes from the original).
 */
export function ModelFormModal({
  mode,
  model,
  onClose,
  onSaved,
}: {
  mode: 'create' | 'edit' | 'replicate';
  model?: Model;
  onClose: () => void;
  onSaved: (model: Model) => void;
}) {
  const t = useT();
  const { area } = useArea();
  const place = mode !== 'replicate' && model;
  const initialValues: Partial<ModelForm> = place
    ? {
        ...model,
        villageIds: model.villages.map((v) => v.id),
        leadOrganisationId: model.leadOrganisation.id,
        partnerOrganisationIds: model.partnerOrganisations.map((o) => o.id),
        startsOn: toDayjs(model.startsOn),
        endsOn: toDayjs(model.endsOn),
      }
    : {
        communeCode: area.communeCode ?? undefined,
        villageIds: [],
        partnerOrganisationIds: [],
        budget: [NEW_ROW],
      };
  const fieldsOf = (v: ModelForm) => ({
    villageIds: v.villageIds ?? [],
    leadOrganisationId: v.leadOrganisationId,
    partnerOrganisationIds: v.partnerOrganisationIds ?? [],
    startsOn: fromDayjs(v.startsOn),
    endsOn: fromDayjs(v.endsOn) || null,
    budget: v.budget,
  });
  const described = (v: ModelForm) => ({
    name: v.name.trim(),
    kind: v.kind,
    expectedResults: v.expectedResults.trim(),
    expectedIncomeIncrease: v.expectedIncomeIncrease ?? null,
    actualResults: v.actualResults?.trim() || null,
    actualIncomeIncrease: v.actualIncomeIncrease ?? null,
  });
  const submit = (v: ModelForm) =>
    mode === 'create'
      ? modelsApi.create({ ...described(v), ...fieldsOf(v), communeCode: v.communeCode })
      : mode === 'edit'
        ? modelsApi.update(model!.id, { ...described(v), ...fieldsOf(v), version: model!.version })
        : modelsApi.replicate(model!.id, {
            ...fieldsOf(v),
            communeCode: v.communeCode,
            name: v.name?.trim() || undefined,
          });
  return (
    <FormModal<ModelForm, Model>
      open
      title={t(
        mode === 'create' ? 'models.createTitle' : mode === 'edit' ? 'models.editTitle' : 'models.replicateTitle',
      )}
      okText={t(mode === 'replicate' ? 'models.replicate' : 'common.save')}
      intro={mode === 'replicate' && <Typography.Paragraph>{t('models.replicateIntro')}</Typography.Paragraph>}
      width={720}
      initialValues={initialValues}
      submit={submit}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Form.Item
        name="name"
        label={t('models.name')}
        rules={[{ required: mode !== 'replicate', whitespace: true, message: t('models.nameRequired') }, { max: 300 }]}
      >
        <Input placeholder={mode === 'replicate' ? model?.name : undefined} />
      </Form.Item>
      {mode !== 'replicate' && (
        <Form.Item name="kind" label={t('models.kind')} rules={[{ required: true, message: t('models.kindRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={MODEL_KINDS.map((k) => ({ value: k, label: t.label(MODEL_KIND_LABELS[k]) }))}
          />
        </Form.Item>
      )}
      <CommuneAndVillages fixedCommune={mode === 'edit' ? model?.communeCode : undefined} />
      <Form.Item
        name="leadOrganisationId"
        label={t('models.lead')}
        rules={[{ required: true, message: t('models.leadRequired') }]}
      >
        <OrganisationsPicker multiple={false} known={model ? [model.leadOrganisation] : []} />
      </Form.Item>
      <Form.Item name="partnerOrganisationIds" label={t('models.partners')}>
        <OrganisationsPicker known={model?.partnerOrganisations ?? []} />
      </Form.Item>
      <Space wrap>
        <Form.Item
          name="startsOn"
          label={t('models.startsOn')}
          rules={[{ required: true, message: t('models.startsOnRequired') }]}
        >
          <DateInput />
        </Form.Item>
        <Form.Item name="endsOn" label={t('models.endsOn')}>
          <DateInput />
        </Form.Item>
      </Space>
      <Typography.Text strong>{t('models.budget')}</Typography.Text>
      <SourceAmounts name="budget" />
      {mode !== 'replicate' && (
        <>
          <Form.Item
            name="expectedResults"
            label={t('models.expectedResults')}
            rules={[{ required: true, whitespace: true, message: t('models.expectedResultsRequired') }, { max: 4000 }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="expectedIncomeIncrease" label={t('models.expectedIncome')}>
            <InputNumber<number> {...moneyInput} />
          </Form.Item>
        </>
      )}
      {mode === 'edit' && (
        <>
          <Form.Item name="actualResults" label={t('models.actualResults')} rules={[{ max: 4000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="actualIncomeIncrease" label={t('models.actualIncome')}>
            <InputNumber<number> {...moneyInput} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

/** The commune (chosen, or fixed when editing) and its villages, which follow the commune chosen. */
function CommuneAndVillages({ fixedCommune }: { fixedCommune?: string }) {
  const t = useT();
  const { area } = useArea();
  const form = Form.useFormInstance<ModelForm>();
  const commune = Form.useWatch('communeCode', form) ?? fixedCommune;
  const communes = useQuery({ ...unitQueries.children(area.provinceCode ?? '42'), enabled: !fixedCommune });
  const villages = useQuery({ ...villageQueries.ofCommune(commune ?? ''), enabled: !!commune });
  return (
    <>
      {!fixedCommune && (
        <Form.Item
          name="communeCode"
          label={t('models.commune')}
          rules={[{ required: true, message: t('models.communeRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={communes.isPending}
            onChange={() => form.setFieldValue('villageIds', [])}
            options={(communes.data?.items ?? []).map((c) => ({ value: c.code, label: c.name }))}
          />
        </Form.Item>
      )}
      <Form.Item name="villageIds" label={t('models.villages')}>
        <Select mode="multiple" options={(villages.data?.items ?? []).map((v) => ({ value: v.id, label: v.name }))} />
      </Form.Item>
    </>
  );
}

interface ParticipantForm {
  householdId: string;
  joinedOn: DateValue;
  kind?: SupportKind;
  sourceCode?: string;
  memberId?: string;
  value?: number;
  date?: DateValue;
  loanTermMonths?: number;
}

/** A household of the model's commune joins, with what it receives now (one support, recorded on the household). */
export function ParticipantModal({
  model,
  onClose,
  onSaved,
}: {
  model: Model;
  onClose: () => void;
  onSaved: (m: Model) => void;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const households = useQuery({
    queryKey: ['households', 'model-picker', model.communeCode, q],
    queryFn: () => householdsApi.list({ q: q || undefined, commune: model.communeCode, limit: 30, offset: 0 }),
  });
  const submit = (v: ParticipantForm) =>
    modelsApi.addParticipant(model.id, {
      householdId: v.householdId,
      joinedOn: fromDayjs(v.joinedOn),
      note: null,
      received: v.kind
        ? [
            {
              kind: v.kind,
              sourceCode: v.sourceCode ?? '',
              memberId: v.memberId ?? null,
              value: v.value ?? 0,
              date: fromDayjs(v.date) || fromDayjs(v.joinedOn),
              decisionNumber: null,
              handoverProof: null,
              note: null,
              loanTermMonths: v.kind === 'policy_loan' ? (v.loanTermMonths ?? null) : null,
              loanOutstanding: null,
            },
          ]
        : [],
    });
  return (
    <FormModal<ParticipantForm, Model>
      open
      title={t('models.addParticipantTitle')}
      okText={t('models.addParticipant')}
      width={640}
      submit={submit}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Form.Item
        name="householdId"
        label={t('models.household')}
        rules={[{ required: true, message: t('models.householdRequired') }]}
      >
        <Select
          showSearch={{ filterOption: false, onSearch: setSearch }}
          placeholder={t('models.pickHousehold')}
          loading={households.isFetching}
          options={(households.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.code} — ${h.headName}` }))}
        />
      </Form.Item>
      <Form.Item
        name="joinedOn"
        label={t('models.joinedOn')}
        rules={[{ required: true, message: t('models.joinedOnRequired') }]}
      >
        <DateInput />
      </Form.Item>
      <Typography.Text strong>{t('models.receivedTitle')}</Typography.Text>
      <ReceivedFields />
    </FormModal>
  );
}

/** One support received on joining: its fields once a kind is chosen; a member for per-person kinds. */
function ReceivedFields() {
  const t = useT();
  const form = Form.useFormInstance<ParticipantForm>();
  const householdId = Form.useWatch('householdId', form);
  const kind = Form.useWatch('kind', form);
  const household = useQuery({
    queryKey: ['households', householdId],
    queryFn: () => householdsApi.get(householdId),
    enabled: !!householdId,
  });
  const sources = useQuery(supportQueries.sources());
  return (
    <>
      <Form.Item name="kind" label={t('models.receivedKind')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('models.receivedNone')}
          options={MODEL_SUPPORT_KINDS.map((k) => ({ value: k, label: t.label(SUPPORT_KIND_LABELS[k]) }))}
        />
      </Form.Item>
      {kind && (
        <>
          <Form.Item
            name="sourceCode"
            label={t('models.source')}
            rules={[{ required: true, message: t('models.sourceRequired') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(sources.data ?? []).map((s) => ({ value: s.code, label: t.label(s.name) }))}
            />
          </Form.Item>
          {(kind === 'vocational_training' || kind === 'job_placement') && (
            <Form.Item
              name="memberId"
              label={t('support.member')}
              rules={[{ required: true, message: t('support.memberRequired') }]}
            >
              <Select
                options={(household.data?.members ?? [])
                  .filter((m) => !m.leftAt)
                  .map((m) => ({ value: m.id, label: m.fullName }))}
              />
            </Form.Item>
          )}
          <Form.Item
            name="value"
            label={t('models.receivedValue')}
            rules={[{ required: true, message: t('support.valueRequired') }]}
          >
            <InputNumber<number> {...moneyInput} min={1} />
          </Form.Item>
          <Form.Item name="date" label={t('models.receivedDate')}>
            <DateInput />
          </Form.Item>
          {kind === 'policy_loan' && (
            <Form.Item
              name="loanTermMonths"
              label={t('support.loanTerm')}
              rules={[{ required: true, message: t('support.loanTermRequired') }]}
            >
              <InputNumber<number> min={1} max={600} style={{ width: '100%' }} />
            </Form.Item>
          )}
        </>
      )}
    </>
  );
}
