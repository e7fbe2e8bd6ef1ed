import { CATEGORY_LABELS, type Category } from '../../../domain/poverty';
import {
  canComplain,
  canMeet,
  meetingAgrees,
  POSTING_WORKING_DAYS,
  workingCalendar,
  type RoundState,
} from '../../../domain/review';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import { errors } from '../../platform/errors';
import type { ReviewedResult } from '../assessments/service';
import { reviewPolicy } from './policy';
import * as repo from './repo';
import type { ComplaintReq, ComplaintResolveReq, MeetingReq } from './schemas';
import { formatDate, getRound, refuseWrongState, requireRound, requireRoundVillage } from './service';

export interface MeetingVote {
  caseId: string;
  householdId: string;
  householdCode: string;
  headName: string;
  proposedCategory: Category;
  agreeing: number;
  agreed: boolean;
}

/**
 * A village meeting (họp dân): each case voted on is agreed when more than half of those present
 * agree; otherwise it goes back to surveying. Every case voted must be surveyed and of that village.
 */
export async function recordMeeting(db: Db, actor: Actor, roundId: string, input: MeetingReq) {
  await db.transaction(async (tx) => {
    const round = await requireRound(tx, actor, roundId, true);
    if (!reviewPolicy.run(actor, round)) throw errors.forbidden();
    refuseWrongState(round, canMeet(round.state as RoundState), 'ghi biên bản họp dân', 'record a village meeting');
    const village = await requireRoundVillage(tx, actor, round, input.villageId);
    if (input.heldOn < round.windowStart || input.heldOn > round.windowEnd)
      throw errors.invalid(
        'heldOn',
        `Ngày họp phải trong thời gian rà soát ${formatDate(round.windowStart)} – ${formatDate(round.windowEnd)}.`,
        `The meeting must fall within the review window ${round.windowStart} – ${round.windowEnd}.`,
      );
    // The voted cases read, locked and written in one statement each (a village votes on ~200).
    const found = new Map(
      (
        await repo.findCases(
          tx,
          round.id,
          input.votes.map((v) => v.caseId),
        )
      ).map((c) => [c.id, c]),
    );
    const votes: MeetingVote[] = input.votes.map((vote, i) => {
      const row = found.get(vote.caseId);
      if (!row || row.villageId !== village.id)
        throw errors.invalid(
          `votes.${i}.caseId`,
          'Hộ không thuộc thôn này trong đợt rà soát.',
          'Not a case of this village.',
        );
      if (row.status !== 'surveyed')
        throw errors.invalid(
          `votes.${i}.caseId`,
          `Hộ ${row.householdCode} chưa hoàn thành phiếu điều tra hoặc đã được thống nhất.`,
          `Household ${row.householdCode} is not surveyed, or is already agreed.`,
        );
      return {
        caseId: row.id,
        householdId: row.householdId,
        householdCode: row.householdCode,
        headName: row.headName,
        proposedCategory: row.proposedCategory as Category,
        agreeing: vote.agreeing,
        agreed: meetingAgrees(input.present, vote.agreeing),
      };
    });
    const meeting = await repo.insertMeeting(tx, {
      roundId: round.id,
      villageId: village.id,
      heldOn: input.heldOn,
      chair: input.chair,
      present: input.present,
      votes,
    });
    await repo.recordVotes(tx, meeting.id, input.present, votes);
    await recordAudit(tx, actor, {
      action: 'review.village_meeting',
      entity: 'review_round',
      entityId: round.id,
      area: round,
      after: {
        meetingId: meeting.id,
        villageId: village.id,
        heldOn: input.heldOn,
        chair: input.chair,
        present: input.present,
        votes: votes.map((v) => ({ caseId: v.caseId, agreeing: v.agreeing, agreed: v.agreed })),
      },
    });
  });
  return getRound(db, actor, roundId);
}

