import { describe, expect, it } from 'vitest';
import type { Category } from '../poverty';
import { movements } from './movement';

const history = (first: number, ...categories: Category[]) =>
  categories.map((category, i) => ({ year: first + i, category }));

describe('movement between years (biến động)', () => {
  it('a first assessment in the commune’s first year is the baseline, not newly poor', () => {
    expect(movements(history(2022, 'poor'), 2022).get(2022)).toBe('baseline');
  });

  it('a household first found poor after the first year is newly poor (phát sinh)', () => {
    expect(movements(history(2024, 'poor'), 2022).get(2024)).toBe('newly_poor');
    expect(movements(history(2024, 'near_poor'), 2022).get(2024)).toBe('newly_near_poor');
  });

  it('names each step of a household that escapes and falls back', () => {
    const steps = movements(history(2022, 'poor', 'poor', 'near_poor', 'not_poor', 'poor'), 2022);
    expect([...steps.values()]).toEqual([
      'baseline',
      'remained_poor',
      'escaped_to_near_poor',
      'escaped_near_poor',
      'fell_back_poor',
    ]);
  });

  it('distinguishes escaping above near-poverty from escaping to near-poverty', () => {
    const steps = movements(history(2022, 'poor', 'average'), 2022);
    expect(steps.get(2023)).toBe('escaped_above_near_poor');
  });

  it('counts near-poor becoming poor apart from newly poor', () => {
    expect(movements(history(2022, 'near_poor', 'poor'), 2022).get(2023)).toBe('near_poor_to_poor');
  });

  it('a year without an assessment means off the lists: coming back is falling back', () => {
    const steps = movements(
      [
        { year: 2022, category: 'near_poor' },
        { year: 2025, category: 'near_poor' },
      ],
      2022,
    );
    expect(steps.get(2025)).toBe('fell_back_near_poor');
  });

  it('never listed stays not poor, whatever the order given', () => {
    const steps = movements(
      [
        { year: 2023, category: 'not_poor' },
        { year: 2022, category: 'average' },
      ],
      2022,
    );
    expect(steps.get(2023)).toBe('not_poor');
  });
});
