import type { RoundState } from '../../src/domain/review';
import { addCase, saveSurvey } from '../../src/server/modules/reviews/cases';
import { addComplaint, recordMeeting } from '../../src/server/modules/reviews/meetings';
import {
  createRound,
  decideRound,
  getRound,
  startListing,
  startMeetings,
  startPosting,
  startSurvey,
} from '../../src/server/modules/reviews/service';
import type { Db } from '../../src/server/platform/db/database';
import { systemAdmin } from './factories';

/**
 * A regular (or periodic) review round of a household's commune, driven through the services up to `state`
 * (the household applied, was surveyed and agreed; `complaint` adds an open complaint when posted;
 * `income` is the surveyed income, 1,300,000 đ by default).
 */
export async function buildRound(
  db: Db,
  household: { id: string; communeCode: string; villageId: string },
  state: RoundState,
  options: { complaint?: boolean; income?: number; kind?: 'periodic' | 'regular' } = {},
) {
  const admin = await systemAdmin(db);
  const steps: RoundState[] = ['planned', 'listing', 'surveying', 'meetings', 'posting', 'decided'];
  const reached = (s: RoundState) => steps.indexOf(state) >= steps.indexOf(s);
  let round = await createRound(db, admin, {
    communeCode: household.communeCode,
    year: 2026,
    kind: options.kind ?? 'regular',
  });
  const result = {
    roundId: round.id,
    version: round.version,
    caseId: '',
    caseVersion: 0,
    complaintId: '',
    complaintVersion: 0,
  };
  if (!reached('listing')) return result;
  round = await startListing(db, admin, round.id, round.version);
  const listed = await addCase(db, admin, round.id, {
    householdId: household.id,
    reason: 'application',
    application: {
      form: 'mau_01',
      receivedOn: '2026-10-01',
      channel: 'in_person',
      applicantName: 'Người Làm Đơn',
      content: 'Đề nghị rà soát',
    },
  });
  // The first application sets the round's 15-day deadline, which changes the round's version.
  round = await getRound(db, admin, round.id);
  Object.assign(result, { version: round.version, caseId: listed.id, caseVersion: listed.version });
  if (!reached('surveying')) return result;
  round = await startSurvey(db, admin, round.id, round.version);
  const surveyed = await saveSurvey(db, admin, round.id, listed.id, {
    version: listed.version,
    draft: false,
    surveyDate: '2026-10-05',
    incomePerCapitaMonthly: options.income ?? 1_300_000,
    incomeScore: null,
    overrides: [],
    causes: [],
    note: null,
  });
  Object.assign(result, { version: round.version, caseVersion: surveyed.case.version });
  if (!reached('meetings')) return result;
  round = await startMeetings(db, admin, round.id, round.version);
  result.version = round.version;
  if (!reached('posting')) return result;
  await recordMeeting(db, admin, round.id, {
    villageId: household.villageId,
    heldOn: '2026-10-10',
    chair: 'Trưởng Thôn',
    present: 10,
    votes: [{ caseId: listed.id, agreeing: 9 }],
  });
  round = await startPosting(db, admin, round.id, { version: round.version, postedOn: '2026-11-02' });
  result.version = round.version;
  if (options.complaint) {
    const detail = await addComplaint(db, admin, round.id, {
      caseId: listed.id,
      receivedOn: '2026-11-03',
      complainant: 'Người Khiếu Nại',
      content: 'Chưa đúng thu nhập',
    });
    Object.assign(result, { complaintId: detail.complaints[0]!.id, complaintVersion: detail.complaints[0]!.version });
  }
  if (!reached('decided')) return result;
  round = await decideRound(db, admin, round.id, {
    version: round.version,
    decisionNumber: '12/QĐ-UBND',
    decisionDate: '2026-11-10',
    signerName: 'Chủ Tịch Xã',
  });
  result.version = round.version;
  return result;
}
