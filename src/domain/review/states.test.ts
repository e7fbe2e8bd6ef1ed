import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../poverty';
import { applyAction, type ModelAction, type RoundModel } from './model';
import { actionsFrom, nextState, ROUND_STATES } from './states';

describe('round states', () => {
  it('go planned → listing → surveying → meetings → posting → decided, one step at a time', () => {
    expect(nextState('planned', 'start_listing')).toBe('listing');
    expect(nextState('listing', 'start_survey')).toBe('surveying');
    expect(nextState('surveying', 'start_meetings')).toBe('meetings');
    expect(nextState('meetings', 'start_posting')).toBe('posting');
    expect(nextState('posting', 'decide')).toBe('decided');
    expect(nextState('planned', 'decide')).toBeNull();
    expect(nextState('listing', 'start_posting')).toBeNull();
  });

  it('a decided round can only be reopened', () => {
    expect(actionsFrom('decided')).toEqual(['reopen']);
    for (const state of ROUND_STATES.filter((s) => s !== 'decided')) expect(actionsFrom(state)).not.toContain('reopen');
  });
});

const caseId = fc.constantFrom('a', 'b', 'c');
const category = fc.constantFrom(...CATEGORIES);
const action: fc.Arbitrary<ModelAction> = fc.oneof(
  fc.record({
    kind: fc.constant('step' as const),
    action: fc.constantFrom('start_listing', 'start_survey', 'start_meetings', 'start_posting', 'decide' as const),
  }),
  fc.record({ kind: fc.constant('reopen' as const), reason: fc.string({ maxLength: 12 }), approver: fc.boolean() }),
  fc.record({ kind: fc.constantFrom('survey', 'meeting', 'complaint' as const), caseId, category }),
);

describe('the lock of a decided round (property)', () => {
  it('no sequence of actions changes a decided result without a recorded reopening', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 60 }), (actions) => {
        let model: RoundModel = {
          state: 'planned',
          results: { a: 'poor', b: 'near_poor' },
          decided: null,
          reopenings: [],
        };
        for (const a of actions) {
          const before = model;
          const after = applyAction(model, a);
          if (typeof after === 'string') continue;
          // A refused action changed nothing; an accepted one on a decided round must be a reopening
          // (by an approver, with a reason) before any result may differ from what was decided.
          if (before.state === 'decided') {
            if (after.reopenings.length === before.reopenings.length) expect(after.results).toEqual(before.decided);
            else expect(a).toMatchObject({ kind: 'reopen', approver: true });
          }
          model = after;
        }
        if (model.state === 'decided') expect(model.results).toEqual(model.decided);
      }),
      { numRuns: 2000 },
    );
  });

  it('a reopening needs an approver and a written reason, and is recorded', () => {
    const decided: RoundModel = { state: 'decided', results: { a: 'poor' }, decided: { a: 'poor' }, reopenings: [] };
    expect(applyAction(decided, { kind: 'survey', caseId: 'a', category: 'not_poor' })).toBe('locked');
    expect(applyAction(decided, { kind: 'reopen', reason: 'Phúc tra lại', approver: false })).toBe('not_approver');
    expect(applyAction(decided, { kind: 'reopen', reason: '  ', approver: true })).toBe('reason_required');
    const reopened = applyAction(decided, { kind: 'reopen', reason: 'Khiếu nại sau quyết định', approver: true });
    expect(reopened).toMatchObject({ state: 'posting', reopenings: [{ reason: 'Khiếu nại sau quyết định' }] });
  });
});
