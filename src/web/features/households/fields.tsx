import { useQuery } from '@tanstack/react-query';
import { Checkbox, Col, Collapse, Form, Input, InputNumber, Radio, Row, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  DURABILITIES,
  INFORMATION_DEVICES,
  SCHOOL_LEVELS,
  WORK_STATUSES,
  type InformationDevice,
} from '../../../domain/poverty';
import {
  AREA_LABELS,
  POLICY_FLAG_LABELS,
  POLICY_FLAGS,
  RELATION_LABELS,
  RELATIONS,
  SEXES,
} from '../../../domain/registry/codes';
import {
  DURABILITY_LABELS,
  INFORMATION_DEVICE_LABELS,
  SCHOOL_LEVEL_LABELS,
  WORK_STATUS_LABELS,
} from '../../../domain/registry/survey-labels';
import { useT } from '../../i18n';
import { foldedSearch } from '../../lib/search';
import { villageQueries } from '../villages/api';
import type { Dwelling, HouseholdFields, Member, MemberInput } from './api';
import { DateInput, fromDayjs, toDayjs } from './common';
import { DWELLING_FACTS, DWELLING_FIELDS } from './logic';

/** A member as the form holds it: dates as dayjs, an absent citizen ID as empty text. */
export type MemberForm = Omit<MemberInput, 'dateOfBirth' | 'citizenId'> & {
  dateOfBirth?: Dayjs;
  citizenId?: string | null;
};

export const NEW_MEMBER: Partial<MemberForm> = {
  ethnicity: 'Kinh',
  disability: false,
  healthInsurance: true,
  inTraining: false,
  ableToWork: true,
  monthlySocialAllowance: false,
  attending: null,
  education: null,
  work: null,
  stunted: null,
  underweight: null,
};

/** Only those who see health facts may edit a member, so `disability` is known here. */
export function memberToForm(m: Member): MemberForm {
  return { ...m, disability: m.disability ?? false, dateOfBirth: toDayjs(m.dateOfBirth) };
}

export function memberFromForm(m: MemberForm): MemberInput {
  return {
    ...NEW_MEMBER,
    ...m,
    fullName: m.fullName.trim(),
    ethnicity: m.ethnicity?.trim() || 'Kinh',
    dateOfBirth: fromDayjs(m.dateOfBirth),
    citizenId: m.citizenId?.trim() || null,
  } as MemberInput;
}

export const EMPTY_DWELLING = Object.fromEntries(DWELLING_FIELDS.map((f) => [f, null])) as unknown as Dwelling;

type Name = (string | number)[];

export function useCodeOptions() {
  const t = useT();
  const of = <C extends string>(codes: readonly C[], labels: Record<C, { vi: string; en: string }>) =>
    codes.map((c) => ({ value: c, label: t.label(labels[c]) }));
  return {
    relations: of(RELATIONS, RELATION_LABELS),
    sexes: SEXES.map((s) => ({ value: s, label: t(`households.sexes.${s}`) })),
    schoolLevels: of(SCHOOL_LEVELS, SCHOOL_LEVEL_LABELS),
    work: of(WORK_STATUSES, WORK_STATUS_LABELS),
    durabilities: of(DURABILITIES, DURABILITY_LABELS),
    devices: of(INFORMATION_DEVICES, INFORMATION_DEVICE_LABELS),
  };
}

/** Yes / no / not recorded, for the facts a survey may leave open. */
function TriState(props: { value?: boolean | null; onChange?: (v: boolean | null) => void; id?: string }) {
  const t = useT();
  return (
    <Radio.Group
      id={props.id}
      optionType="button"
      size="small"
      value={props.value ?? null}
      onChange={(e) => props.onChange?.(e.target.value as boolean | null)}
      options={[
        { value: true, label: t('households.yes') },
        { value: false, label: t('households.no') },
        { value: null, label: t('households.unknown') },
      ]}
    />
  );
}

