/**
 * The review round's state machine (Decision 24/2021/QĐ-TTg, the periodic review's steps):
 * planned → listing → surveying → meetings → posting → decided. A village meeting that does not
 * agree sends its cases back to surveying (the round stays at its step; the case is resurveyed).
 * A decided round is locked: only a reopening with a written reason (by an approver) unlocks it.
 */
export const ROUND_STATES = ['planned', 'listing', 'surveying', 'meetings', 'posting', 'decided'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

export const ROUND_ACTIONS = [
  'start_listing',
  'start_survey',
  'start_meetings',
  'start_posting',
  'decide',
  'reopen',
] as const;
export type RoundAction = (typeof ROUND_ACTIONS)[number];

const NEXT: Record<Exclude<RoundAction, 'reopen'>, { from: RoundState; to: RoundState }> = {
  start_listing: { from: 'planned', to: 'listing' },
  start_survey: { from: 'listing', to: 'surveying' },
  start_meetings: { from: 'surveying', to: 'meetings' },
  start_posting: { from: 'meetings', to: 'posting' },
  decide: { from: 'posting', to: 'decided' },
};

/** A reopened round goes back to posting: the results can be corrected and decided again. */
const REOPENED_TO: RoundState = 'posting';

/** The state an action leads to, or null when it is not allowed from `state`. */
export function nextState(state: RoundState, action: RoundAction): RoundState | null {
  if (action === 'reopen') return state === 'decided' ? REOPENED_TO : null;
  const step = NEXT[action];
  return step.from === state ? step.to : null;
}

/** The actions possible from a state (the UI shows these buttons). */
export function actionsFrom(state: RoundState): RoundAction[] {
  return ROUND_ACTIONS.filter((a) => nextState(state, a) !== null);
}

/** Which steps change a case: listing adds cases, surveying and meetings change results. */
export function casesEditable(state: RoundState): boolean {
  return state !== 'planned' && state !== 'decided';
}

export const canList = (state: RoundState) => state === 'listing' || state === 'surveying';
export const canSurvey = (state: RoundState) => state === 'surveying' || state === 'meetings';
export const canMeet = (state: RoundState) => state === 'meetings';
/** Complaints are received while the lists are posted (and re-checked before the decision). */
export const canComplain = (state: RoundState) => state === 'posting';

export const ROUND_STATE_LABELS: Record<RoundState, { vi: string; en: string }> = {
  planned: { vi: 'Kế hoạch', en: 'Planned' },
  listing: { vi: 'Lập danh sách', en: 'Listing' },
  surveying: { vi: 'Điều tra, rà soát', en: 'Surveying' },
  meetings: { vi: 'Họp dân', en: 'Village meetings' },
  posting: { vi: 'Niêm yết công khai', en: 'Posting' },
  decided: { vi: 'Đã quyết định', en: 'Decided' },
};
