import { Tag } from 'antd';
import { OUTCOME_LABELS, type Outcome } from '../../../domain/models';
import { useT } from '../../i18n';

const COLOURS: Record<Outcome, string> = {
  escaped_poverty: 'green',
  escaped_near_poverty: 'cyan',
  unchanged: 'default',
  fell_back: 'red',
  not_reassessed: 'default',
  unknown: 'default',
};

/** What the registry says happened to a household after it joined a model. */
export function OutcomeTag({ outcome }: { outcome: Outcome }) {
  const t = useT();
  return <Tag color={COLOURS[outcome]}>{t.label(OUTCOME_LABELS[outcome])}</Tag>;
}
