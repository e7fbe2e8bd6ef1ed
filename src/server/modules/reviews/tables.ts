import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { editableColumns } from '../../platform/db/columns';
import { households } from '../households/tables';
import { users } from '../users/tables';
import { villages } from '../villages/tables';

/**
 * A review round (đợt rà soát) of one commune: the periodic round of a year (its results are the
 * next year's lists) or a regular round for an application during the year. It names the standard
 * it applies and the list year it decides; its state follows src/domain/review/states.ts.
 */
export const reviewRounds = pgTable(
  'review_rounds',
  {
    id: uuid().primaryKey().defaultRandom(),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code').notNull(),
    /** The year the round is held. */
    year: integer().notNull(),
    kind: text().notNull(), // periodic | regular
    /** The list year it decides: year + 1 for a periodic round, year for a regular one. */
    listYear: integer('list_year').notNull(),
    standardId: text('standard_id').notNull(),
    windowStart: date('window_start').notNull(),
    windowEnd: date('window_end').notNull(),
    state: text().notNull().default('planned'),
    postedOn: date('posted_on'),
    postingEnds: date('posting_ends'),
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date'),
    signerName: text('signer_name'),
    /** Regular rounds: when the application was received and the 15-day deadline. */
    receivedOn: date('received_on'),
    deadline: date('deadline'),
    refusalReason: text('refusal_reason'),
    ...editableColumns(),
  },
  (t) => [
    uniqueIndex('review_rounds_periodic')
      .on(t.communeCode, t.year)
      .where(sql`${t.kind} = 'periodic'`),
    index('review_rounds_area').on(t.provinceCode, t.year, t.communeCode),
  ],
);

/** Who did each step of a round, when, and why (a reopening's reason); shown with the round. */
export const reviewRoundEvents = pgTable(
  'review_round_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => reviewRounds.id),
    action: text().notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    actorName: text('actor_name').notNull(),
    reason: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('review_round_events_round').on(t.roundId, t.at)],
);

/** Reviewers (điều tra viên) assigned to a village of a round: they see that village's work list. */
export const reviewReviewers = pgTable(
  'review_reviewers',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => reviewRounds.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    villageId: uuid('village_id')
      .notNull()
      .references(() => villages.id),
  },
  (t) => [uniqueIndex('review_reviewers_key').on(t.roundId, t.userId, t.villageId)],
);

/**
 * A household listed in a round (hộ thuộc diện rà soát): why it was listed (current list,
 * application Mẫu 01/04, village head's proposal), the survey answers and computed result, the
 * village meeting's vote, and the final category. A household is listed once per round.
 */
export const reviewCases = pgTable(
  'review_cases',
  {
    id: uuid().primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => reviewRounds.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code').notNull(),
    villageId: uuid('village_id')
      .notNull()
      .references(() => villages.id),
    /** The household as listed: code and head (the lists and the decision print these). */
    householdCode: text('household_code').notNull(),
    headName: text('head_name').notNull(),
    /** The code and head's name folded (search without accents). */
    searchKey: text('search_key').notNull(),
    /** current_poor | current_near_poor | application | village_head */
    reason: text().notNull(),
    /** The household's category on the current list when listed (null: not on a list). */
    previousCategory: text('previous_category'),
    /** Mẫu 01 or Mẫu 04: form, date received, channel, applicant, reason. */
    application: jsonb(),
    /** The village head who proposed the household (when that is why it is listed). */
    proposedBy: text('proposed_by'),
    /** pending | draft | surveyed | agreed | resurvey */
    status: text().notNull().default('pending'),
    /** The survey sheet's answers (the assessments service's input). */
    survey: jsonb(),
    /** The surveyed result as the decision will record it (the assessments service's row). */
    result: jsonb(),
    proposedCategory: text('proposed_category'),
    deprivations: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    explanation: jsonb(),
    causes: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    meetingId: uuid('meeting_id'),
    meetingPresent: integer('meeting_present'),
    meetingAgreeing: integer('meeting_agreeing'),
    finalCategory: text('final_category'),
    certificateNumber: integer('certificate_number'),
    ...editableColumns(),
  },
  (t) => [
    uniqueIndex('review_cases_household').on(t.roundId, t.householdId),
    index('review_cases_round_village').on(t.roundId, t.villageId),
    index('review_cases_area').on(t.provinceCode, t.communeCode),
    index('review_cases_of_household').on(t.householdId),
  ],
);

/** A village meeting (họp dân) of a round: date, chair, number present. */
export const reviewMeetings = pgTable(
  'review_meetings',
  {
    id: uuid().primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => reviewRounds.id),
    villageId: uuid('village_id')
      .notNull()
      .references(() => villages.id),
    heldOn: date('held_on').notNull(),
    chair: text().notNull(),
    present: integer().notNull(),
    /** Each case voted: case, household, proposed category, agreeing, agreed. */
    votes: jsonb().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('review_meetings_round').on(t.roundId, t.villageId)],
);

