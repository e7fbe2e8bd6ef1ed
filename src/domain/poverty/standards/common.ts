/** Pieces the built-in standards share: documents, area and dimension names, helpers. */
import type { DimensionDefinition, IndicatorDefinition, LegalDocument, Localized, Status } from '../types';

export const DECREE: Localized = { vi: 'Nghị định', en: 'Decree' };

// Its title was not read; number and date were.
export const DECREE_351_2025: LegalDocument = {
  kind: DECREE,
  number: '351/2025/NĐ-CP',
  date: '2025-12-30',
  title: {
    vi: 'Quy định chuẩn nghèo đa chiều giai đoạn 2027–2030',
    en: 'Multidimensional poverty standard for 2027–2030',
  },
  status: 'provisional',
};

export const AREA_NAMES = {
  rural: { vi: 'nông thôn', en: 'rural' },
  urban: { vi: 'thành thị', en: 'urban' },
};

export const EMPLOYMENT: Localized = { vi: 'Việc làm', en: 'Employment' };
export const HEALTH: Localized = { vi: 'Y tế', en: 'Health' };
export const EDUCATION: Localized = { vi: 'Giáo dục', en: 'Education' };
export const HOUSING: Localized = { vi: 'Nhà ở', en: 'Housing' };
export const WATER: Localized = { vi: 'Nước sinh hoạt và vệ sinh', en: 'Water and sanitation' };
export const INFORMATION: Localized = { vi: 'Thông tin', en: 'Information' };

type Dimension = [key: string, name: Localized, indicators: IndicatorDefinition[]];

/** Dimensions from [key, name, indicators]; indicatorStatus, when given, replaces the indicators' own. */
export function dimensions(list: Dimension[], status: Status, indicatorStatus?: Status): DimensionDefinition[] {
  return list.map(([key, name, indicators]) => ({
    key,
    name,
    status,
    indicators: indicatorStatus
      ? indicators.map((indicator) => ({ ...indicator, status: indicatorStatus }) as IndicatorDefinition)
      : indicators,
  }));
}

/** Built-in definitions are shared by every caller and key the decision-table cache: freeze them. */
export function frozen<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) frozen(child);
  }
  return value;
}
