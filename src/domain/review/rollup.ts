/**
 * The province roll-up of the yearly review (tổng hợp kết quả rà soát): the figures of the report
 * forms users know, each a named measure — a set of households — so every cell can list the
 * households behind it. Pure: shared by the server (SQL, Excel) and the browser (tables).
 */
import { INDICATOR_KEYS, type Localized } from '../poverty';
import { POVERTY_CAUSE_LABELS, POVERTY_CAUSES } from '../registry/codes';

/** The two lists the movement, deprivation and group tables are kept for. */
export const ROLLUP_LISTS = ['poor', 'near_poor'] as const;
export type RollupList = (typeof ROLLUP_LISTS)[number];

/** Official results by commune: all households, and those of each category. */
export const RESULT_MEASURES = ['households', 'poor', 'near_poor', 'average'] as const;

/**
 * Columns of the movement tables (biến động), from the opening list of the year before to the
 * closing list: decreases to the other list, above both lists, other (moved away, died, split);
 * increases from the other list, fell back (tái nghèo), newly (phát sinh), other (first year the
 * commune is recorded: nothing known before). closing = opening − decreases + increases.
 */
export const MOVEMENT_COLUMNS = [
  'opening',
  'out_other_list',
  'out_above',
  'out_other',
  'in_other_list',
  'in_fell_back',
  'in_newly',
  'in_other',
  'closing',
] as const;
export type MovementColumn = (typeof MOVEMENT_COLUMNS)[number];
export const MOVEMENT_DECREASES: readonly MovementColumn[] = ['out_other_list', 'out_above', 'out_other'];
export const MOVEMENT_INCREASES: readonly MovementColumn[] = ['in_other_list', 'in_fell_back', 'in_newly', 'in_other'];

/** The report's column order: for near-poor households "escaped" (above) comes before "became poor". */
export const MOVEMENT_ORDER: Record<RollupList, readonly MovementColumn[]> = {
  poor: MOVEMENT_COLUMNS,
  near_poor: ['opening', 'out_above', 'out_other_list', 'out_other', ...MOVEMENT_INCREASES, 'closing'],
};

export const MOVEMENT_COLUMN_LABELS: Record<RollupList, Record<MovementColumn, Localized>> = {
  poor: {
    opening: { vi: 'Hộ nghèo đầu kỳ', en: 'Poor at the start' },
    out_other_list: { vi: 'Thoát nghèo thành hộ cận nghèo', en: 'Became near-poor' },
    out_above: { vi: 'Thoát nghèo vượt qua cận nghèo', en: 'Rose above near-poor' },
    out_other: { vi: 'Giảm khác (chuyển đi, chết, tách hộ…)', en: 'Other decreases (moved, died, split…)' },
    in_other_list: { vi: 'Hộ cận nghèo thành hộ nghèo', en: 'Near-poor became poor' },
    in_fell_back: { vi: 'Tái nghèo', en: 'Fell back into poverty' },
    in_newly: { vi: 'Nghèo phát sinh', en: 'Newly poor' },
    in_other: { vi: 'Tăng khác (năm đầu theo dõi)', en: 'Other increases (first year recorded)' },
    closing: { vi: 'Hộ nghèo cuối kỳ', en: 'Poor at the end' },
  },
  near_poor: {
    opening: { vi: 'Hộ cận nghèo đầu kỳ', en: 'Near-poor at the start' },
    out_above: { vi: 'Thoát cận nghèo', en: 'Escaped near-poverty' },
    out_other_list: { vi: 'Hộ cận nghèo thành hộ nghèo', en: 'Became poor' },
    out_other: { vi: 'Giảm khác (chuyển đi, chết, tách hộ…)', en: 'Other decreases (moved, died, split…)' },
    in_other_list: { vi: 'Hộ nghèo thành hộ cận nghèo', en: 'Poor became near-poor' },
    in_fell_back: { vi: 'Tái cận nghèo', en: 'Fell back into near-poverty' },
    in_newly: { vi: 'Cận nghèo phát sinh', en: 'Newly near-poor' },
    in_other: { vi: 'Tăng khác (năm đầu theo dõi)', en: 'Other increases (first year recorded)' },
    closing: { vi: 'Hộ cận nghèo cuối kỳ', en: 'Near-poor at the end' },
  },
};