/** A complaint about the posted lists, received while they are posted. */
export async function addComplaint(db: Db, actor: Actor, roundId: string, input: ComplaintReq) {
  await db.transaction(async (tx) => {
    const round = await requireRound(tx, actor, roundId, true);
    if (!reviewPolicy.run(actor, round)) throw errors.forbidden();
    refuseWrongState(round, canComplain(round.state as RoundState), 'nhận khiếu nại', 'record a complaint');
    const row = await repo.findCase(tx, round.id, input.caseId);
    if (!row) throw errors.invalid('caseId', 'Hộ không có trong danh sách rà soát.', 'The household is not listed.');
    if (round.postedOn && input.receivedOn < round.postedOn)
      throw errors.invalid('receivedOn', 'Khiếu nại nhận trước ngày niêm yết.', 'The complaint predates the posting.');
    const complaint = await repo.insertComplaint(tx, { roundId: round.id, ...input });
    await recordAudit(tx, actor, {
      action: 'review.complaint',
      entity: 'review_round',
      entityId: round.id,
      area: round,
      after: {
        complaintId: complaint.id,
        caseId: row.id,
        householdCode: row.householdCode,
        receivedOn: input.receivedOn,
      },
    });
  });
  return getRound(db, actor, roundId);
}

/**
 * The re-check (phúc tra) of a complaint: its findings and the category it confirms. A changed
 * result is posted again (3 working days from the re-posting, which the decision must follow).
 */
export async function resolveComplaint(
  db: Db,
  actor: Actor,
  roundId: string,
  complaintId: string,
  input: ComplaintResolveReq,
) {
  await db.transaction(async (tx) => {
    const round = await requireRound(tx, actor, roundId, true);
    if (!reviewPolicy.run(actor, round)) throw errors.forbidden();
    refuseWrongState(round, canComplain(round.state as RoundState), 'ghi kết quả phúc tra', 'record a re-check');
    const complaint = await repo.findComplaint(tx, round.id, complaintId);
    if (!complaint) throw errors.notFound('khiếu nại', 'Complaint');
    if (complaint.resolved)
      throw errors.conflict(
        'complaint_resolved',
        'Khiếu nại đã có kết quả phúc tra.',
        'The complaint was already re-checked.',
      );
    if (complaint.version !== input.version) throw errors.staleVersion();
    const row = (await repo.findCase(tx, round.id, complaint.caseId, true))!;
    const changed = row.finalCategory !== input.outcomeCategory;
    if (changed && !input.repostedOn)
      throw errors.invalid(
        'repostedOn',
        'Kết quả thay đổi sau phúc tra: cần ngày niêm yết lại.',
        'The re-check changed the result: give the date it is posted again.',
      );
    if (input.repostedOn && input.repostedOn < complaint.receivedOn)
      throw errors.invalid(
        'repostedOn',
        'Ngày niêm yết lại trước ngày nhận khiếu nại.',
        'Re-posted before the complaint.',
      );
    await repo.updateComplaint(tx, complaint.id, complaint.version, {
      resolved: true,
      recheckFindings: input.findings,
      outcomeCategory: input.outcomeCategory,
      changed,
      repostedOn: changed ? input.repostedOn : null,
    });
    if (changed) {
      const result = row.result as ReviewedResult;
      await repo.updateCase(tx, row.id, row.version, {
        finalCategory: input.outcomeCategory,
        result: { ...result, category: input.outcomeCategory, rule: 'recheck', note: input.findings },
      });
      const ends = workingCalendar.periodEnd(input.repostedOn!, POSTING_WORKING_DAYS);
      if (!round.postingEnds || ends > round.postingEnds)
        await repo.updateRound(tx, round.id, round.version, { postingEnds: ends });
    }
    await recordAudit(tx, actor, {
      action: 'review.recheck',
      entity: 'review_round',
      entityId: round.id,
      area: round,
      before: { caseId: row.id, category: row.finalCategory },
      after: {
        complaintId,
        caseId: row.id,
        category: input.outcomeCategory,
        label: CATEGORY_LABELS[input.outcomeCategory].vi,
        changed,
        repostedOn: input.repostedOn,
      },
    });
  });
  return getRound(db, actor, roundId);
}