/** A complaint about the posted lists, its re-check (phúc tra) and outcome, and the re-posting. */
export const reviewComplaints = pgTable(
  'review_complaints',
  {
    id: uuid().primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => reviewRounds.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => reviewCases.id),
    receivedOn: date('received_on').notNull(),
    complainant: text().notNull(),
    content: text().notNull(),
    resolved: boolean().notNull().default(false),
    recheckFindings: text('recheck_findings'),
    outcomeCategory: text('outcome_category'),
    changed: boolean(),
    repostedOn: date('reposted_on'),
    ...editableColumns(),
  },
  (t) => [index('review_complaints_round').on(t.roundId)],
);

/**
 * A commune's roll-up figures of a list year as its last decision left them (tổng hợp kết quả):
 * every measure's households and persons and the deprivation totals, written in the decision's
 * transaction and dropped when the round is reopened. The province roll-up reads these for
 * decided communes instead of recounting their households (1.5 million in a province).
 */
export const reviewSummaries = pgTable(
  'review_summaries',
  {
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code').notNull(),
    listYear: integer('list_year').notNull(),
    /** The round whose decision wrote the figures. */
    roundId: uuid('round_id')
      .notNull()
      .references(() => reviewRounds.id),
    /** Measure key → [households, persons] (src/domain/review/rollup.ts). */
    figures: jsonb().notNull(),
    /** Total deprivations of the poor and of the near-poor households. */
    deprivations: jsonb().notNull(),
    writtenAt: timestamp('written_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('review_summaries_key').on(t.communeCode, t.listYear),
    index('review_summaries_area').on(t.provinceCode, t.listYear),
  ],
);

/**
 * How many writes each commune's registry and lists have seen (households, members,
 * assessments): counted by database triggers on those tables, whatever module writes
 * (migration `review_commune_changes`). A commune's live roll-up figures are reused only while
 * this count is what it was when they were counted.
 */
export const reviewCommuneChanges = pgTable('review_commune_changes', {
  communeCode: text('commune_code').primaryKey(),
  changes: bigint({ mode: 'number' }).notNull().default(0),
});

/**
 * A commune's roll-up figures counted live (no decided round of the list year covers it), kept
 * for the next roll-up: valid while the commune's `changes` and the roll-up's measures are those
 * it was counted with.
 */
export const reviewLiveCounts = pgTable(
  'review_live_counts',
  {
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code').notNull(),
    listYear: integer('list_year').notNull(),
    /** The commune's `review_commune_changes.changes` read before counting. */
    changes: bigint({ mode: 'number' }).notNull(),
    /** A digest of the measures counted (they follow the list year's standard). */
    measures: text().notNull(),
    /** As in review_summaries. */
    figures: jsonb().notNull(),
    deprivations: jsonb().notNull(),
    countedAt: timestamp('counted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.communeCode, t.listYear] }),
    index('review_live_counts_area').on(t.provinceCode, t.listYear),
  ],
);

/**
 * A bulk classification (phân loại hàng loạt) of a round's cases that have no survey sheet yet,
 * from the households' registry data: run in the background a batch at a time, its progress and
 * counts kept here. `afterCaseId` is where the next batch starts, so a restarted server resumes a
 * running job where it stopped; one job runs per round at a time.
 */
export const reviewClassifications = pgTable(
  'review_classifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => reviewRounds.id),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code').notNull(),
    /** Only this village's cases (a reviewer's job, or an officer's choice); null: the whole round. */
    villageId: uuid('village_id').references(() => villages.id),
    surveyDate: date('survey_date').notNull(),
    /** running | done | stopped (the round left the survey step, or an error) */
    state: text().notNull().default('running'),
    /** Cases without a survey sheet when the job started, and how many were handled so far. */
    total: integer().notNull(),
    done: integer().notNull().default(0),
    classified: integer().notNull().default(0),
    /** Left for a survey by hand: no surveyed income in the recent lists, or registry data missing. */
    noIncome: integer('no_income').notNull().default(0),
    incomplete: integer().notNull().default(0),
    /** Cases already surveyed by hand when the job started (never touched). */
    kept: integer().notNull(),
    /** Cases listed by an application or a village head's proposal: surveyed by hand (not touched). */
    applied: integer().notNull(),
    afterCaseId: uuid('after_case_id'),
    stopReason: text('stop_reason'),
    startedBy: uuid('started_by')
      .notNull()
      .references(() => users.id),
    startedByName: text('started_by_name').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('review_classifications_round').on(t.roundId, t.startedAt),
    uniqueIndex('review_classifications_running')
      .on(t.roundId)
      .where(sql`${t.state} = 'running'`),
  ],
);
