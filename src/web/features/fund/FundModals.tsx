import { useQuery } from '@tanstack/react-query';
import { Checkbox, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  DONOR_KIND_LABELS,
  DONOR_KINDS,
  METHOD_LABELS,
  peakMonthContaining,
  PURPOSE_LABELS,
  PURPOSES,
  RECEIPT_METHODS,
  type DonorKind,
  type Purpose,
  type ReceiptMethod,
} from '../../../domain/fund';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';
import { HouseholdPicker } from '../households/HouseholdPicker';
import { fundApi, type Campaign, type Fund, type InKindItem, type Posting } from './api';
import { InKindItems, moneyInput } from './InKindItems';

const DATE = 'DD/MM/YYYY';
const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

interface Props {
  open: boolean;
  fund: Fund;
  campaigns: Campaign[];
  onClose: () => void;
  onSaved: (posting: Posting) => unknown;
}

/** The amount in đồng; `computed` when it is the total of the items given in kind. */
export function AmountItem({ computed = false }: { computed?: boolean }) {
  const t = useT();
  return (
    <Form.Item
      name="amount"
      label={t('fund.amount')}
      extra={computed ? t('fund.inKindAmountHelp') : undefined}
      rules={[{ required: true, type: 'integer', min: 1, message: t('fund.amountRequired') }]}
    >
      <InputNumber<number> {...moneyInput} style={{ width: '100%' }} min={1} step={100_000} disabled={computed} />
    </Form.Item>
  );
}

function DateItem() {
  const t = useT();
  return (
    <Form.Item name="date" label={t('fund.date')} rules={[{ required: true }]}>
      <DatePicker format={DATE} style={{ width: '100%' }} />
    </Form.Item>
  );
}

export function CampaignItem({ campaigns }: { campaigns: Campaign[] }) {
  const t = useT();
  return (
    <Form.Item name="campaignId" label={t('fund.campaign')}>
      <Select
        allowClear
        placeholder={t('fund.noCampaign')}
        options={campaigns.map((c) => ({ value: c.id, label: c.name }))}
      />
    </Form.Item>
  );
}

/** The donor's fields of a form: who gives, and whether their name may be published. */
export interface DonorValues {
  donorKind: DonorKind;
  donorName?: string;
  donorPhone?: string;
  publishName?: boolean;
}

export const donorOf = (v: DonorValues) => ({
  kind: v.donorKind,
  name: v.donorKind === 'anonymous' ? null : (v.donorName ?? null),
  phone: v.donorPhone || null,
  publishName: v.donorKind !== 'anonymous' && !!v.publishName,
});

/** The written reason a pledge's cancellation or a statement line set aside needs. */
export function ReasonItem() {
  const t = useT();
  return (
    <Form.Item
      name="reason"
      label={t('fundBank.cancelReason')}
      rules={[{ required: true, whitespace: true, message: t('fundBank.reasonRequired') }]}
    >
      <Input.TextArea rows={2} maxLength={500} />
    </Form.Item>
  );
}

/** The donor's kind, and for a named donor the name, phone and consent to publish it. */
export function DonorItems() {
  const t = useT();
  return (
    <>
      <Form.Item name="donorKind" label={t('fund.donorKind')} rules={[{ required: true }]}>
        <Select options={DONOR_KINDS.map((k) => ({ value: k, label: t.label(DONOR_KIND_LABELS[k]) }))} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a: DonorValues, b: DonorValues) => a.donorKind !== b.donorKind}>
        {({ getFieldValue }) =>
          getFieldValue('donorKind') !== 'anonymous' && (
            <>
              <Form.Item
                name="donorName"
                label={t('fund.donorName')}
                rules={[{ required: true, whitespace: true, message: t('fund.donorNameRequired') }]}
              >
                <Input autoComplete="off" />
              </Form.Item>
              <Form.Item name="donorPhone" label={t('fund.donorPhone')}>
                <Input autoComplete="off" inputMode="tel" />
              </Form.Item>
              <Form.Item name="publishName" valuePropName="checked">
                <Checkbox>{t('fund.publishName')}</Checkbox>
              </Form.Item>
            </>
          )
        }
      </Form.Item>
    </>
  );
}