/** Groups counted among poor and near-poor households: the policy flags and ethnic minority. */
export const ROLLUP_GROUPS = [
  'merit_family',
  'unable_to_work',
  'ethnic_minority',
  'woman_headed',
  'social_allowance',
] as const;
export type RollupGroup = (typeof ROLLUP_GROUPS)[number];
export const ROLLUP_GROUP_LABELS: Record<RollupGroup, Localized> = {
  merit_family: { vi: 'Gia đình người có công', en: 'Merit families' },
  unable_to_work: { vi: 'Không có khả năng lao động', en: 'Unable to work' },
  ethnic_minority: { vi: 'Dân tộc thiểu số', en: 'Ethnic minority' },
  woman_headed: { vi: 'Phụ nữ làm chủ hộ', en: 'Woman-headed' },
  social_allowance: { vi: 'Hưởng trợ cấp xã hội', en: 'Social allowance' },
};

/** A figure of the roll-up: which households it counts (its cell lists them). */
export type Measure =
  | { kind: 'result'; category: (typeof RESULT_MEASURES)[number] }
  | { kind: 'movement'; list: RollupList; column: MovementColumn }
  | { kind: 'deprived'; list: RollupList; indicator: string }
  | { kind: 'group'; list: RollupList; group: RollupGroup }
  | { kind: 'cause'; list: RollupList; cause: string }
  | { kind: 'ethnicity'; list: RollupList; ethnicity: string };

/** The key of a measure: `poor`, `poor.closing`, `near_poor.deprived.water_source`, `poor.ethnicity.Tày`. */
export function measureKey(m: Measure): string {
  switch (m.kind) {
    case 'result':
      return m.category;
    case 'movement':
      return `${m.list}.${m.column}`;
    case 'deprived':
      return `${m.list}.deprived.${m.indicator}`;
    case 'group':
      return `${m.list}.group.${m.group}`;
    case 'cause':
      return `${m.list}.cause.${m.cause}`;
    case 'ethnicity':
      return `${m.list}.ethnicity.${m.ethnicity}`;
  }
}

const isOneOf = <T extends string>(list: readonly T[], value: string | undefined): value is T =>
  value !== undefined && (list as readonly string[]).includes(value);

/** The measure a key names, or null when it names none. */
export function parseMeasure(key: string): Measure | null {
  if (isOneOf(RESULT_MEASURES, key)) return { kind: 'result', category: key };
  const [list, second, ...rest] = key.split('.');
  if (!isOneOf(ROLLUP_LISTS, list) || second === undefined) return null;
  const value = rest.join('.');
  if (rest.length === 0) return isOneOf(MOVEMENT_COLUMNS, second) ? { kind: 'movement', list, column: second } : null;
  if (second === 'deprived' && isOneOf(INDICATOR_KEYS, value)) return { kind: 'deprived', list, indicator: value };
  if (second === 'group' && isOneOf(ROLLUP_GROUPS, value)) return { kind: 'group', list, group: value };
  if (second === 'cause' && isOneOf(POVERTY_CAUSES, value)) return { kind: 'cause', list, cause: value };
  if (second === 'ethnicity' && value.trim() !== '' && value.length <= 50)
    return { kind: 'ethnicity', list, ethnicity: value };
  return null;
}

/** Every measure of fixed key (ethnicities come from the data), for the given indicators. */
export function fixedMeasures(indicators: readonly string[]): Measure[] {
  return [
    ...RESULT_MEASURES.map((category) => ({ kind: 'result' as const, category })),
    ...ROLLUP_LISTS.flatMap((list): Measure[] => [
      ...MOVEMENT_COLUMNS.map((column) => ({ kind: 'movement' as const, list, column })),
      ...indicators.map((indicator) => ({ kind: 'deprived' as const, list, indicator })),
      ...ROLLUP_GROUPS.map((group) => ({ kind: 'group' as const, list, group })),
      ...POVERTY_CAUSES.map((cause) => ({ kind: 'cause' as const, list, cause })),
    ]),
  ];
}

/** A figure's households and persons. */
export type Figure = [households: number, persons: number];
export type Figures = Record<string, Figure>;

/** Percent with one decimal (a rate of the report), 0 when there is no base. */
export const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

// ---- the report tables (Excel and the page draw the same layouts) ----

/** Which number of a figure a cell shows: households (0) or persons (1). */
export type Weight = 0 | 1;

