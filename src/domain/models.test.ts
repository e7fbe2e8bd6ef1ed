import { describe, expect, it } from 'vitest';
import { modelResults, participantOutcome, type YearStatus } from './models';

const s = (year: number, category: YearStatus['category']): YearStatus => ({ year, category });

describe('a participating household’s outcome', () => {
  it('reads the status in force when it joined (latest list of that year or earlier) and the latest one', () => {
    const o = participantOutcome('2023-05-10', [
      s(2025, 'near_poor'),
      s(2022, 'poor'),
      s(2023, 'poor'),
      s(2024, 'poor'),
    ]);
    expect(o).toEqual({ before: s(2023, 'poor'), now: s(2025, 'near_poor'), outcome: 'escaped_poverty' });
  });

  it('escaped near-poverty: near-poor when joining, average or not poor later', () => {
    expect(participantOutcome('2024-01-01', [s(2024, 'near_poor'), s(2026, 'average')]).outcome).toBe(
      'escaped_near_poverty',
    );
  });

  it('a household poor before joining and poor again in the lists after has not escaped', () => {
    expect(participantOutcome('2024-03-01', [s(2024, 'poor'), s(2025, 'poor')]).outcome).toBe('unchanged');
    expect(participantOutcome('2024-03-01', [s(2024, 'near_poor'), s(2025, 'poor')]).outcome).toBe('fell_back');
  });

  it('escaping before joining is not the model’s result; without a later list it is not re-assessed yet', () => {
    // Poor in 2022, not poor from 2023: joined in 2024, it was already out.
    expect(participantOutcome('2024-06-01', [s(2022, 'poor'), s(2023, 'not_poor'), s(2025, 'not_poor')]).outcome).toBe(
      'unchanged',
    );
    expect(participantOutcome('2026-02-01', [s(2025, 'poor'), s(2026, 'poor')]).outcome).toBe('not_reassessed');
    expect(participantOutcome('2026-02-01', []).outcome).toBe('unknown');
    expect(participantOutcome('2021-02-01', [s(2022, 'poor')]).outcome).toBe('unknown');
  });
});

describe('a model’s results', () => {
  it('counts who escaped among those poor or near-poor when they joined, with the rates', () => {
    const results = modelResults([
      participantOutcome('2023-03-01', [s(2023, 'poor'), s(2025, 'near_poor')]),
      participantOutcome('2023-03-01', [s(2023, 'poor'), s(2025, 'not_poor')]),
      participantOutcome('2023-03-01', [s(2023, 'poor'), s(2025, 'poor')]),
      participantOutcome('2023-03-01', [s(2023, 'near_poor'), s(2025, 'average')]),
      participantOutcome('2023-03-01', [s(2023, 'not_poor'), s(2025, 'near_poor')]),
    ]);
    expect(results).toEqual({
      participants: 5,
      poorAtJoining: 3,
      nearPoorAtJoining: 1,
      escapedPoverty: 2,
      escapedNearPoverty: 1,
      fellBack: 1,
      povertyExitRate: 0.667,
      // Out of both: the poor one now not poor and the near-poor one now average — 2 of 4.
      nearPovertyExitRate: 0.5,
    });
    expect(modelResults([]).povertyExitRate).toBeNull();
  });
});
