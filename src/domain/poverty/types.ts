/**
 * The shape of a poverty standard (chuẩn nghèo đa chiều) as data. A standard is never code: the
 * built-in ones (builtin.ts) and any an administrator loads from JSON (validate.ts) are values of
 * these types, and the engine (classify.ts, derive.ts) only interprets them.
 */

/** Text in both languages; Vietnamese is the text of record. */
export interface Localized {
  vi: string;
  en: string;
}

/** Rural (nông thôn) or urban (thành thị / đô thị): each has its own income lines. */
export const AREAS = ['rural', 'urban'] as const;
export type Area = (typeof AREAS)[number];

/** Categories from the poorest down. `average` = hộ có mức sống trung bình. */
export const CATEGORIES = ['poor', 'near_poor', 'average', 'not_poor'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, Localized> = {
  poor: { vi: 'hộ nghèo', en: 'poor household' },
  near_poor: { vi: 'hộ cận nghèo', en: 'near-poor household' },
  average: { vi: 'hộ có mức sống trung bình', en: 'household with an average living standard' },
  not_poor: { vi: 'hộ không nghèo', en: 'not poor' },
};

/** Poorer is higher: used to check that more income never makes a household poorer. */
export const CATEGORY_SEVERITY: Record<Category, number> = { poor: 3, near_poor: 2, average: 1, not_poor: 0 };

/**
 * confirmed = stated in the legal text or several official reports; provisional = reported but
 * not read in the legal text, shown as such in the UI and correctable by loading a new version.
 */
export const STATUSES = ['confirmed', 'provisional'] as const;
export type Status = (typeof STATUSES)[number];

/** Every indicator the engine knows how to derive; a standard picks and orders a subset. */
export const INDICATOR_KEYS = [
  'employment',
  'dependents',
  'nutrition',
  'health_insurance',
  'health_care_access', // 2016–2020 only: ill without seeking treatment
  'adult_education',
  'child_schooling',
  'housing_quality',
  'housing_area',
  'water_source',
  'sanitation',
  'waste', // 2027–2030 (provisional)
  'telecom',
  'information_access', // dropped in 2027–2030 (provisional)
  'digital_services', // 2027–2030 (provisional)
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

/** Levels of schooling, for what a person attends now and what they have completed. */
export const SCHOOL_LEVELS = [
  'preschool',
  'primary',
  'lower_secondary',
  'upper_secondary',
  'vocational',
  'higher',
] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];
export const INFORMATION_DEVICES = ['tv', 'radio', 'computer', 'phone'] as const;
export type InformationDevice = (typeof INFORMATION_DEVICES)[number];

/**
 * Parameters that differ between standards for the same indicator. Ages are in completed years
 * at the survey date, both bounds inclusive ("dưới 16 tuổi" is maxAge 15).
 */
export interface IndicatorParamsByKey {
  employment: { minAge: number }; // working age: minAge up to the retirement age (age.ts)
  dependents: {
    childMaxAge: number;
    elderlyMinAge: number;
    /** Elderly and disabled people count only while receiving a monthly social allowance. */
    allowanceRequired: boolean;
    /** Deprived when dependents / members exceeds this share. */
    maxShare: number;
  };
  nutrition: { maxAge: number };
  health_insurance: { minAge: number };
  health_care_access: undefined;
  /** Each requirement applies from its minAge up to the next one, the last up to maxAge. */
  adult_education: { maxAge: number; requirements: { minAge: number; level: SchoolLevel }[] };
  /** expectedLevels empty: only attendance counts (2016–2020). */
  child_schooling: { minAge: number; maxAge: number; expectedLevels: { minAge: number; level: SchoolLevel }[] };
  housing_quality: { minNonDurableParts: number };
  housing_area: { minAreaPerPerson: number };
  water_source: undefined;
  sanitation: undefined;
  waste: undefined;
  telecom: undefined;
  /** Owning any of these devices (or hearing the loudspeakers) avoids the deprivation. */
  information_access: { devices: InformationDevice[] };
  digital_services: undefined;
}

interface IndicatorBase {
  name: Localized;
  /** The deprivation condition as the legal text words it. */
  description: Localized;
  status: Status;
}
type WithParams<K extends IndicatorKey> = IndicatorParamsByKey[K] extends undefined
  ? { params?: undefined }
  : { params: IndicatorParamsByKey[K] };
export type IndicatorDefinition = {
  [K in IndicatorKey]: IndicatorBase & { key: K } & WithParams<K>;
}[IndicatorKey];

export interface DimensionDefinition {
  key: string;
  name: Localized;
  status: Status;
  indicators: IndicatorDefinition[];
}

/** An income line per area, integer VND per person per month. Lines are listed lowest first. */
export interface IncomeLine {
  id: string;
  name: Localized;
  rural: number;
  urban: number;
  status: Status;
}

/**
 * "Category X when …": income > incomeAbove's line, income ≤ incomeAtMost's line ("từ … trở
 * xuống" is inclusive), deprivations ≥ deprivationsAtLeast, deprivations < deprivationsBelow.
 * Absent conditions always hold. Rules are tried in order; the first that holds decides.
 */
export interface RuleDefinition {
  id: string;
  category: Category;
  when: {
    incomeAbove?: string;
    incomeAtMost?: string;
    deprivationsAtLeast?: number;
    deprivationsBelow?: number;
  };
  status: Status;
}

export interface LegalDocument {
  kind: Localized; // Nghị định / Decree, Quyết định / Decision
  number: string; // "07/2021/NĐ-CP"
  date: string; // YYYY-MM-DD
  title: Localized;
  /** What this document does for the standard, when it is not the one that sets it. */
  note?: Localized;
  status: Status;
}

/** The survey-sheet score form (Phiếu B): B1 income score line, B2 points per deprivation. */
export interface ScoreForm {
  incomeScoreLine: Record<Area, number>;
  pointsPerDeprivation: number;
  status: Status;
}

export interface StandardDefinition {
  id: string;
  /** A corrected or re-issued standard keeps its id and gets a higher version. */
  version: number;
  name: Localized;
  /** The document that sets the standard first, then any that amend or extend it. */
  legalBasis: LegalDocument[];
  /** The years whose household lists it decides (a review in 2026 decides the 2027 lists). */
  years: number[];
  /** What the legal text calls each area ("thành thị", "đô thị"). */
  areas: Record<Area, Localized>;
  lines: IncomeLine[];
  dimensions: DimensionDefinition[];
  rules: RuleDefinition[];
  scoreForm?: ScoreForm;
}
