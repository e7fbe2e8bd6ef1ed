import { describe, expect, test } from 'vitest';
import { fieldPath } from '../../lib/errors';
import { todayInVietnam } from '../../../domain/calendar';
import { ageOn, describeHistory, filtersFromSearch, searchOfFilters, yearInVietnam, yearOptions } from './logic';

describe('the household list filters in the address bar', () => {
  test('read back what was written', () => {
    const filters = filtersFromSearch(
      new URLSearchParams(
        'q=nguyen van a&policyFlag=merit_family&year=2026&category=poor&sort=code&order=desc&offset=50',
      ),
    );
    expect(filters).toMatchObject({
      q: 'nguyen van a',
      policyFlag: 'merit_family',
      year: 2026,
      category: 'poor',
      sort: 'code',
      order: 'desc',
      offset: 50,
      limit: 50,
    });
    const again = filtersFromSearch(searchOfFilters(filters, { commune: '18562' }));
    expect(again).toEqual(filters);
    expect(searchOfFilters(filters, { commune: '18562' }).get('commune')).toBe('18562');
  });

  test('ignore what is unknown or malformed, and leave defaults out of the link', () => {
    const filters = filtersFromSearch(
      new URLSearchParams('policyFlag=rich&year=abc&category=x&sort=drop&limit=100000&offset=-3&indicator=a;b'),
    );
    expect(filters).toEqual({
      q: undefined,
      policyFlag: undefined,
      includeArchived: undefined,
      year: undefined,
      category: undefined,
      indicator: undefined,
      limit: 50,
      offset: 0,
      sort: undefined,
      order: undefined,
    });
    expect(searchOfFilters(filters, {}).toString()).toBe('');
  });
});

describe('ages and dates', () => {
  test('completed years, the birthday itself included', () => {
    expect(ageOn('2019-05-10', '2026-05-09')).toBe(6);
    expect(ageOn('2019-05-10', '2026-05-10')).toBe(7);
    expect(ageOn('1960-12-31', '2026-01-01')).toBe(65);
  });

  test('today is the Hanoi date', () => {
    expect(todayInVietnam(new Date('2026-11-21T18:30:00Z'))).toBe('2026-11-22');
  });

  test('server field names become form paths', () => {
    expect(fieldPath('members.0.citizenId')).toEqual(['members', 0, 'citizenId']);
    expect(fieldPath('body.code')).toEqual(['code']);
  });
});

describe('history in words', () => {
  const member = (id: string, fullName: string, extra = {}) => ({ id, fullName, relation: 'child', ...extra });

  test('a member added, a member leaving, a new head', () => {
    const before = { code: 'TH-1', members: [member('a', 'Nguyễn Văn A', { relation: 'head' })] };
    expect(
      describeHistory({
        action: 'household.member_add',
        before,
        after: { ...before, members: [...before.members, member('b', 'Nguyễn Văn B')] },
      }),
    ).toEqual({ key: 'memberAdd', params: { names: 'Nguyễn Văn B' } });
    const withB = { ...before, members: [...before.members, member('b', 'Nguyễn Văn B')] };
    expect(
      describeHistory({
        action: 'household.member_leave',
        before: withB,
        after: {
          ...withB,
          members: [withB.members[0], member('b', 'Nguyễn Văn B', { leftAt: '2026-01-02', leftReason: 'Chuyển đi' })],
        },
      }),
    ).toEqual({ key: 'memberLeave', params: { names: 'Nguyễn Văn B', reason: 'Chuyển đi' } });
    expect(
      describeHistory({
        action: 'household.head_change',
        before: withB,
        after: {
          members: [
            member('a', 'Nguyễn Văn A', { relation: 'parent' }),
            member('b', 'Nguyễn Văn B', { relation: 'head' }),
          ],
        },
      }).params,
    ).toEqual({ name: 'Nguyễn Văn B' });
  });

  test('changed fields of the household and of its dwelling', () => {
    expect(
      describeHistory({
        action: 'household.update',
        before: { address: 'Thôn 1', phone: null },
        after: { address: 'Thôn 2', phone: null },
      }).fields,
    ).toEqual(['address']);
    expect(
      describeHistory({
        action: 'household.dwelling',
        before: { dwelling: { roof: 'durable', floorArea: 20 } },
        after: { dwelling: { roof: 'non_durable', floorArea: 20 } },
      }).fields,
    ).toEqual(['roof']);
  });

  test('assessments name their year and category', () => {
    expect(
      describeHistory({
        action: 'household.reassess',
        before: { year: 2026 },
        after: { year: 2026, category: 'poor' },
      }),
    ).toEqual({ key: 'reassess', params: { year: '2026', category: 'poor' } });
  });

  test('a household created by an import names its code and its row in the file', () => {
    expect(
      describeHistory({
        action: 'household.import_create',
        before: null,
        after: { code: 'H-7', row: 9, importId: 'x' },
      }),
    ).toEqual({ key: 'importCreate', params: { code: 'H-7', row: '9' } });
  });

  test('an unknown action keeps its code', () => {
    expect(describeHistory({ action: 'household.something', before: null, after: null })).toEqual({
      key: 'other',
      params: { action: 'household.something' },
    });
  });
});

describe('the years a list can be asked for', () => {
  test('run from next year in Vietnam back to the first standard', () => {
    // 31 December 2025, 18:00 UTC is already 1 January 2026 in Vietnam.
    const now = new Date('2025-12-31T18:00:00Z');
    expect(yearInVietnam(now)).toBe(2026);
    const years = yearOptions(now);
    expect(years[0]).toBe(2027);
    expect(years.at(-1)).toBe(2016);
    expect(years).toHaveLength(12);
  });
});
