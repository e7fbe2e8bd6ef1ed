/**
 * The demo's household reviews. The periodic round of 2025 decided in every commune: it is the
 * review whose decision the registry's 2026 lists carry (same number and date), so each case's
 * result is the household's 2026 assessment; it is written set-wise, with the history, village
 * meetings, posting and certificates the services would have produced. The periodic round of 2026
 * (standard 2027-2030) under way in several communes at different steps, and a few regular
 * applications in Thạch Hà (one overdue, one refused with its reasons), go through the services —
 * but for most survey sheets, filled set-wise by the bulk classification's code.
 * Deterministic: dates, numbers and votes come from codes, never from generated ids.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { workingCalendar, addDays, POSTING_WORKING_DAYS } from '../../domain/review';
import type { IndicatorOverride } from '../../domain/poverty';
import { foldAccents } from '../../domain/text';
import type { Actor } from '../platform/access';
import { auditEvents } from '../platform/audit/tables';
import { rowsOf, type Db, type Executor } from '../platform/db/database';
import { householdAssessments } from '../modules/assessments/tables';
import { households } from '../modules/households/tables';
import { addCase, assignReviewer, saveSurvey } from '../modules/reviews/cases';
import { fillSheets } from '../modules/reviews/classification';
import { addComplaint, recordMeeting, resolveComplaint } from '../modules/reviews/meetings';
import { findRound, numberCertificates } from '../modules/reviews/repo';
import { reviewCases, reviewMeetings, reviewRoundEvents, reviewRounds } from '../modules/reviews/tables';
import {
  createRound,
  decideRound,
  getRound,
  startListing,
  startMeetings,
  startPosting,
  startSurvey,
} from '../modules/reviews/service';
import { users } from '../modules/users/tables';

const BATCH = 500;
const THACH_HA = '18562';
const CAM_XUYEN = '18673';
const THANH_SEN = '18073';

/** A small deterministic number from a text. */
const hashOf = (text: string) => [...text].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 100_003, 7);

const CHAIRMEN = [
  'Võ Minh Tuấn',
  'Nguyễn Văn Thành',
  'Trần Đình Hòa',
  'Lê Quang Vinh',
  'Phan Thị Hằng',
  'Đặng Văn Lâm',
];
const chairmanOf = (communeCode: string) =>
  communeCode === THACH_HA ? 'Võ Minh Tuấn' : CHAIRMEN[hashOf(communeCode) % CHAIRMEN.length]!;

const STEPS = [
  ['create', 'planned', 'planned'],
  ['start_listing', 'planned', 'listing'],
  ['start_survey', 'listing', 'surveying'],
  ['start_meetings', 'surveying', 'meetings'],
  ['start_posting', 'meetings', 'posting'],
  ['decide', 'posting', 'decided'],
] as const;