interface ReceiptValues extends DonorValues {
  amount: number;
  date: Dayjs;
  method: ReceiptMethod;
  campaignId?: string;
  description?: string;
  items?: InKindItem[];
}

/** A donation received: who gave, how, how much, for which campaign (the Peak Month by its date). */
export function ReceiptModal({ open, fund, campaigns, onClose, onSaved }: Props) {
  const t = useT();
  const today = dayjs();
  const peak = peakMonthContaining(iso(today));
  const defaultCampaign = campaigns.find((c) => c.kind === 'peak_month' && c.year === peak)?.id;
  return (
    <FormModal
      open={open}
      title={`${t('fund.recordReceipt')} — ${fund.name}`}
      okText={t('fund.recordReceipt')}
      // Wide enough for an item in kind on one line.
      width={680}
      onClose={onClose}
      initialValues={{
        date: today,
        method: 'cash',
        donorKind: 'individual',
        publishName: true,
        campaignId: defaultCampaign,
      }}
      submit={(v: ReceiptValues) =>
        fundApi.receipt(fund.id, {
          amount: v.amount,
          date: iso(v.date),
          method: v.method,
          items: v.method === 'in_kind' ? v.items : undefined,
          donor: donorOf(v),
          campaignId: v.campaignId ?? null,
          description: v.description || null,
        })
      }
      onSaved={onSaved}
    >
      <Form.Item name="method" label={t('fund.method')} rules={[{ required: true }]}>
        <Select options={RECEIPT_METHODS.map((m) => ({ value: m, label: t.label(METHOD_LABELS[m]) }))} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a: ReceiptValues, b: ReceiptValues) => a.method !== b.method}>
        {({ getFieldValue }) =>
          getFieldValue('method') === 'in_kind' ? (
            <>
              <InKindItems />
              <AmountItem computed />
            </>
          ) : (
            <AmountItem />
          )
        }
      </Form.Item>
      <DateItem />
      <DonorItems />
      <CampaignItem campaigns={campaigns} />
      <Form.Item name="description" label={t('fund.content')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

interface ExpenditureValues {
  amount: number;
  date: Dayjs;
  purpose: Purpose;
  householdId?: string;
  decisionNumber: string;
  campaignId?: string;
  description?: string;
}

/** Support handed over: to a household of the registry or a collective purpose, under a decision. */
export function ExpenditureModal({ open, fund, campaigns, onClose, onSaved }: Props) {
  const t = useT();
  return (
    <FormModal
      open={open}
      title={`${t('fund.recordExpenditure')} — ${fund.name}`}
      okText={t('fund.recordExpenditure')}
      onClose={onClose}
      initialValues={{ date: dayjs(), purpose: 'house_repair' }}
      submit={(v: ExpenditureValues) =>
        fundApi.expenditure(fund.id, {
          amount: v.amount,
          date: iso(v.date),
          purpose: v.purpose,
          householdId: v.householdId ?? null,
          decisionNumber: v.decisionNumber,
          campaignId: v.campaignId ?? null,
          description: v.description || null,
        })
      }
      onSaved={onSaved}
    >
      <AmountItem />
      <DateItem />
      <Form.Item name="purpose" label={t('fund.purpose')} rules={[{ required: true }]}>
        <Select options={PURPOSES.map((p) => ({ value: p, label: t.label(PURPOSE_LABELS[p]) }))} />
      </Form.Item>
      <Form.Item name="householdId" label={t('fund.household')} extra={t('fund.householdHelp')}>
        <HouseholdPicker communeCode={fund.communeCode} />
      </Form.Item>
      <Form.Item
        name="decisionNumber"
        label={t('fund.decisionNumber')}
        rules={[{ required: true, whitespace: true, message: t('fund.decisionRequired') }]}
      >
        <Input autoComplete="off" placeholder="12/QĐ-MTTQ" />
      </Form.Item>
      <CampaignItem campaigns={campaigns} />
      <Form.Item name="description" label={t('fund.handover')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** Money moved to another fund of the province (province → commune, or a commune's remittance up). */
export function AllocationModal({ open, fund, onClose, onSaved }: Omit<Props, 'campaigns'>) {
  const t = useT();
  const funds = useQuery({
    queryKey: ['funds', 'list', 'all'],
    queryFn: () => fundApi.list({ limit: 500 }),
    enabled: open,
  });
  return (
    <FormModal
      open={open}
      title={`${t('fund.recordAllocation')} — ${fund.name}`}
      okText={t('fund.recordAllocation')}
      onClose={onClose}
      initialValues={{ date: dayjs() }}
      submit={(v: { toFundId: string; amount: number; date: Dayjs; decisionNumber: string; description?: string }) =>
        fundApi.allocation(fund.id, {
          toFundId: v.toFundId,
          amount: v.amount,
          date: iso(v.date),
          decisionNumber: v.decisionNumber,
          description: v.description || null,
        })
      }
      onSaved={onSaved}
    >
      <Form.Item
        name="toFundId"
        label={t('fund.toFund')}
        rules={[{ required: true, message: t('fund.toFundRequired') }]}
      >
        <Select
          options={(funds.data?.items ?? [])
            .filter((f) => f.id !== fund.id && f.provinceCode === fund.provinceCode)
            .map((f) => ({ value: f.id, label: f.name }))}
        />
      </Form.Item>
      <AmountItem />
      <DateItem />
      <Form.Item
        name="decisionNumber"
        label={t('fund.decisionNumber')}
        rules={[{ required: true, whitespace: true, message: t('fund.decisionRequired') }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="description" label={t('fund.content')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** The only correction: a reversal with its reason. */
export function ReversalModal({
  posting,
  onClose,
  onSaved,
}: {
  posting: Posting | null;
  onClose: () => void;
  onSaved: (p: Posting) => unknown;
}) {
  const t = useT();
  return (
    <FormModal
      open={!!posting}
      title={t('fund.reverseTitle', { seq: posting?.seq ?? '' })}
      okText={t('fund.reverse')}
      danger
      intro={<p>{t('fund.reverseIntro')}</p>}
      onClose={onClose}
      submit={(v: { reason: string }) => fundApi.reverse(posting!.id, { reason: v.reason })}
      onSaved={onSaved}
    >
      <Form.Item
        name="reason"
        label={t('fund.reason')}
        rules={[{ required: true, whitespace: true, message: t('fund.reasonRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** A campaign other than the yearly Peak Month (Tết, a disaster), with its target. */
export function CampaignModal({
  open,
  fund,
  onClose,
  onSaved,
}: {
  open: boolean;
  fund: Fund;
  onClose: () => void;
  onSaved: (c: Campaign) => unknown;
}) {
  const t = useT();
  return (
    <FormModal
      open={open}
      title={`${t('fund.openCampaign')} — ${fund.name}`}
      okText={t('fund.openCampaign')}
      onClose={onClose}
      submit={(v: { name: string; range: [Dayjs, Dayjs]; targetAmount?: number }) =>
        fundApi.createCampaign(fund.id, {
          name: v.name,
          startDate: iso(v.range[0]),
          endDate: iso(v.range[1]),
          targetAmount: v.targetAmount ?? null,
        })
      }
      onSaved={onSaved}
    >
      <Form.Item name="name" label={t('fund.campaignName')} rules={[{ required: true, whitespace: true }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="range" label={`${t('fund.startDate')} – ${t('fund.endDate')}`} rules={[{ required: true }]}>
        <DatePicker.RangePicker format={DATE} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="targetAmount" label={t('fund.target')}>
        <InputNumber<number> style={{ width: '100%' }} min={1} step={1_000_000} />
      </Form.Item>
    </FormModal>
  );
}
