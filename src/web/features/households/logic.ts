/**
 * The registry pages' pure pieces: the list's filters as a URL query, ages, and what a history
 * event changed, in words.
 */
import { todayInVietnam } from '../../../domain/calendar';
import { CATEGORIES, type Category } from '../../../domain/poverty/types';
import { POLICY_FLAGS, type PolicyFlag } from '../../../domain/registry/codes';
import type { HouseholdListQuery, HouseholdSort } from './api';

export const PAGE_SIZE = 50;
const SORTS: readonly HouseholdSort[] = ['head', 'code', 'createdAt'];

/** The list's filters (without the area, which the working area decides). */
export type ListFilters = Omit<HouseholdListQuery, 'commune' | 'village'>;

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;

function nonNegative(value: string | null): number | undefined {
  if (value === null || !/^\d{1,9}$/u.test(value)) return undefined;
  return Number(value);
}

/** Read the filters from the address bar; anything unknown or malformed is ignored. */
export function filtersFromSearch(params: URLSearchParams): ListFilters {
  const year = nonNegative(params.get('year'));
  const limit = nonNegative(params.get('limit'));
  return {
    q: params.get('q')?.trim() || undefined,
    policyFlag: oneOf<PolicyFlag>(POLICY_FLAGS, params.get('policyFlag')),
    includeArchived: params.get('includeArchived') === 'true' || undefined,
    year: year && year >= 2000 && year <= 2100 ? year : undefined,
    category: oneOf<Category>(CATEGORIES, params.get('category')),
    indicator: /^[a-z_]{1,40}$/u.test(params.get('indicator') ?? '') ? params.get('indicator')! : undefined,
    limit: limit && limit >= 1 && limit <= 500 ? limit : PAGE_SIZE,
    offset: nonNegative(params.get('offset')) ?? 0,
    sort: oneOf(SORTS, params.get('sort')),
    order: oneOf(['asc', 'desc'] as const, params.get('order')),
  };
}

/** The filters and area as an address query; defaults are left out so links stay short. */
export function searchOfFilters(filters: ListFilters, area: { commune?: string; village?: string }): URLSearchParams {
  const params = new URLSearchParams();
  const entries: [string, string | number | boolean | undefined][] = [
    ['commune', area.commune],
    ['village', area.village],
    ['q', filters.q],
    ['policyFlag', filters.policyFlag],
    ['includeArchived', filters.includeArchived || undefined],
    ['year', filters.year],
    ['category', filters.category],
    ['indicator', filters.indicator],
    ['sort', filters.sort],
    ['order', filters.order],
    ['offset', filters.offset || undefined],
    ['limit', filters.limit === PAGE_SIZE ? undefined : filters.limit],
  ];
  for (const [key, value] of entries) if (value !== undefined && value !== '') params.set(key, String(value));
  return params;
}

/** The year in Vietnam, which the server's defaults use too. */
export const yearInVietnam = (now = new Date()): number => Number(todayInVietnam(now).slice(0, 4));

/** The first year of the first standard (2016–2020). */
const FIRST_YEAR = 2016;

/** Years a list or a comparison can be asked for: next year's back to the first standard's. */
export function yearOptions(now = new Date()): number[] {
  const last = yearInVietnam(now) + 1;
  return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => last - i);
}

/** Completed years at `on` (both `YYYY-MM-DD`). */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

// --- History -------------------------------------------------------------------------------

interface MemberLike {
  id: string;
  fullName: string;
  relation?: string;
  leftAt?: string | null;
  leftReason?: string | null;
}
interface HouseholdLike {
  code?: string;
  villageName?: string;
  archiveReason?: string | null;
  members?: MemberLike[];
  splitFrom?: { id: string; code: string };
  mergedInto?: { id: string; code: string };
  /** Assessment events carry the year and the category. */
  year?: number;
  category?: string;
  [field: string]: unknown;
}

/**
 * What an event did, as a message key of `households.historyText` and its parameters; a
 * `category` parameter is a category code, for the page to name.
 */
export interface HistoryDescription {
  key: string;
  params: Record<string, string>;
  /** Fields of the household that changed (household.update, household.dwelling). */
  fields?: string[];
}

const asHousehold = (value: unknown): HouseholdLike =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as HouseholdLike) : {};