export async function seedReviews(db: Db, admin: Actor, provinceCode: string) {
  // A demo upgraded after someone already ran reviews in it by hand is left as it is.
  const [started] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${reviewRounds}`));
  if (started!.n > 0) return { rounds: 0, cases: 0, meetings: 0 };
  const decided = await seedDecided2025(db, admin, provinceCode);
  await seedUnderWay2026(db, admin);
  await seedApplications(db, admin);
  return decided;
}

interface Decision {
  communeCode: string;
  decisionNumber: string;
  decisionDate: string;
  standardId: string;
}

/** The 2025 periodic round of every commune, decided under the decision the 2026 lists carry. */
async function seedDecided2025(db: Executor, admin: Actor, provinceCode: string) {
  const decisions = rowsOf<Decision>(
    await db.execute(sql`
      select commune_code as "communeCode", min(decision_number) as "decisionNumber",
             min(decision_date)::text as "decisionDate", min(standard_id) as "standardId"
      from ${householdAssessments}
      where province_code = ${provinceCode} and year = 2026 and decision_number is not null
      group by commune_code order by commune_code`),
  );
  const rounds = await db
    .insert(reviewRounds)
    .values(
      decisions.map((d) => {
        // Posted 12 days before the decision (after the village meetings); 3 working days.
        const postedOn = addDays(d.decisionDate, -12);
        return {
          provinceCode,
          communeCode: d.communeCode,
          year: 2025,
          kind: 'periodic',
          listYear: 2026,
          standardId: d.standardId,
          windowStart: '2025-09-01',
          windowEnd: '2025-12-14',
          state: 'decided',
          postedOn,
          postingEnds: workingCalendar.periodEnd(postedOn, POSTING_WORKING_DAYS),
          decisionNumber: d.decisionNumber,
          decisionDate: d.decisionDate,
          signerName: chairmanOf(d.communeCode),
          version: STEPS.length,
        };
      }),
    )
    .returning();
  const stepDates = (r: (typeof rounds)[number]) => [
    '2025-08-20',
    '2025-09-01',
    '2025-09-15',
    addDays(r.postedOn!, -6),
    r.postedOn!,
    r.decisionDate!,
  ];
  await db.insert(reviewRoundEvents).values(
    rounds.flatMap((r) =>
      STEPS.map(([action, fromState, toState], i) => ({
        roundId: r.id,
        action,
        fromState,
        toState,
        actorId: admin.id,
        actorName: admin.fullName,
        at: new Date(`${stepDates(r)[i]}T08:00:00+07:00`),
      })),
    ),
  );
  await db.insert(auditEvents).values(
    rounds.flatMap((r) =>
      STEPS.map(([action], i) => ({
        actorId: admin.id,
        actorUsername: admin.username,
        action: `review.${action}`,
        entity: 'review_round',
        entityId: r.id,
        provinceCode,
        communeCode: r.communeCode,
        after: {
          roundId: r.id,
          year: 2025,
          kind: 'periodic',
          listYear: 2026,
          state: STEPS[i]![2],
          demoDate: stepDates(r)[i],
        },
      })),
    ),
  );

  // The cases: households on the 2025 lists, and those the 2026 lists hold that were not on them
  // (proposed by the village heads); the result of each is its 2026 assessment.
  const roundOf = new Map(rounds.map((r) => [r.communeCode, r]));
  const listed = rowsOf<{
    householdId: string;
    communeCode: string;
    villageId: string;
    code: string;
    headName: string;
    villageName: string;
    previous: string | null;
    current: typeof householdAssessments.$inferSelect;
  }>(
    await db.execute(sql`
      select h.id as "householdId", h.commune_code as "communeCode", h.village_id as "villageId", h.code,
             h.head_name as "headName", v.name as "villageName", prev.category as "previous", to_jsonb(cur) as "current"
      from ${householdAssessments} cur
      join ${households} h on h.id = cur.household_id
      join villages v on v.id = h.village_id
      left join ${householdAssessments} prev on prev.household_id = cur.household_id and prev.year = 2025
      where cur.province_code = ${provinceCode} and cur.year = 2026 and cur.decision_number is not null
        and (cur.category in ('poor', 'near_poor') or prev.category in ('poor', 'near_poor'))
      order by h.commune_code, h.code`),
  );
  // A meeting per village, a few days before the posting: 25–40 present, nearly all agreeing.
  const meetings = new Map<string, { roundId: string; villageId: string; present: number; heldOn: string }>();
  for (const c of listed) {
    const round = roundOf.get(c.communeCode)!;
    if (!meetings.has(c.villageId))
      meetings.set(c.villageId, {
        roundId: round.id,
        villageId: c.villageId,
        present: 25 + (hashOf(`${c.communeCode}:${c.villageName}`) % 16),
        heldOn: addDays(round.postedOn!, -5 + (hashOf(c.villageName) % 3)),
      });
  }
  const agreeing = (code: string, present: number) => present - (hashOf(code) % 6);
  const meetingRows = await db
    .insert(reviewMeetings)
    .values(
      [...meetings.values()].map((m) => ({
        ...m,
        chair: 'Trưởng thôn',
        votes: listed
          .filter((c) => c.villageId === m.villageId)
          .map((c) => ({
            householdId: c.householdId,
            householdCode: c.code,
            headName: c.headName,
            proposedCategory: c.current.category,
            agreeing: agreeing(c.code, m.present),
            agreed: true,
          })),
      })),
    )
    .returning({ id: reviewMeetings.id, villageId: reviewMeetings.villageId });
  const meetingOf = new Map(meetingRows.map((m) => [m.villageId, m.id]));
  const caseRows = listed.map((c) => {
    const a = snakeToAssessment(c.current);
    const present = meetings.get(c.villageId)!.present;
    const onList = c.previous === 'poor' || c.previous === 'near_poor';
    return {
      roundId: roundOf.get(c.communeCode)!.id,
      householdId: c.householdId,
      provinceCode,
      communeCode: c.communeCode,
      villageId: c.villageId,
      householdCode: c.code,
      headName: c.headName,
      searchKey: foldAccents(`${c.code} ${c.headName}`),
      reason: onList ? `current_${c.previous}` : 'village_head',
      previousCategory: onList ? c.previous : null,
      proposedBy: onList ? null : `Trưởng ${c.villageName.toLowerCase()}`,
      status: 'agreed',
      survey: {
        draft: false,
        surveyDate: a.surveyDate,
        incomePerCapitaMonthly: a.incomePerCapitaMonthly,
        incomeScore: a.incomeScore,
        overrides: [],
        causes: a.causes,
        note: null,
      },
      result: a,
      proposedCategory: a.category,
      deprivations: a.deprivations,
      causes: a.causes,
      meetingId: meetingOf.get(c.villageId)!,
      meetingPresent: present,
      meetingAgreeing: agreeing(c.code, present),
      finalCategory: a.category,
      version: 3,
    };
  });
  for (let i = 0; i < caseRows.length; i += BATCH) await db.insert(reviewCases).values(caseRows.slice(i, i + BATCH));
  // The votes name their cases, as recorded meetings do.
  await db.execute(sql`
    update ${reviewMeetings} m set votes = (
      select jsonb_agg(v || jsonb_build_object('caseId', c.id) order by c.household_code)
      from jsonb_array_elements(m.votes) v
      join ${reviewCases} c on c.round_id = m.round_id and c.household_id = (v->>'householdId')::uuid)
    where m.round_id in (select id from ${reviewRounds} where year = 2025 and kind = 'periodic')`);
  for (const r of rounds) await numberCertificates(db, r.id);
  return { rounds: rounds.length, cases: caseRows.length, meetings: meetingRows.length };
}

/** The assessment row as JSON (snake_case columns) → the row the decision records (camelCase). */
function snakeToAssessment(row: unknown) {
  const r = row as Record<string, unknown>;
  return {
    householdId: r.household_id as string,
    provinceCode: r.province_code as string,
    communeCode: r.commune_code as string,
    year: r.year as number,
    standardId: r.standard_id as string,
    standardVersion: r.standard_version as number,
    source: r.source as string,
    surveyDate: r.survey_date as string,
    area: r.area as string,
    incomePerCapitaMonthly: Number(r.income_per_capita_monthly),
    incomeScore: (r.income_score as number | null) ?? null,
    facts: r.facts,
    indicators: r.indicators,
    deprivations: r.deprivations as string[],
    deprivationCount: r.deprivation_count as number,
    category: r.category as string,
    rule: r.rule as string,
    causes: r.causes as string[],
    note: (r.note as string | null) ?? null,
  };
}

/** Sheets a surveyor saved by hand in each round, each with the use of digital services as seen on the visit. */
const BY_HAND = 3;

/**
 * Each listed household surveyed with its latest income (as the registry knows it). The first
 * few sheets were saved by hand, each with the indicator the registry cannot tell decided by the
 * surveyor with a reason; the rest are filled set-wise as the bulk classification fills sheets
 * (the same derivation, one statement a batch) — a sheet at a time through the services would
 * make the demo's first start wait.
 */
async function surveyAll(db: Db, admin: Actor, roundId: string, surveyDate: string, share = 1) {
  const cases = await db
    .select({
      id: reviewCases.id,
      householdId: reviewCases.householdId,
      code: reviewCases.householdCode,
      version: reviewCases.version,
    })
    .from(reviewCases)
    .where(eq(reviewCases.roundId, roundId))
    .orderBy(asc(reviewCases.householdCode));
  const incomes = new Map(
    rowsOf<{ householdId: string; income: string }>(
      await db.execute(sql`
        select household_id as "householdId", income_per_capita_monthly as income from ${householdAssessments}
        where year = 2026 and household_id in (select household_id from ${reviewCases} where round_id = ${roundId})`),
    ).map((r) => [r.householdId, Number(r.income)]),
  );
  const count = Math.ceil(cases.length * share);
  const sheets = cases.slice(0, count).map((c, i) => ({
    case: c,
    answers: {
      // The last sheet of a partial survey is still a draft.
      draft: share < 1 && i === count - 1,
      surveyDate,
      // Incomes grew a little over the year.
      incomePerCapitaMonthly:
        Math.round(((incomes.get(c.householdId) ?? 2_000_000) * (1.04 + (hashOf(c.code) % 10) / 100)) / 1000) * 1000,
      incomeScore: null,
      overrides: [] as IndicatorOverride[],
      causes: [],
      note: null,
    },
  }));
  for (const [i, { case: c, answers }] of sheets.slice(0, BY_HAND).entries())
    await saveSurvey(db, admin, roundId, c.id, { ...answers, version: c.version, overrides: [DIGITAL[i % 2]!] });
  const round = (await findRound(db, roundId, admin.scope))!;
  for (let i = BY_HAND; i < sheets.length; i += BATCH) await fillSheets(db, admin, round, sheets.slice(i, i + BATCH));
  return cases;
}

/** What a surveyor saw of the household's use of digital services (2027-2030), and said why. */
const DIGITAL: IndicatorOverride[] = [
  {
    indicator: 'digital_services',
    deprived: false,
    reason: 'Các thành viên dùng điện thoại thông minh: Zalo, nộp học phí và nhận tiền qua ví điện tử.',
  },
  {
    indicator: 'digital_services',
    deprived: true,
    reason: 'Cả nhà chỉ dùng điện thoại bàn phím để nghe gọi; không ai dùng internet hay dịch vụ số.',
  },
];

/** The 2026 periodic round (for the 2027 lists) as it stands in late November 2026. */
async function seedUnderWay2026(db: Db, admin: Actor) {
  const open = async (communeCode: string) => {
    const round = await createRound(db, admin, { communeCode, year: 2026, kind: 'periodic' });
    return startListing(db, admin, round.id, round.version);
  };
  // Thạch Hà: surveying, two thirds of the sheets done; the demo reviewer has Thôn 1.
  let round = await open(THACH_HA);
  round = await startSurvey(db, admin, round.id, round.version);
  const reviewer = (await db.select().from(users).where(eq(users.username, 'dtv.thachha')))[0];
  const thon1 = rowsOf<{ id: string }>(
    await db.execute(sql`select id from villages where commune_code = ${THACH_HA} and name = 'Thôn 1'`),
  )[0];
  if (reviewer && thon1) await assignReviewer(db, admin, round.id, { userId: reviewer.id, villageId: thon1.id });
  await surveyAll(db, admin, round.id, '2026-10-20', 2 / 3);

  // Cẩm Xuyên: every sheet done, the village meetings under way (the first village has met).
  round = await open(CAM_XUYEN);
  round = await startSurvey(db, admin, round.id, round.version);
  await surveyAll(db, admin, round.id, '2026-10-15');
  round = await startMeetings(db, admin, round.id, round.version);
  await meetFirstVillage(db, admin, round.id, '2026-11-12');

  // Thành Sen: posted on 24 November after every meeting agreed, with a complaint re-checked.
  round = await open(THANH_SEN);
  round = await startSurvey(db, admin, round.id, round.version);
  await surveyAll(db, admin, round.id, '2026-10-10');
  round = await startMeetings(db, admin, round.id, round.version);
  while (await meetFirstVillage(db, admin, round.id, '2026-11-16'));
  round = await getRound(db, admin, round.id);
  round = await startPosting(db, admin, round.id, { version: round.version, postedOn: '2026-11-24' });
  const [first] = await db
    .select()
    .from(reviewCases)
    .where(eq(reviewCases.roundId, round.id))
    .orderBy(asc(reviewCases.householdCode))
    .limit(1);
  const detail = await addComplaint(db, admin, round.id, {
    caseId: first!.id,
    receivedOn: '2026-11-25',
    complainant: 'Nguyễn Thị Bình',
    content: 'Đề nghị xem lại thu nhập của hộ: con trai đã đi làm xa gửi tiền về.',
  });
  const complaint = detail.complaints[0]!;
  await resolveComplaint(db, admin, round.id, complaint.id, {
    version: complaint.version,
    findings: 'Tiền gửi về không thường xuyên; thu nhập bình quân vẫn như phiếu điều tra. Giữ nguyên kết quả.',
    outcomeCategory: first!.finalCategory as 'poor',
    repostedOn: null,
  });

  // Hương Sơn's Sơn Tây and Kỳ Anh: listing; two more planned.
  for (const code of ['18133', '18838']) await open(code);
  for (const code of ['18163', '18313'])
    await createRound(db, admin, { communeCode: code, year: 2026, kind: 'periodic' });
}

/** A meeting of the first village with surveyed cases; all agreed by most of the 30 present. False when none is left. */
async function meetFirstVillage(db: Db, admin: Actor, roundId: string, heldOn: string) {
  const cases = await db
    .select()
    .from(reviewCases)
    .where(and(eq(reviewCases.roundId, roundId), eq(reviewCases.status, 'surveyed')))
    .orderBy(asc(reviewCases.householdCode));
  if (cases.length === 0) return false;
  const villageId = cases[0]!.villageId;
  await recordMeeting(db, admin, roundId, {
    villageId,
    heldOn,
    chair: 'Trưởng thôn',
    present: 30,
    votes: cases
      .filter((c) => c.villageId === villageId)
      .map((c) => ({ caseId: c.id, agreeing: 24 + (hashOf(c.householdCode) % 6) })),
  });
  return true;
}

/**
 * Regular applications in Thạch Hà from households on neither list (so none is in the 2025 round):
 * one decided on time, one overdue, one refused with its reasons.
 */
async function seedApplications(db: Db, admin: Actor) {
  const applicants = rowsOf<{ id: string; code: string; headName: string; villageId: string }>(
    await db.execute(sql`
      select h.id, h.code, h.head_name as "headName", h.village_id as "villageId" from ${households} h
      where h.commune_code = ${THACH_HA} and not exists (
        select 1 from ${householdAssessments} a
        where a.household_id = h.id and a.year in (2025, 2026) and a.category in ('poor', 'near_poor'))
      order by h.code limit 4`),
  );
  const apply = async (index: number, receivedOn: string, content: string) => {
    const h = applicants[index]!;
    let round = await createRound(db, admin, { communeCode: THACH_HA, year: 2026, kind: 'regular' });
    round = await startListing(db, admin, round.id, round.version);
    const listed = await addCase(db, admin, round.id, {
      householdId: h.id,
      reason: 'application',
      application: {
        form: 'mau_01',
        receivedOn,
        channel: index === 1 ? 'post' : 'in_person',
        applicantName: h.headName,
        content,
      },
    });
    round = await getRound(db, admin, round.id);
    round = await startSurvey(db, admin, round.id, round.version);
    return { round, listed, household: h };
  };
  /** An application surveyed, agreed by its village, posted and decided on the dates given. */
  const decide = async (
    index: number,
    receivedOn: string,
    content: string,
    dates: { survey: string; meeting: string; posted: string; decided: string },
    income: number,
    decision: { number: string; refusalReason?: string },
  ) => {
    const { round: applied, listed, household } = await apply(index, receivedOn, content);
    await saveSurvey(db, admin, applied.id, listed.id, {
      version: listed.version,
      draft: false,
      surveyDate: dates.survey,
      incomePerCapitaMonthly: income,
      incomeScore: null,
      overrides: [],
      causes: decision.refusalReason ? [] : ['illness_or_accident'],
      note: null,
    });
    let round = await startMeetings(db, admin, applied.id, (await getRound(db, admin, applied.id)).version);
    await recordMeeting(db, admin, round.id, {
      villageId: household.villageId,
      heldOn: dates.meeting,
      chair: 'Trưởng thôn',
      present: 22,
      votes: [{ caseId: listed.id, agreeing: 19 }],
    });
    round = await startPosting(db, admin, round.id, { version: round.version, postedOn: dates.posted });
    await decideRound(db, admin, round.id, {
      version: round.version,
      decisionNumber: decision.number,
      decisionDate: dates.decided,
      signerName: 'Võ Minh Tuấn',
      refusalReason: decision.refusalReason ?? null,
    });
  };
  // Decided within its 15 days: the husband was injured at work, the income collapsed.
  await decide(
    0,
    '2026-06-03',
    'Chồng bị tai nạn lao động, mất khả năng lao động',
    { survey: '2026-06-08', meeting: '2026-06-10', posted: '2026-06-11', decided: '2026-06-17' },
    1_100_000,
    { number: '58/QĐ-UBND' },
  );
  // Refused, with the written reasons the applicant receives.
  await decide(
    3,
    '2026-08-04',
    'Đề nghị công nhận hộ cận nghèo do con đi học xa',
    { survey: '2026-08-07', meeting: '2026-08-10', posted: '2026-08-11', decided: '2026-08-18' },
    5_400_000,
    {
      number: '77/QĐ-UBND',
      refusalReason:
        'Thu nhập bình quân 5.400.000 đồng/người/tháng, cao hơn chuẩn cận nghèo; hộ không thiếu hụt dịch vụ xã hội cơ bản nào.',
    },
  );
  // Overdue: received on 2 November, still being surveyed.
  await apply(1, '2026-11-02', 'Nhà bị tốc mái sau bão, mất mùa');
  // The third is still at its survey, due soon after the demo's date.
  await apply(2, '2026-11-27', 'Gia đình có người khuyết tật nặng, thu nhập thấp');
}
