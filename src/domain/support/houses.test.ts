import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advance, behindSchedule, HOUSE_STAGES, stageOf, type HouseDates } from './houses';

describe('a house from approval to hand-over', () => {
  it('goes through each stage in order, each dated no earlier than the last', () => {
    let dates: HouseDates = { approved: '2026-03-01' };
    for (const [stage, on] of [
      ['under_construction', '2026-03-20'],
      ['completed', '2026-06-30'],
      ['handed_over', '2026-06-30'],
    ] as const) {
      const step = advance(dates, stage, on);
      expect(step.ok, stage).toBe(true);
      if (step.ok) dates = step.dates;
    }
    expect(stageOf(dates)).toBe('handed_over');
  });

  it('refuses a skipped stage, a step back, a date before the last step, and anything after hand-over', () => {
    const approved: HouseDates = { approved: '2026-03-01' };
    expect(advance(approved, 'completed', '2026-05-01')).toMatchObject({
      ok: false,
      reason: { vi: 'Nhà đang ở bước "Đã phê duyệt": bước tiếp theo là "Đang xây dựng", không phải "Đã hoàn thành".' },
    });
    expect(advance(approved, 'under_construction', '2026-02-28')).toMatchObject({
      ok: false,
      reason: { vi: 'Ngày 28/02/2026 sớm hơn ngày của bước trước (01/03/2026).' },
    });
    const done: HouseDates = {
      ...approved,
      under_construction: '2026-03-05',
      completed: '2026-05-01',
      handed_over: '2026-05-02',
    };
    expect(advance(done, 'approved', '2026-06-01').ok).toBe(false);
  });

  it('whatever steps are tried, the dates that are kept never go backwards and no stage is skipped', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...HOUSE_STAGES), fc.integer({ min: 0, max: 400 })), { maxLength: 12 }),
        (steps) => {
          let dates: HouseDates = { approved: '2026-01-01' };
          for (const [stage, day] of steps) {
            const on = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
            const step = advance(dates, stage, on);
            if (step.ok) dates = step.dates;
          }
          const reached = HOUSE_STAGES.filter((s) => dates[s] !== undefined);
          expect(reached).toEqual(HOUSE_STAGES.slice(0, reached.length));
          const kept = reached.map((s) => dates[s]!);
          expect(kept).toEqual([...kept].sort());
        },
      ),
    );
  });
});

describe('the behind-schedule list', () => {
  const house = (dates: HouseDates) => ({ dates, plannedCompletion: '2026-09-30' });

  it('holds a house not started 60 days after approval, or not completed by its planned date', () => {
    expect(behindSchedule(house({ approved: '2026-03-01' }), '2026-04-30')).toBeNull();
    expect(behindSchedule(house({ approved: '2026-03-01' }), '2026-05-01')?.vi).toBe(
      'Chưa khởi công sau 60 ngày kể từ khi phê duyệt (01/03/2026).',
    );
    const building = house({ approved: '2026-03-01', under_construction: '2026-03-10' });
    expect(behindSchedule(building, '2026-09-30')).toBeNull();
    expect(behindSchedule(building, '2026-10-01')?.vi).toBe('Quá hạn hoàn thành (30/09/2026).');
  });

  it('never holds a completed or handed-over house', () => {
    const completed = house({ approved: '2026-03-01', under_construction: '2026-03-10', completed: '2026-11-01' });
    expect(behindSchedule(completed, '2027-01-01')).toBeNull();
  });
});
