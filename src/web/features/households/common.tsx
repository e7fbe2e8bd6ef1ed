import { DatePicker, Tag, Tooltip, Typography } from 'antd';
import type { ComponentProps, ReactNode } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import type { Area } from '../../../domain/access';
import { POLICY_FLAG_LABELS, type PolicyFlag } from '../../../domain/registry/codes';
import { useT } from '../../i18n';
import { scopeIncludes } from '../../lib/scope';
import { useUser } from '../auth/session';
import { CategoryTag } from '../calculator/ResultCard';
import type { HouseholdStatus } from './api';

/** Officers and administrators keep the registry of their own area; everyone else reads it. */
export function useCanManage(area: Area | undefined): boolean {
  const user = useUser();
  if (!area) return false;
  return user.roles.some((r) => r === 'officer' || r === 'admin') && scopeIncludes(user.scope, area);
}

export function PolicyTags({ flags }: { flags: readonly PolicyFlag[] }) {
  const t = useT();
  if (flags.length === 0) return null;
  return (
    <span className="tag-list">
      {flags.map((f) => (
        <Tag key={f} color="purple">
          {t.label(POLICY_FLAG_LABELS[f])}
        </Tag>
      ))}
    </span>
  );
}

/** The latest category of a household, with its year; "not assessed" when there is none. */
export function StatusTag({ status }: { status: HouseholdStatus | null | undefined }) {
  const t = useT();
  if (!status) return <Tag>{t('households.notAssessed')}</Tag>;
  return (
    <Tooltip title={t('households.deprivationsOf', { count: status.deprivationCount })}>
      <span className="status-tag">
        <CategoryTag category={status.category} />
        <span className="status-year">{status.year}</span>
      </span>
    </Tooltip>
  );
}

const DATE_FORMAT = 'DD/MM/YYYY';

/** A business date as the form holds it (dayjs) and as the API wants it (YYYY-MM-DD). */
export const toDayjs = (value: string | null | undefined): Dayjs | undefined => (value ? dayjs(value) : undefined);
export const fromDayjs = (value: Dayjs | null | undefined): string => (value ? value.format('YYYY-MM-DD') : '');

/** A date field in dd/mm/yyyy, typed or picked. */
export function DateInput(props: Omit<ComponentProps<typeof DatePicker>, 'format'>) {
  const t = useT();
  return (
    <DatePicker format={DATE_FORMAT} placeholder={t('common.datePlaceholder')} style={{ width: '100%' }} {...props} />
  );
}

export { CategoryTag };

/** Which area a page works on (the working area), and how to change it. */
export function AreaLine({ label, hint }: { label: ReactNode; hint: string }) {
  return (
    <Typography.Paragraph>
      <strong>{label}</strong> <Typography.Text type="secondary">{hint}</Typography.Text>
    </Typography.Paragraph>
  );
}