/** The fields of one member; `name` prefixes them inside a list (["members", 0]). */
export function MemberFields({
  name = [],
  allowHead = false,
  relationLocked = false,
}: {
  name?: Name;
  /** "Head" may be chosen (a new household); otherwise the head changes by its own action. */
  allowHead?: boolean;
  relationLocked?: boolean;
}) {
  const t = useT();
  const options = useCodeOptions();
  const n = (field: string) => [...name, field];
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item
            name={n('fullName')}
            label={t('households.fullName')}
            rules={[{ required: true, whitespace: true, message: t('households.fullNameRequired') }, { max: 120 }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item
            name={n('dateOfBirth')}
            label={t('households.dateOfBirth')}
            rules={[{ required: true, message: t('households.dateOfBirthRequired') }]}
          >
            <DateInput />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item
            name={n('sex')}
            label={t('households.sex')}
            rules={[{ required: true, message: t('households.sexRequired') }]}
          >
            <Select options={options.sexes} />
          </Form.Item>
        </Col>
        <Col xs={24} md={7}>
          <Form.Item
            name={n('relation')}
            label={t('households.relation')}
            rules={[{ required: true, message: t('households.relationRequired') }]}
          >
            <Select
              disabled={relationLocked}
              options={options.relations.filter((o) => allowHead || relationLocked || o.value !== 'head')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={n('citizenId')}
            label={t('households.citizenId')}
            extra={t('households.citizenIdHelp')}
            rules={[{ pattern: /^\d{12}$/u, message: t('households.citizenIdInvalid') }]}
          >
            <Input inputMode="numeric" maxLength={12} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={5}>
          <Form.Item name={n('ethnicity')} label={t('households.ethnicity')} rules={[{ max: 50 }]}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={11}>
          <Form.Item label={t('households.flags')}>
            <div className="member-switches">
              <Form.Item name={n('healthInsurance')} valuePropName="checked" noStyle>
                <Checkbox>{t('households.healthInsurance')}</Checkbox>
              </Form.Item>
              <Form.Item name={n('disability')} valuePropName="checked" noStyle>
                <Checkbox>{t('households.disability')}</Checkbox>
              </Form.Item>
              <Form.Item name={n('ableToWork')} valuePropName="checked" noStyle>
                <Checkbox>{t('households.ableToWork')}</Checkbox>
              </Form.Item>
            </div>
          </Form.Item>
        </Col>
      </Row>
      <Collapse
        size="small"
        className="member-more"
        items={[
          {
            key: 'more',
            label: t('households.moreFields'),
            forceRender: true,
            children: (
              <Row gutter={12}>
                <Col xs={24} md={8}>
                  <Form.Item name={n('attending')} label={t('households.attending')}>
                    <Select allowClear options={options.schoolLevels} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name={n('education')} label={t('households.education')}>
                    <Select allowClear options={options.schoolLevels} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name={n('work')} label={t('households.work')}>
                    <Select allowClear options={options.work} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name={n('inTraining')} valuePropName="checked">
                    <Checkbox>{t('households.inTraining')}</Checkbox>
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name={n('monthlySocialAllowance')} valuePropName="checked">
                    <Checkbox>{t('households.monthlySocialAllowance')}</Checkbox>
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12} md={8}>
                  <Form.Item name={n('stunted')} label={t('households.stunted')}>
                    <TriState />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12} md={8}>
                  <Form.Item name={n('underweight')} label={t('households.underweight')}>
                    <TriState />
                  </Form.Item>
                </Col>
              </Row>
            ),
          },
        ]}
      />
    </>
  );
}