const names = (members: MemberLike[]) => members.map((m) => m.fullName).join(', ');

const HOUSEHOLD_FIELDS = ['code', 'address', 'area', 'ethnicMinority', 'phone', 'policyFlags'];
/** The dwelling's yes/no facts, as forms and pages list them. */
export const DWELLING_FACTS = [
  'cleanWater',
  'hygienicLatrine',
  'telecomSubscription',
  'hearsLoudspeaker',
  'internetUse',
  'wasteHandledHygienically',
] as const;
/** Every field of a dwelling. */
export const DWELLING_FIELDS: readonly string[] = ['walls', 'frame', 'roof', 'floorArea', 'devices', ...DWELLING_FACTS];

function changedFields(before: HouseholdLike, after: HouseholdLike, fields: readonly string[]): string[] {
  const dwellingOf = (h: HouseholdLike) =>
    (h.dwelling && typeof h.dwelling === 'object' ? h.dwelling : h) as HouseholdLike;
  return fields.filter((f) => {
    const [b, a] = DWELLING_FIELDS.includes(f) ? [dwellingOf(before)[f], dwellingOf(after)[f]] : [before[f], after[f]];
    return JSON.stringify(b ?? null) !== JSON.stringify(a ?? null);
  });
}

/** Describe an audit event of a household in words a commune officer reads. */
export function describeHistory(event: { action: string; before: unknown; after: unknown }): HistoryDescription {
  const before = asHousehold(event.before);
  const after = asHousehold(event.after);
  const beforeMembers = before.members ?? [];
  const afterMembers = after.members ?? [];
  const known = new Set(beforeMembers.map((m) => m.id));
  const added = afterMembers.filter((m) => !known.has(m.id));
  const removed = beforeMembers.filter((m) => !afterMembers.some((a) => a.id === m.id));
  const left = afterMembers.filter((m) => m.leftAt && !beforeMembers.find((b) => b.id === m.id)?.leftAt);
  const head = afterMembers.find((m) => m.relation === 'head' && !m.leftAt);
  switch (event.action) {
    case 'household.create':
      return { key: 'create', params: { code: after.code ?? '', members: String(afterMembers.length) } };
    case 'household.create_by_split':
      return { key: 'createBySplit', params: { code: after.splitFrom?.code ?? '' } };
    case 'household.update':
      return { key: 'update', params: {}, fields: changedFields(before, after, HOUSEHOLD_FIELDS) };
    case 'household.dwelling':
      return { key: 'dwelling', params: {}, fields: changedFields(before, after, DWELLING_FIELDS) };
    case 'household.move':
      return { key: 'move', params: { from: before.villageName ?? '', to: after.villageName ?? '' } };
    case 'household.archive':
      return { key: 'archive', params: { reason: after.archiveReason ?? '' } };
    case 'household.member_add':
      return { key: 'memberAdd', params: { names: names(added) } };
    case 'household.member_update': {
      const changed = afterMembers.filter((m) => {
        const old = beforeMembers.find((b) => b.id === m.id);
        return old && JSON.stringify(old) !== JSON.stringify(m);
      });
      return { key: 'memberUpdate', params: { names: names(changed) } };
    }
    case 'household.member_leave':
      return {
        key: 'memberLeave',
        params: { names: names(left), reason: left.map((m) => m.leftReason ?? '').join(', ') },
      };
    case 'household.head_change':
      return { key: 'headChange', params: { name: head?.fullName ?? '' } };
    case 'household.split':
      return { key: 'split', params: { names: names([...removed, ...left]) } };
    case 'household.merge':
      return { key: 'merge', params: { names: names(added) } };
    case 'household.merged_into':
      return { key: 'mergedInto', params: { code: after.mergedInto?.code ?? '' } };
    case 'household.assess':
    case 'household.reassess':
      return {
        key: event.action === 'household.assess' ? 'assess' : 'reassess',
        params: { year: String(after.year ?? ''), category: String(after.category ?? '') },
      };
    case 'household.import_create':
      // The import records a household it creates by code and row (the import keeps the file's hash).
      return { key: 'importCreate', params: { code: after.code ?? '', row: String(after.row ?? '') } };
    case 'household.import_update':
      return { key: 'importUpdate', params: {} };
    default:
      return { key: 'other', params: { action: event.action } };
  }
}
