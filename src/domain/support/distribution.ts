import { formatNumber, formatVnd, type Language } from '../poverty/format';
import { SUPPORT_KIND_LABELS, type SupportKind } from './catalog';

/** What a distribution (đợt phát) is called wherever it is named: its kind and year, households and value. */
export interface DistributionFacts {
  kind: SupportKind;
  /** YYYY-MM-DD */
  date: string;
  households: number;
  totalValue: number;
}

/** "Quà Tết 2026 — 300 hộ, 150.000.000 đ" / "Tết gift 2026 — 300 households, 150,000,000 VND". */
export function distributionTitle(d: DistributionFacts, language: Language): string {
  const households = `${formatNumber(d.households, language)} ${language === 'vi' ? 'hộ' : d.households === 1 ? 'household' : 'households'}`;
  return `${SUPPORT_KIND_LABELS[d.kind][language]} ${d.date.slice(0, 4)} — ${households}, ${formatVnd(d.totalValue, language)}`;
}
