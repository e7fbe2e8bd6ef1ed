import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_KINDS,
  BUDGET_SOURCES,
  daysUntil,
  formatVnd,
  isRecommendationOverdue,
  isTaskOverdue,
  recommendationAfter,
  reviewFigures,
  RECOMMENDATION_STATUSES,
  TASK_STATUSES,
  type ReviewInputs,
} from '.';

describe('deadlines', () => {
  it('a task is overdue the day after its due date, unless done or cancelled', () => {
    expect(isTaskOverdue({ dueOn: '2025-06-30', status: 'planned' }, '2025-06-30')).toBe(false);
    expect(isTaskOverdue({ dueOn: '2025-06-30', status: 'in_progress' }, '2025-07-01')).toBe(true);
    expect(isTaskOverdue({ dueOn: '2025-06-30', status: 'done' }, '2026-01-01')).toBe(false);
    expect(isTaskOverdue({ dueOn: '2025-06-30', status: 'cancelled' }, '2026-01-01')).toBe(false);
  });

  it('a recommendation stays overdue until resolved, even when answered or accepted', () => {
    for (const status of RECOMMENDATION_STATUSES) {
      expect(isRecommendationOverdue({ dueOn: '2025-03-31', status }, '2025-04-01')).toBe(status !== 'resolved');
      expect(isRecommendationOverdue({ dueOn: '2025-03-31', status }, '2025-03-31')).toBe(false);
    }
  });

  it('counts days to a due date across months and years', () => {
    expect(daysUntil('2025-01-01', '2024-12-31')).toBe(1);
    expect(daysUntil('2024-03-01', '2024-02-28')).toBe(2);
    expect(daysUntil('2024-12-31', '2025-01-10')).toBe(-10);
  });

  it('a recommendation only moves forward, and is resolved from answered or accepted', () => {
    expect(recommendationAfter('open', 'answer')).toBe('answered');
    expect(recommendationAfter('answered', 'accept')).toBe('accepted');
    expect(recommendationAfter('accepted', 'resolve')).toBe('resolved');
    expect(recommendationAfter('answered', 'resolve')).toBe('resolved');
    expect(recommendationAfter('open', 'resolve')).toBeNull();
    expect(recommendationAfter('resolved', 'answer')).toBeNull();
    expect(recommendationAfter('accepted', 'answer')).toBeNull();
  });
});

describe('review figures', () => {
  const contentId = fc.constantFrom('a', 'b', null);
  const count = fc.nat({ max: 500 });
  const inputs: fc.Arbitrary<ReviewInputs> = fc.record({
    activities: fc.array(
      fc.record({
        contentId,
        kind: fc.constantFrom(...ACTIVITY_KINDS),
        audienceSize: count,
        poorAudience: count,
        budget: fc.record(Object.fromEntries(BUDGET_SOURCES.map((s) => [s, fc.nat({ max: 50_000_000 })])) as never),
      }),
    ),
    supervisions: fc.array(
      fc.record({
        contentId,
        status: fc.constantFrom('planned' as const, 'conducted' as const),
        recommendations: fc.array(fc.constantFrom(...RECOMMENDATION_STATUSES)),
      }),
    ),
    commendations: fc.array(fc.record({ contentId })),
    tasks: fc.array(fc.record({ contentId: fc.constantFrom('a', 'b'), status: fc.constantFrom(...TASK_STATUSES) })),
  });

  it('the totals are the sums of the records and of the per-content figures', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const { total, byContent } = reviewFigures(input);
        const sum = (key: keyof typeof total) => [...byContent.values()].reduce((s, f) => s + f[key], 0);
        for (const key of Object.keys(total) as (keyof typeof total)[]) expect(total[key]).toBe(sum(key));
        expect(total.communication + total.trainings + total.conferences).toBe(input.activities.length);
        expect(total.poorAudience).toBe(input.activities.reduce((s, a) => s + a.poorAudience, 0));
        expect(total.budget).toBe(
          input.activities.reduce((s, a) => s + BUDGET_SOURCES.reduce((t, k) => t + a.budget[k], 0), 0),
        );
        expect(total.recommendations).toBe(input.supervisions.reduce((s, x) => s + x.recommendations.length, 0));
        expect(total.commendations).toBe(input.commendations.length);
        expect(total.tasks).toBe(input.tasks.length);
      }),
    );
  });

  it('counts a training course as training and a workshop as a conference', () => {
    const budget = { state: 1_000_000, fund: 500_000, social: 0, other: 0 };
    const { total } = reviewFigures({
      activities: [
        { contentId: null, kind: 'training', audienceSize: 40, poorAudience: 10, budget },
        { contentId: null, kind: 'workshop', audienceSize: 60, poorAudience: 0, budget },
        { contentId: null, kind: 'broadcast', audienceSize: 0, poorAudience: 0, budget },
      ],
      supervisions: [{ contentId: null, status: 'conducted', recommendations: ['resolved', 'open'] }],
      commendations: [],
      tasks: [],
    });
    expect(total).toMatchObject({
      trainings: 1,
      trainees: 40,
      conferences: 1,
      conferenceAudience: 60,
      communication: 1,
      budget: 4_500_000,
      supervisions: 1,
      recommendations: 2,
      recommendationsResolved: 1,
    });
  });
});

describe('formats', () => {
  it('writes money with dot separators and đ', () => {
    expect(formatVnd(1_500_000)).toBe('1.500.000 đ');
    expect(formatVnd(0)).toBe('0 đ');
    expect(formatVnd(999)).toBe('999 đ');
  });
});