/** The dwelling's facts; `name` prefixes them inside a larger form (["dwelling"]). */
export function DwellingFields({ name = [] }: { name?: Name }) {
  const t = useT();
  const options = useCodeOptions();
  const n = (field: string) => [...name, field];
  return (
    <Row gutter={12}>
      {(['walls', 'frame', 'roof'] as const).map((part) => (
        <Col key={part} xs={12} md={6}>
          <Form.Item name={n(part)} label={t(`households.${part}`)}>
            <Select allowClear placeholder={t('households.unknown')} options={options.durabilities} />
          </Form.Item>
        </Col>
      ))}
      <Col xs={12} md={6}>
        <Form.Item name={n('floorArea')} label={t('households.floorArea')}>
          <InputNumber min={0} max={10000} step={0.1} precision={1} style={{ width: '100%' }} decimalSeparator="," />
        </Form.Item>
      </Col>
      {DWELLING_FACTS.map((fact) => (
        <Col key={fact} xs={24} md={12} xl={8}>
          <Form.Item name={n(fact)} label={t(`households.${fact}`)}>
            <TriState />
          </Form.Item>
        </Col>
      ))}
      <Col xs={24}>
        <Form.Item
          name={n('devices')}
          label={t('households.devices')}
          getValueProps={(v: InformationDevice[] | null) => ({ value: v ?? [] })}
        >
          <Checkbox.Group options={options.devices} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** A household's code wherever one is typed, checked as the server does (households/schemas.ts). */
export const householdCodeRules = (t: ReturnType<typeof useT>) => [
  { required: true, whitespace: true, message: t('households.codeRequired') },
  { pattern: /^[A-Za-z0-9._-]{1,30}$/u, message: t('households.codeInvalid') },
];

/** A household's own fields (code, address, area, groups); the village when `communeCode` is given. */
export function HouseholdFieldsForm({ communeCode }: { communeCode?: string }) {
  const t = useT();
  return (
    <Row gutter={12}>
      {communeCode && (
        <Col xs={24} md={8}>
          <VillageSelectItem communeCode={communeCode} />
        </Col>
      )}
      <Col xs={24} md={communeCode ? 6 : 8}>
        <Form.Item
          name="code"
          label={t('households.code')}
          extra={t('households.codeHelp')}
          rules={householdCodeRules(t)}
        >
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={communeCode ? 10 : 16}>
        <Form.Item
          name="address"
          label={t('households.address')}
          rules={[{ required: true, whitespace: true, message: t('households.addressRequired') }, { max: 300 }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="area" label={t('households.area')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={(['rural', 'urban'] as const).map((a) => ({ value: a, label: t.label(AREA_LABELS[a]) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name="phone"
          label={t('households.phone')}
          rules={[{ pattern: /^[0-9+ .()-]{8,20}$/u, message: t('households.phoneInvalid') }]}
        >
          <Input inputMode="tel" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="ethnicMinority" label={t('households.ethnicMinority')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="policyFlags" label={t('households.policyFlags')}>
          <Checkbox.Group
            className="policy-checks"
            options={POLICY_FLAGS.map((f) => ({ value: f, label: t.label(POLICY_FLAG_LABELS[f]) }))}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** The villages of a commune, for a household's address. */
export function VillageSelectItem({ communeCode, name = 'villageId' }: { communeCode: string; name?: string }) {
  const t = useT();
  const villages = useQuery(villageQueries.ofCommune(communeCode));
  return (
    <Form.Item
      name={name}
      label={t('households.village')}
      rules={[{ required: true, message: t('households.villageRequired') }]}
    >
      <Select
        showSearch={foldedSearch}
        loading={villages.isFetching}
        options={(villages.data?.items ?? []).filter((v) => !v.archived).map((v) => ({ value: v.id, label: v.name }))}
      />
    </Form.Item>
  );
}

/** Values of the household fields from the form, trimmed. */
export function householdFromForm(v: HouseholdFields): HouseholdFields {
  return {
    code: v.code.trim(),
    address: v.address.trim(),
    area: v.area,
    ethnicMinority: v.ethnicMinority ?? false,
    phone: v.phone?.trim() || null,
    policyFlags: v.policyFlags ?? [],
  };
}
