import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { DONOR_KIND_LABELS, formatVnd } from '../../../domain/fund';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../i18n';
import { donorApi, type Donor, type Fund, type FundDonor } from './api';

/** A duplicate to merge, with the donors proposed to keep (the likely twins, the biggest giver first). */
export interface MergeTarget {
  duplicate: FundDonor;
  proposed: FundDonor[];
}

/**
 * Likely duplicates among the fund's donors (names that read the same without accents, case,
 * punctuation or "Cty"), each group with a button to merge its smaller givers into the biggest.
 */
export function DuplicateSuggestions({ fund, onMerge }: { fund: Fund; onMerge: (target: MergeTarget) => void }) {
  const t = useT();
  const duplicates = useQuery({
    queryKey: ['funds', 'donors', fund.id, 'duplicates'],
    queryFn: () => donorApi.duplicates(fund.id),
    enabled: fund.canPost,
  });
  const groups = duplicates.data?.groups ?? [];
  if (groups.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('fundDonors.mergeSuggestions', { count: groups.length })}
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          {groups.map(({ key, donors: [kept, ...others] }) => (
            <div key={key} data-testid="duplicate-group">
              {[kept!, ...others].map((d) => `${d.name} (${formatVnd(d.given)})`).join(' · ')}{' '}
              {others.map((d) => (
                <Button
                  key={d.id}
                  size="small"
                  type="link"
                  onClick={() => onMerge({ duplicate: d, proposed: [kept!, ...others.filter((o) => o.id !== d.id)] })}
                >
                  {t('fundDonors.mergeInto', { from: d.name ?? '', given: formatVnd(d.given), into: kept!.name ?? '' })}
                </Button>
              ))}
            </div>
          ))}
        </Space>
      }
    />
  );
}

/**
 * The donor to keep — the proposed ones first, any other named donor of the fund found by name —
 * and what the merge will do, with the consent that will apply: the kept donor's.
 */
function KeepChoice({ fund, target }: { fund: Fund; target: MergeTarget }) {
  const t = useT();
  const [q, setQ] = useState<string>();
  const found = useQuery({
    queryKey: ['funds', 'donors', fund.id, 'merge-candidates', q],
    queryFn: () => donorApi.list(fund.id, { q, sort: 'given', order: 'desc', limit: 20, offset: 0 }),
    enabled: !!q,
  });
  const candidates = [
    ...target.proposed,
    ...(found.data?.items ?? []).filter(
      (d) => d.kind !== 'anonymous' && d.id !== target.duplicate.id && !target.proposed.some((p) => p.id === d.id),
    ),
  ];
  const intoId = Form.useWatch<string | undefined>('intoId');
  const kept = candidates.find((d) => d.id === intoId);
  return (
    <>
      <Alert
        type="info"
        style={{ marginBottom: 16 }}
        title={t('fundDonors.mergeConsequences', { name: target.duplicate.name ?? '' })}
        description={
          kept
            ? t(kept.publishName ? 'fundDonors.mergeConsentNamed' : 'fundDonors.mergeConsentNotNamed', {
                name: kept.name ?? '',
              })
            : t('fundDonors.mergeConsentOfKept')
        }
      />
      <Form.Item
        name="intoId"
        label={t('fundDonors.mergeKeep')}
        rules={[{ required: true, message: t('fundDonors.mergeKeepRequired') }]}
      >
        <Select
          aria-label={t('fundDonors.mergeKeep')}
          showSearch={{ filterOption: false, onSearch: (value: string) => setQ(value || undefined) }}
          options={candidates.map((d) => ({
            value: d.id,
            label: `${d.name} — ${t.label(DONOR_KIND_LABELS[d.kind])}, ${formatVnd(d.given)}`,
          }))}
          notFoundContent={t('fundDonors.mergeSearchKeep')}
        />
      </Form.Item>
    </>
  );
}

/** Merge a duplicate donor into the donor kept; its receipts keep the name they were written with. */
export function MergeModal({
  fund,
  target,
  onClose,
  onSaved,
}: {
  fund: Fund;
  target: MergeTarget | null;
  onClose: () => void;
  onSaved: (merged: Donor) => unknown;
}) {
  const t = useT();
  return (
    <FormModal
      open={!!target}
      title={t('fundDonors.mergeTitle', { name: target?.duplicate.name ?? '' })}
      okText={t('fundDonors.mergeConfirm')}
      onClose={onClose}
      initialValues={{ intoId: target?.proposed[0]?.id }}
      submit={(v: { intoId: string; reason?: string }) =>
        donorApi.merge(target!.duplicate.id, {
          intoId: v.intoId,
          version: target!.duplicate.version,
          reason: v.reason || null,
        })
      }
      onSaved={onSaved}
    >
      {target && <KeepChoice fund={fund} target={target} />}
      <Form.Item name="reason" label={t('fundDonors.mergeReason')}>
        <Input autoComplete="off" maxLength={500} placeholder={t('fundDonors.mergeReasonHint')} />
      </Form.Item>
    </FormModal>
  );
}

/** Split a merged duplicate off again, with the reason. */
export function UnmergeModal({
  merged,
  into,
  onClose,
  onSaved,
}: {
  merged: FundDonor['merged'][number] | null;
  into: FundDonor | null;
  onClose: () => void;
  onSaved: (donor: Donor) => unknown;
}) {
  const t = useT();
  return (
    <FormModal
      open={!!merged}
      title={t('fundDonors.unmergeTitle', { name: merged?.name ?? '' })}
      okText={t('fundDonors.unmerge')}
      onClose={onClose}
      intro={
        <Typography.Paragraph type="secondary">
          {t('fundDonors.unmergeIntro', { name: merged?.name ?? '', into: into?.name ?? '' })}
        </Typography.Paragraph>
      }
      submit={(v: { reason: string }) => donorApi.unmerge(merged!.id, { version: merged!.version, reason: v.reason })}
      onSaved={onSaved}
    >
      <Form.Item
        name="reason"
        label={t('fundDonors.mergeReason')}
        rules={[{ required: true, whitespace: true, message: t('fundDonors.unmergeReasonRequired') }]}
      >
        <Input autoComplete="off" maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
