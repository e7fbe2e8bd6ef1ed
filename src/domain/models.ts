/**
 * Poverty-reduction models (mô hình giảm nghèo): the kinds as data, and what the registry says
 * about a model's households — each household's status in force when it joined and its latest
 * status, which escaped poverty (or near-poverty) after joining, and the model's counts and rates.
 * Pure: the server reads the assessments, this decides.
 */
import { CATEGORY_SEVERITY, type Category, type Localized } from './poverty';

export const MODEL_KINDS = [
  'livestock',
  'crops',
  'aquaculture',
  'forestry',
  'handicraft',
  'vocational',
  'tourism',
  'services',
  'other',
] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

export const MODEL_KIND_LABELS: Record<ModelKind, Localized> = {
  livestock: { vi: 'Chăn nuôi', en: 'Livestock' },
  crops: { vi: 'Trồng trọt', en: 'Crops' },
  aquaculture: { vi: 'Nuôi trồng thủy sản', en: 'Aquaculture' },
  forestry: { vi: 'Lâm nghiệp, trồng rừng', en: 'Forestry' },
  handicraft: { vi: 'Tiểu thủ công nghiệp, ngành nghề', en: 'Handicraft' },
  vocational: { vi: 'Đào tạo nghề, việc làm', en: 'Vocational training and jobs' },
  tourism: { vi: 'Du lịch cộng đồng', en: 'Community tourism' },
  services: { vi: 'Dịch vụ, buôn bán', en: 'Services and trade' },
  other: { vi: 'Mô hình khác', en: 'Other' },
};

/** What a participating household receives through a model, recorded as its support records. */
export const MODEL_SUPPORT_KINDS = [
  'production',
  'vocational_training',
  'job_placement',
  'policy_loan',
  'other',
] as const;

/** A household's result in one list year (the assessment of `year` decides the list of that year). */
export interface YearStatus {
  year: number;
  category: Category;
}

export const OUTCOMES = [
  'escaped_poverty',
  'escaped_near_poverty',
  'unchanged',
  'fell_back',
  'not_reassessed',
  'unknown',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Record<Outcome, Localized> = {
  escaped_poverty: { vi: 'Thoát nghèo', en: 'Out of poverty' },
  escaped_near_poverty: { vi: 'Thoát cận nghèo', en: 'Out of near-poverty' },
  unchanged: { vi: 'Chưa thay đổi', en: 'Unchanged' },
  fell_back: { vi: 'Nghèo thêm', en: 'Poorer' },
  not_reassessed: { vi: 'Chưa đánh giá lại', en: 'Not re-assessed yet' },
  unknown: { vi: 'Chưa có đánh giá khi tham gia', en: 'Not assessed when joining' },
};

export interface ParticipantOutcome {
  /** The list in force on the day the household joined: its latest assessment of that year or earlier. */
  before: YearStatus | null;
  /** Its latest assessment. */
  now: YearStatus | null;
  outcome: Outcome;
}

const poorOrNearPoor = (c: Category) => c === 'poor' || c === 'near_poor';

/**
 * The outcome of one household that joined on `joinedOn` (YYYY-MM-DD), from its assessments:
 * escaped poverty = poor when it joined and not poor in a later list; escaped near-poverty =
 * near-poor when it joined and neither poor nor near-poor later; fell back = poorer than when it
 * joined. Without an assessment before joining the outcome is unknown; without one after, not
 * yet re-assessed.
 */
export function participantOutcome(joinedOn: string, statuses: readonly YearStatus[]): ParticipantOutcome {
  const joinYear = Number(joinedOn.slice(0, 4));
  const sorted = [...statuses].sort((a, b) => a.year - b.year);
  const before = sorted.filter((s) => s.year <= joinYear).at(-1) ?? null;
  const now = sorted.at(-1) ?? null;
  if (!before || !now) return { before, now, outcome: 'unknown' };
  if (now.year === before.year) return { before, now, outcome: 'not_reassessed' };
  const change = CATEGORY_SEVERITY[now.category] - CATEGORY_SEVERITY[before.category];
  const outcome: Outcome =
    before.category === 'poor' && now.category !== 'poor'
      ? 'escaped_poverty'
      : before.category === 'near_poor' && !poorOrNearPoor(now.category)
        ? 'escaped_near_poverty'
        : change > 0
          ? 'fell_back'
          : 'unchanged';
  return { before, now, outcome };
}

export interface ModelResults {
  participants: number;
  poorAtJoining: number;
  nearPoorAtJoining: number;
  escapedPoverty: number;
  escapedNearPoverty: number;
  fellBack: number;
  /** Escaped poverty among those poor when they joined; null when none were. */
  povertyExitRate: number | null;
  /** Out of both poverty and near-poverty among those poor or near-poor when they joined. */
  nearPovertyExitRate: number | null;
}

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

/** A model's counts and rates from its households' outcomes. */
export function modelResults(outcomes: readonly ParticipantOutcome[]): ModelResults {
  const count = (test: (o: ParticipantOutcome) => boolean) => outcomes.filter(test).length;
  const poorAtJoining = count((o) => o.before?.category === 'poor');
  const nearPoorAtJoining = count((o) => o.before?.category === 'near_poor');
  const escapedPoverty = count((o) => o.outcome === 'escaped_poverty');
  const escapedNearPoverty = count((o) => o.outcome === 'escaped_near_poverty');
  const outOfBoth = count(
    (o) =>
      !!o.before &&
      poorOrNearPoor(o.before.category) &&
      !!o.now &&
      o.now.year > o.before.year &&
      !poorOrNearPoor(o.now.category),
  );
  return {
    participants: outcomes.length,
    poorAtJoining,
    nearPoorAtJoining,
    escapedPoverty,
    escapedNearPoverty,
    fellBack: count((o) => o.outcome === 'fell_back'),
    povertyExitRate: rate(escapedPoverty, poorAtJoining),
    nearPovertyExitRate: rate(outOfBoth, poorAtJoining + nearPoorAtJoining),
  };
}