/** A cell of a commune's row: a figure, or its rate against another (percent); clicking lists `measure`. */
export interface RollupColumn {
  /** The header above a run of columns (merged), e.g. "Hộ nghèo". */
  group?: Localized;
  label: Localized;
  /** The column number printed under the header, as the forms number them: "(3)", "(4 = 3/1×100)". */
  number?: string;
  measure: string;
  /** Fixed weight; absent in tables with a households row and a persons row per commune. */
  weight?: Weight;
  /** Show the rate of this figure against another one. */
  rateOf?: { measure: string; weight?: Weight };
  /** Show the list's total number of deprivations instead of a count of households. */
  deprivationsOf?: RollupList;
}

export interface RollupTable {
  key: string;
  /** The tab's name, and the sheet's in the workbook (at most 31 characters). */
  name: Localized;
  title: Localized;
  /** Two rows per commune: households, then persons (the movement forms). */
  householdsAndPersons?: boolean;
  columns: RollupColumn[];
}

const L = (vi: string, en: string): Localized => ({ vi, en });
const LIST_LABELS: Record<RollupList, Localized> = {
  poor: L('Hộ nghèo', 'Poor'),
  near_poor: L('Hộ cận nghèo', 'Near-poor'),
};

function resultsTable(): RollupTable {
  const categories = [
    ['poor', L('Hộ nghèo', 'Poor')],
    ['near_poor', L('Hộ cận nghèo', 'Near-poor')],
    ['average', L('Hộ có mức sống trung bình (NLNDN)', 'Average living standard (farming)')],
  ] as const;
  const part = (weight: Weight, first: number): RollupColumn[] =>
    categories.flatMap(([measure, group], i) => {
      const n = first + i * 2;
      const base = weight === 0 ? 1 : 2;
      // "Khẩu — hộ nghèo": the group in lower case but its abbreviation (NLNDN) kept.
      const heading = weight
        ? L(`Khẩu — ${group.vi.charAt(0).toLowerCase()}${group.vi.slice(1)}`, `Persons — ${group.en}`)
        : group;
      return [
        {
          group: heading,
          label: L('Số lượng', 'Number'),
          number: `(${n})`,
          measure,
          weight,
        },
        {
          group: heading,
          label: L('Tỷ lệ (%)', 'Rate (%)'),
          number: `(${n + 1} = ${n}/${base}×100)`,
          measure,
          weight,
          rateOf: { measure: 'households', weight },
        },
      ];
    });
  return {
    key: 'results',
    name: L('Kết quả chính thức', 'Official results'),
    title: L('KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO THEO XÃ', 'OFFICIAL REVIEW RESULTS BY COMMUNE'),
    columns: [
      { label: L('Tổng số hộ', 'Households'), number: '(1)', measure: 'households', weight: 0 },
      { label: L('Tổng số khẩu', 'Persons'), number: '(2)', measure: 'households', weight: 1 },
      ...part(0, 3),
      ...part(1, 9),
    ],
  };
}

function movementTable(list: RollupList): RollupTable {
  const decrease = L('Giảm trong kỳ', 'Decreases');
  const increase = L('Tăng trong kỳ', 'Increases');
  return {
    key: `movement-${list}`,
    name:
      list === 'poor'
        ? L('Biến động hộ nghèo', 'Movement of the poor')
        : L('Biến động hộ cận nghèo', 'Movement of the near-poor'),
    title:
      list === 'poor'
        ? L('BIẾN ĐỘNG HỘ NGHÈO', 'MOVEMENT OF POOR HOUSEHOLDS')
        : L('BIẾN ĐỘNG HỘ CẬN NGHÈO', 'MOVEMENT OF NEAR-POOR HOUSEHOLDS'),
    householdsAndPersons: true,
    columns: MOVEMENT_ORDER[list].map((column, i) => ({
      group: MOVEMENT_DECREASES.includes(column)
        ? decrease
        : MOVEMENT_INCREASES.includes(column)
          ? increase
          : undefined,
      label: MOVEMENT_COLUMN_LABELS[list][column],
      number: column === 'closing' ? '(9 = 1 − 2 − 3 − 4 + 5 + 6 + 7 + 8)' : `(${i + 1})`,
      measure: `${list}.${column}`,
    })),
  };
}

