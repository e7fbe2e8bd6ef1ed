import { describe, expect, it } from 'vitest';
import { checkRepeat, type GivenSupport, type RepeatRule } from './repeat';

const RULES: RepeatRule[] = [
  {
    kind: 'house_build',
    window: { per: 'period', from: '2021-01-01', to: '2025-12-31' },
    basis: 'Dự án 5, QĐ 90/QĐ-TTg',
  },
  { kind: 'health_insurance', window: { per: 'year' }, basis: 'mỗi năm một thẻ' },
  { kind: 'production', window: { per: 'years', years: 2 }, basis: 'Dự án 3' },
];
const given = (kind: GivenSupport['kind'], date: string, memberId: string | null = null): GivenSupport => ({
  id: `${kind}-${date}`,
  kind,
  date,
  householdId: 'H1',
  memberId,
});

describe('a second support of the same kind within the period the programme forbids', () => {
  it('is refused with the earlier support and a reason naming its date and the rule', () => {
    const check = checkRepeat(RULES, [given('house_build', '2023-04-10')], {
      kind: 'house_build',
      date: '2025-06-01',
      householdId: 'H1',
      memberId: null,
    });
    expect(check.allowed).toBe(false);
    if (check.allowed) return;
    expect(check.conflicting.id).toBe('house_build-2023-04-10');
    expect(check.reason.vi).toBe(
      'Hộ đã nhận "Xây mới nhà ở" ngày 10/04/2023; mỗi hộ chỉ được hỗ trợ một lần trong giai đoạn 01/01/2021–31/12/2025 (Dự án 5, QĐ 90/QĐ-TTg).',
    );
  });

  it('is allowed outside the period, for another household, or for another kind', () => {
    const earlier = [given('house_build', '2023-04-10')];
    const base = { kind: 'house_build' as const, householdId: 'H1', memberId: null };
    expect(checkRepeat(RULES, earlier, { ...base, date: '2026-02-01' }).allowed).toBe(true);
    expect(checkRepeat(RULES, earlier, { ...base, date: '2024-01-01', householdId: 'H2' }).allowed).toBe(true);
    expect(checkRepeat(RULES, earlier, { ...base, date: '2024-01-01', kind: 'house_repair' }).allowed).toBe(true);
  });

  it('counts a member’s support per member: a card for each member, but not two for one member in a year', () => {
    const earlier = [given('health_insurance', '2026-01-15', 'M1')];
    const card = (memberId: string, date: string) =>
      checkRepeat(RULES, earlier, { kind: 'health_insurance', date, householdId: 'H1', memberId }).allowed;
    expect(card('M2', '2026-03-01')).toBe(true);
    expect(card('M1', '2026-12-31')).toBe(false);
    expect(card('M1', '2027-01-01')).toBe(true);
  });

  it('measures a window of years from either side, so a late entry of an earlier support is caught', () => {
    const earlier = [given('production', '2025-05-01')];
    const at = (date: string) =>
      checkRepeat(RULES, earlier, { kind: 'production', date, householdId: 'H1', memberId: null }).allowed;
    expect(at('2027-04-30')).toBe(false);
    expect(at('2027-05-01')).toBe(true);
    expect(at('2023-06-01')).toBe(false);
    expect(at('2023-05-01')).toBe(true);
  });

  it('a kind without a rule may be given again', () => {
    const earlier = [given('tet_gift', '2026-01-20')];
    expect(
      checkRepeat(RULES, earlier, { kind: 'tet_gift', date: '2026-01-25', householdId: 'H1', memberId: null }),
    ).toEqual({
      allowed: true,
    });
  });
});
