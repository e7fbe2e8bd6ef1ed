import { describe, expect, it } from 'vitest';
import { supportByYear, type ReceivedSupport } from './years';

const support = (s: Partial<ReceivedSupport> & Pick<ReceivedSupport, 'date' | 'value'>): ReceivedSupport => ({
  kind: 'tet_gift',
  sourceCode: 'local_budget',
  distributed: false,
  loanOutstanding: null,
  ...s,
});

describe('a household’s support year by year', () => {
  const years = supportByYear(
    {
      statuses: [
        { year: 2024, category: 'poor' },
        { year: 2025, category: 'poor' },
        { year: 2026, category: 'near_poor' },
      ],
      supports: [
        support({ date: '2024-01-20', value: 500_000, sourceCode: 'fund', distributed: true }),
        support({
          date: '2024-05-02',
          value: 30_000_000,
          kind: 'policy_loan',
          sourceCode: 'vbsp',
          loanOutstanding: 12_000_000,
        }),
        support({ date: '2025-01-25', value: 500_000, sourceCode: 'fund', distributed: true }),
        support({ date: '2025-09-10', value: 60_000_000, kind: 'house_build', sourceCode: 'temporary_houses' }),
        support({ date: '2026-02-01', value: 1_105_650, kind: 'health_insurance' }),
      ],
      houses: [
        {
          id: 'h1',
          kind: 'build',
          decisionNumber: '12/QĐ-UBND',
          dates: {
            approved: '2024-11-10',
            under_construction: '2025-02-01',
            completed: '2025-08-30',
            handed_over: '2025-09-10',
          },
          totalCost: 60_000_000,
        },
      ],
      models: [{ id: 'm1', name: 'Nuôi bò sinh sản', joinedOn: '2025-04-01' }],
    },
    2026,
  );

  it('puts each year’s list category beside what was received that year, oldest first', () => {
    expect(years.years.map((y) => [y.year, y.category, y.supports, y.value])).toEqual([
      [2024, 'poor', 2, 30_500_000],
      [2025, 'poor', 2, 60_500_000],
      [2026, 'near_poor', 1, 1_105_650],
    ]);
    expect(years.years[0]).toMatchObject({ distributed: 1, kinds: ['tet_gift', 'policy_loan'] });
  });

  it('totals each year and the whole by source; a Fund-paid support is counted once, as a support', () => {
    expect(years.years[1]!.bySource).toEqual([
      { sourceCode: 'temporary_houses', supports: 1, value: 60_000_000 },
      { sourceCode: 'fund', supports: 1, value: 500_000 },
    ]);
    expect(years.bySource.find((s) => s.sourceCode === 'fund')).toEqual({
      sourceCode: 'fund',
      supports: 2,
      value: 1_000_000,
    });
    expect(years.value).toBe(years.years.reduce((sum, y) => sum + y.value, 0));
    expect(years.supports).toBe(5);
  });

  it('shows a house in every year from approval to hand-over, at the stage it had reached by the year’s end', () => {
    expect(years.years.map((y) => y.houses.map((h) => h.stage))).toEqual([['approved'], ['handed_over'], []]);
  });

  it('keeps policy loans with what is still owed, and the models joined in their year', () => {
    expect(years.years[0]!.loans).toEqual({ borrowed: 30_000_000, outstanding: 12_000_000 });
    expect(years.years[1]!.loans).toBeNull();
    expect(years.loanOutstanding).toBe(12_000_000);
    expect(years.years[1]!.models.map((m) => m.name)).toEqual(['Nuôi bò sinh sản']);
  });

  it('carries an unfinished house to this year, and lists a year with nothing received but a status', () => {
    const unfinished = supportByYear(
      {
        statuses: [{ year: 2027, category: 'poor' }],
        supports: [],
        houses: [
          { id: 'h', kind: 'repair', decisionNumber: '1/QĐ', dates: { approved: '2025-10-01' }, totalCost: 20_000_000 },
        ],
        models: [],
      },
      2026,
    );
    expect(unfinished.years.map((y) => [y.year, y.houses.length, y.category])).toEqual([
      [2025, 1, null],
      [2026, 1, null],
      [2027, 0, 'poor'],
    ]);
    expect(unfinished.value).toBe(0);
  });
});