function deprivationTable(list: RollupList, indicators: readonly { key: string; name: Localized }[]): RollupTable {
  return {
    key: `deprivations-${list}`,
    name:
      list === 'poor'
        ? L('Thiếu hụt hộ nghèo', 'Deprivations of the poor')
        : L('Thiếu hụt hộ cận nghèo', 'Deprivations of the near-poor'),
    title:
      list === 'poor'
        ? L('THIẾU HỤT CÁC DỊCH VỤ XÃ HỘI CƠ BẢN CỦA HỘ NGHÈO', 'DEPRIVATIONS OF POOR HOUSEHOLDS')
        : L('THIẾU HỤT CÁC DỊCH VỤ XÃ HỘI CƠ BẢN CỦA HỘ CẬN NGHÈO', 'DEPRIVATIONS OF NEAR-POOR HOUSEHOLDS'),
    columns: [
      { label: L('Số hộ', 'Households'), measure: list, weight: 0 },
      { label: L('Tổng số thiếu hụt', 'Total deprivations'), measure: list, deprivationsOf: list },
      ...indicators.flatMap(({ key, name }): RollupColumn[] => {
        const measure = `${list}.deprived.${key}`;
        return [
          { group: name, label: L('Số hộ', 'Households'), measure, weight: 0 },
          { group: name, label: L('Tỷ lệ (%)', 'Rate (%)'), measure, weight: 0, rateOf: { measure: list, weight: 0 } },
        ];
      }),
    ],
  };
}

const perList = (columns: (list: RollupList) => RollupColumn[]) =>
  ROLLUP_LISTS.flatMap((list) =>
    columns(list).map((c) => ({
      ...c,
      group: L(`${LIST_LABELS[list].vi} — ${c.group?.vi ?? ''}`, `${LIST_LABELS[list].en} — ${c.group?.en ?? ''}`),
    })),
  );

/**
 * Every table of the roll-up, for the standard's indicators (in its order) and the heads'
 * ethnicities found in the data (Kinh first, then in Vietnamese order).
 */
export function rollupTables(
  indicators: readonly { key: string; name: Localized }[],
  ethnicities: readonly string[],
): RollupTable[] {
  return [
    resultsTable(),
    movementTable('poor'),
    movementTable('near_poor'),
    deprivationTable('poor', indicators),
    deprivationTable('near_poor', indicators),
    {
      key: 'groups',
      name: L('Nhóm đối tượng', 'Groups'),
      title: L('HỘ NGHÈO, HỘ CẬN NGHÈO THEO NHÓM ĐỐI TƯỢNG', 'POOR AND NEAR-POOR HOUSEHOLDS BY GROUP'),
      columns: perList((list) => [
        { group: L('Tổng số', 'All'), label: L('Số hộ', 'Households'), measure: list, weight: 0 },
        ...ROLLUP_GROUPS.map((g) => ({
          group: L('theo nhóm', 'by group'),
          label: ROLLUP_GROUP_LABELS[g],
          measure: `${list}.group.${g}`,
          weight: 0 as const,
        })),
      ]),
    },
    {
      key: 'ethnicity',
      name: L('Dân tộc', 'Ethnicity'),
      title: L(
        'HỘ NGHÈO, HỘ CẬN NGHÈO THEO DÂN TỘC CỦA CHỦ HỘ',
        'POOR AND NEAR-POOR HOUSEHOLDS BY ETHNICITY OF THE HEAD',
      ),
      columns: perList((list) =>
        ethnicities.map((e) => ({
          group: L('dân tộc', 'ethnicity'),
          label: L(e || 'Chưa ghi', e || 'Not recorded'),
          measure: `${list}.ethnicity.${e}`,
          weight: 0 as const,
        })),
      ),
    },
    {
      key: 'causes',
      name: L('Nguyên nhân nghèo', 'Causes'),
      title: L('HỘ NGHÈO, HỘ CẬN NGHÈO THEO NGUYÊN NHÂN', 'POOR AND NEAR-POOR HOUSEHOLDS BY CAUSE'),
      columns: perList((list) =>
        POVERTY_CAUSES.map((c) => ({
          group: L('nguyên nhân', 'cause'),
          label: POVERTY_CAUSE_LABELS[c],
          measure: `${list}.cause.${c}`,
          weight: 0 as const,
        })),
      ),
    },
  ];
}

/** The value a cell shows for a commune's (or the total's) figures. */
export function cellValue(
  column: RollupColumn,
  figures: Figures,
  deprivations: Record<RollupList, number>,
  rowWeight: Weight = 0,
): number {
  if (column.deprivationsOf) return deprivations[column.deprivationsOf];
  const weight = column.weight ?? rowWeight;
  const value = figures[column.measure]?.[weight] ?? 0;
  if (!column.rateOf) return value;
  return rate(value, figures[column.rateOf.measure]?.[column.rateOf.weight ?? weight] ?? 0);
}
