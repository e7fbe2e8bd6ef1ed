import type { Category } from '../poverty';
import { canComplain, canMeet, canSurvey, casesEditable, nextState, type RoundAction, type RoundState } from './states';

/**
 * A round reduced to what the lock protects: its state, each case's result, and the record of
 * reopenings. The server applies the same guards (`nextState`, `canSurvey`…) to its rows; this
 * model lets a property test run any sequence of actions against them.
 */
export interface RoundModel {
  state: RoundState;
  results: Record<string, Category>;
  /** The results as last decided, and how many recorded reopenings there were. */
  decided: Record<string, Category> | null;
  reopenings: { reason: string }[];
}

export type ModelAction =
  | { kind: 'step'; action: Exclude<RoundAction, 'reopen'> }
  | { kind: 'reopen'; reason: string; approver: boolean }
  | { kind: 'survey'; caseId: string; category: Category }
  | { kind: 'meeting'; caseId: string; category: Category }
  | { kind: 'complaint'; caseId: string; category: Category };

export type Refusal = 'wrong_state' | 'not_approver' | 'reason_required' | 'locked';

/** Is a reopening reason acceptable: written, not blank. */
export const validReason = (reason: string) => reason.trim().length >= 5;

export function applyAction(model: RoundModel, action: ModelAction): RoundModel | Refusal {
  switch (action.kind) {
    case 'step': {
      const to = nextState(model.state, action.action);
      if (!to) return 'wrong_state';
      return { ...model, state: to, decided: to === 'decided' ? { ...model.results } : model.decided };
    }
    case 'reopen': {
      if (!action.approver) return 'not_approver';
      if (!validReason(action.reason)) return 'reason_required';
      const to = nextState(model.state, 'reopen');
      if (!to) return 'wrong_state';
      return { ...model, state: to, reopenings: [...model.reopenings, { reason: action.reason }] };
    }
    default: {
      if (!casesEditable(model.state)) return 'locked';
      const allowed =
        action.kind === 'survey'
          ? canSurvey(model.state)
          : action.kind === 'meeting'
            ? canMeet(model.state)
            : canComplain(model.state);
      if (!allowed) return 'wrong_state';
      return { ...model, results: { ...model.results, [action.caseId]: action.category } };
    }
  }
}
