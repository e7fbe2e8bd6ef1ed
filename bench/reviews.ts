/**
 * The yearly review at scale (issue 4): a province of N households (default 1,500,000, three
 * persons each) over the 69 communes of Hà Tĩnh, one commune (Thạch Hà) holding 15,000 of them
 * in 10 villages, with the 2024–2026 lists generated in SQL (6 % poor, 5 % near-poor each year,
 * with every kind of movement). Then, through the services:
 *  - Thạch Hà's 2026 periodic round: listing (the current lists), the work list pages, the bulk
 *    classification of every case (a background job, its progress polled), village meetings,
 *    posting and the decision;
 *  - the province roll-up of the 2025 review over all households, its Excel tables, and the
 *    households behind one cell;
 *  - the roll-up of the 2026 review while the communes review (only Thạch Hà decided): every
 *    commune counted live, then read back, then after a write in one commune; and Thạch Hà's
 *    decision again (reopened, decided), with EXPLAIN ANALYZE of its statements' costs.
 *   DATABASE_URL=… npx tsx bench/reviews.ts [households]   (the database is emptied)
 *   DATABASE_URL=… npx tsx bench/reviews.ts --reuse        (on the last run's data: the roll-ups, the decision again)
 * Results: docs/benchmarks.md.
 */
import { eq, sql, TransactionRollbackError } from 'drizzle-orm';
import os from 'node:os';
import { ROLES } from '../src/domain/access';
import { fixedMeasures } from '../src/domain/review/rollup';
import { ensureAdminUnits } from '../src/server/modules/admin-units/reference-data';
import { listCases } from '../src/server/modules/reviews/cases';
import {
  classificationFinished,
  latestClassification,
  startClassification,
} from '../src/server/modules/reviews/classification';
import { recordMeeting } from '../src/server/modules/reviews/meetings';
import { cellHouseholds, rollupOfYear, summariseDecision } from '../src/server/modules/reviews/rollup';
import { figuresByCommune } from '../src/server/modules/reviews/rollup-repo';
import { rollupWorkbook } from '../src/server/modules/reviews/rollup-excel';
import {
  createRound,
  decideRound,
  reopenRound,
  startListing,
  startMeetings,
  startPosting,
  startSurvey,
} from '../src/server/modules/reviews/service';
import { reviewRounds } from '../src/server/modules/reviews/tables';
import { ensureSystemAdministrator } from '../src/server/modules/users/service';
import type { Actor } from '../src/server/platform/access';
import { loadConfig } from '../src/server/platform/config';
import { openDatabase, rowsOf } from '../src/server/platform/db/database';

/** `--reuse`: roll up the province generated (and the round decided) by the previous run. */
const reuse = process.argv.includes('--reuse');
const total = reuse ? 0 : Number(process.argv[2] ?? 1_500_000);
const COMMUNE = '18562';
const IN_COMMUNE = 15_000;
const config = loadConfig();
if (config.engine !== 'postgres') throw new Error('Set DATABASE_URL: this benchmark targets PostgreSQL.');
const database = await openDatabase({ engine: 'postgres', url: config.databaseUrl! });
const db = database.db;
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const report = (what: string, value: string) => console.log(`${what.padEnd(58)} ${value}`);
async function timed<T>(what: string, work: () => Promise<T>, detail: (r: T) => string = () => '') {
  const start = process.hrtime.bigint();
  const result = await work();
  report(what, `${ms(start).toFixed(0)} ms ${detail(result)}`);
  return result;
}

console.log(
  `PostgreSQL, ${reuse ? 'the last run’s' : total.toLocaleString('en')} households, node ${process.version}, ${os.cpus().length} cores`,
);
try {
  if (!reuse) await generate();
  else await database.migrate();
  const admin = await actor();
  // The commune's round once per generated province (a `--reuse` run decides it again).
  const [reviewed] = await db
    .select()
    .from(reviewRounds)
    .where(
      sql`${reviewRounds.communeCode} = ${COMMUNE} and ${reviewRounds.year} = 2026 and ${reviewRounds.kind} = 'periodic'`,
    );
  if (!reviewed) await reviewCommune(admin);
  await decide2025(admin);
  await rollUp(admin);
  await rollUpWhileReviewing(admin);
  if (reviewed) await decideAgain(admin, reviewed);
} finally {
  await database.close();
}

async function actor(): Promise<Actor> {
  await ensureSystemAdministrator(db, 'bench-password-123');
  const [row] = rowsOf<{ id: string; full_name: string }>(
    await db.execute(sql`select id, full_name from users where username = 'admin'`),
  );
  return { id: row!.id, username: 'admin', fullName: row!.full_name, roles: [...ROLES], scope: { level: 'national' } };
}

async function generate() {
  await db.execute(sql`drop schema if exists public cascade`);
  await db.execute(sql`drop schema if exists drizzle cascade`);
  await db.execute(sql`create schema public`);
  await database.migrate();
  await ensureAdminUnits(db);
  // Thạch Hà: 10 villages; every other commune of Hà Tĩnh: one.
  await db.execute(sql`
    insert into villages (province_code, commune_code, name, kind, sort_key, search_key)
    select parent_code, code, 'Thôn ' || n, 'thon', 'thon ' || n, 'thon ' || n
    from admin_units, generate_series(1, case when code = ${COMMUNE} then 10 else 1 end) n
    where valid_to is null and level = 'commune' and parent_code = '42'`);
  await timed('generate households (SQL)', () =>
    db.execute(sql`
      with own as (select array_agg(id order by id) as ids from villages where commune_code = ${COMMUNE}),
      others as (select array_agg(id order by id) as ids from villages where commune_code <> ${COMMUNE}),
      picked as (
        select g, case when g < ${IN_COMMUNE} then own.ids[1 + g % 10] else others.ids[1 + g % cardinality(others.ids)] end as vid
        from generate_series(0, ${total - 1}) g, own, others)
      insert into households (province_code, commune_code, village_id, code, head_name, address, area, ethnic_minority,
        policy_flags, walls, frame, roof, floor_area, clean_water, hygienic_latrine, telecom_subscription, devices,
        hears_loudspeaker, sort_key, search_key)
      select v.province_code, v.commune_code, v.id, 'HO' || lpad(g::text, 7, '0'), 'Chủ hộ ' || g, 'Thôn', 'rural',
        g % 13 = 0, case when g % 11 = 0 then array['merit_family'] else '{}'::text[] end,
        'durable', 'durable', 'non_durable', 40, true, g % 3 = 0, true, array['phone'], true, 'chu ho ' || g, ''
      from picked join villages v on v.id = picked.vid`),
  );
  await timed('generate members, 3 per household (SQL)', () =>
    db.execute(sql`
      insert into household_members (household_id, province_code, commune_code, position, full_name, date_of_birth, sex,
        relation, ethnicity, health_insurance, education, work, sort_key, search_key, name_key)
      select h.id, h.province_code, h.commune_code, k, 'Thành viên ' || k,
        (array[date '1975-03-01', date '1978-06-01', date '2012-09-01'])[k + 1], (array['male', 'female', 'male'])[k + 1],
        (array['head', 'spouse', 'child'])[k + 1], case when h.ethnic_minority then 'Thái' else 'Kinh' end,
        k <> 1, (array['lower_secondary', 'primary', null])[k + 1], (array['own_account', 'own_account', null])[k + 1],
        'thanh vien', '', 'thanh vien'
      from households h cross join generate_series(0, 2) k`),
  );
  // By g % 100 — 2025: 0–4 poor, 5–9 near-poor; 2026: 0–2 stay poor, 3 near-poor, 4 above, 5 near-poor → poor,
  // 6–8 stay near-poor, 9 average, 10 newly poor, 11 newly near-poor, 12 fell back (poor in 2024).
  // Without the row trigger that keeps the members' facts on each assessment (a lookup per row:
  // hours for 300,000 rows); the roll-up and the review read no such facts.
  await db.execute(sql`alter table household_assessments disable trigger assessment_member_facts`);
  await timed('generate the 2024–2026 lists (SQL)', async () => {
    for (const [year, cases] of [
      [2024, sql`case when g % 100 = 12 then 'poor' end`],
      [2025, sql`case when g % 100 < 5 then 'poor' when g % 100 < 10 then 'near_poor' end`],
      [
        2026,
        sql`case when g % 100 in (0, 1, 2, 5, 10, 12) then 'poor' when g % 100 in (3, 6, 7, 8, 11) then 'near_poor'
          when g % 100 = 4 then 'not_poor' when g % 100 = 9 then 'average' end`,
      ],
    ] as const)
      // 2026's lists were surveyed (the income a bulk classification carries forward); earlier ones imported.
      await db.execute(sql`
        insert into household_assessments (household_id, province_code, commune_code, year, standard_id, standard_version,
          source, survey_date, area, income_per_capita_monthly, indicators, deprivations, deprivation_count, category, rule, causes)
        select h.id, h.province_code, h.commune_code, ${year}, '2022-2025', 1, ${year === 2026 ? 'survey' : 'import'},
          ${`${year - 1}-10-15`}, 'rural', (array[1200000, 1900000, 2600000, 4000000])[1 + n.g % 4], '[]'::jsonb,
          array['health_insurance', 'sanitation'], 2, c.category, 'imported', array['no_capital']
        from households h, lateral (select substring(h.code from 3)::int as g) n, lateral (select ${cases} as category) c
        where c.category is not null`);
  });
  await db.execute(sql`alter table household_assessments enable trigger assessment_member_facts`);
  await timed('analyse', () => db.execute(sql`analyze`));
}

async function reviewCommune(admin: Actor) {
  let round = await createRound(db, admin, { communeCode: COMMUNE, year: 2026, kind: 'periodic' });
  round = await timed(
    `commune of ${IN_COMMUNE.toLocaleString('en')}: listing (current lists)`,
    () => startListing(db, admin, round.id, round.version),
    (r) => `${r.counts.cases} cases`,
  );
  const query = { limit: 20, offset: 0, sort: 'code', order: 'asc' } as const;
  await timed('commune: work list, first page', () => listCases(db, admin, round.id, query as never));
  await timed('commune: work list, search "ho0001"', () =>
    listCases(db, admin, round.id, { ...query, q: 'ho0001' } as never),
  );
  round = await startSurvey(db, admin, round.id, round.version);
  const cases = rowsOf<{ id: string; version: number; village_id: string; household_code: string }>(
    await db.execute(
      sql`select id, version, village_id, household_code from review_cases where round_id = ${round.id}`,
    ),
  );
  // Bulk classification: started (the answer the page gets), then its progress as the page polls it.
  const start = process.hrtime.bigint();
  const job = await startClassification(db, admin, round.id, { surveyDate: '2026-10-15' });
  report('commune: bulk classification started (answer)', `${ms(start).toFixed(0)} ms, ${job.total} cases`);
  let seen = -1;
  for (;;) {
    const { job: now } = await latestClassification(db, admin, round.id);
    if (now!.done !== seen && (now!.done > 0 || now!.state !== 'running'))
      report(`  progress ${now!.done}/${now!.total}`, `${ms(start).toFixed(0)} ms`);
    seen = now!.done;
    if (now!.state !== 'running') {
      report(
        `commune: bulk classification of ${now!.total} cases`,
        `${ms(start).toFixed(0)} ms — ${now!.classified} classified, ${now!.noIncome} no income, ${now!.incomplete} incomplete`,
      );
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await classificationFinished(job.id);
  round = await startMeetings(db, admin, round.id, round.version);
  const villages = [...new Set(cases.map((c) => c.village_id))];
  await timed(`commune: village meetings (${villages.length}, every case voted)`, async () => {
    for (const villageId of villages)
      await recordMeeting(db, admin, round.id, {
        villageId,
        heldOn: '2026-10-25',
        chair: 'Trưởng thôn',
        present: 60,
        votes: cases.filter((c) => c.village_id === villageId).map((c) => ({ caseId: c.id, agreeing: 45 })),
      });
  });
  round = await timed('commune: posting', () =>
    startPosting(db, admin, round.id, { version: round.version, postedOn: '2026-11-02' }),
  );
  await timed(
    'commune: decision (results become the 2027 lists)',
    () =>
      decideRound(db, admin, round.id, {
        version: round.version,
        decisionNumber: '245/QĐ-UBND',
        decisionDate: '2026-11-20',
        signerName: 'Chủ tịch',
      }),
    (r) => r.state,
  );
}

/**
 * The 2025 periodic round of every commune, decided (its lists were generated in SQL above): each
 * decision's summary is written by the function the decision calls, timed per commune.
 */
async function decide2025(admin: Actor) {
  const [{ n }] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from review_rounds where year = 2025 and state = 'decided'`),
  ) as [{ n: number }];
  if (n > 0) return;
  const province: Actor = { ...admin, scope: { level: 'province', provinceCode: '42' } };
  await timed('province roll-up, no commune decided (all counted live)', () =>
    rollupOfYear(db, province, { year: 2025 }),
  );
  const communes = rowsOf<{ code: string }>(
    await db.execute(
      sql`select code from admin_units where valid_to is null and level = 'commune' and parent_code = '42'`,
    ),
  );
  const times: number[] = [];
  const compared: { without: number; with: number }[] = [];
  for (const { code } of communes) {
    const round = await createRound(db, admin, { communeCode: code, year: 2025, kind: 'periodic' });
    const [row] = await db
      .update(reviewRounds)
      .set({ state: 'decided', decisionNumber: '45/QĐ-UBND', decisionDate: '2025-12-10' })
      .where(eq(reviewRounds.id, round.id))
      .returning();
    const start = process.hrtime.bigint();
    await db.transaction((tx) => summariseDecision(tx, row!));
    times.push(ms(start));
    // The members index by commune, measured against its absence (dropped in a transaction rolled back).
    if (compared.length < 5) {
      const summary = async (dropped: boolean) => {
        const begun = process.hrtime.bigint();
        let took = 0;
        await db
          .transaction(async (tx) => {
            if (dropped) await tx.execute(sql`drop index household_members_commune`);
            await summariseDecision(tx, row!);
            took = ms(begun);
            tx.rollback();
          })
          .catch((error: unknown) => {
            if (!(error instanceof TransactionRollbackError)) throw error;
          });
        return took;
      };
      compared.push({ without: await summary(true), with: await summary(false) });
    }
  }
  times.sort((a, b) => a - b);
  report(
    `2025 decisions' summaries (${communes.length} communes)`,
    `median ${times[times.length >> 1]!.toFixed(0)} ms, worst ${times.at(-1)!.toFixed(0)} ms per commune`,
  );
  for (const c of compared)
    report(
      '  a summary again: without / with the members index by commune',
      `${c.without.toFixed(0)} / ${c.with.toFixed(0)} ms`,
    );
}

async function rollUp(admin: Actor) {
  const province: Actor = { ...admin, scope: { level: 'province', provinceCode: '42' } };
  const commune: Actor = { ...admin, scope: { level: 'commune', provinceCode: '42', communeCode: COMMUNE } };
  const view = await timed(
    'province roll-up of the 2025 review',
    () => rollupOfYear(db, province, { year: 2025 }),
    (v) =>
      `${v.total.figures.households![0].toLocaleString('en')} households in ${v.communes.length} communes, ${v.total.figures.poor![0].toLocaleString('en')} poor in 2026`,
  );
  await timed('province roll-up, again (warm cache)', () => rollupOfYear(db, province, { year: 2025 }));
  const file = await timed(
    'the roll-up as Excel tables (8 sheets)',
    () => rollupWorkbook(view),
    (b) => `${(b.length / 1024).toFixed(0)} KiB`,
  );
  void file;
  await timed('commune roll-up, 2026 review (after its decision)', () => rollupOfYear(db, commune, { year: 2026 }));
  await timed(
    'households behind a cell (Thạch Hà, newly poor 2026)',
    () =>
      cellHouseholds(db, province, { year: 2025, commune: COMMUNE, measure: 'poor.in_newly', limit: 50, offset: 0 }),
    (r) => `${r.total} households`,
  );
}

/**
 * The 2026 review as in November 2026: only Thạch Hà has decided, every other commune is counted
 * live. First with nothing kept (as the page's first opening: the progress each batch tells),
 * then with every commune kept, then after one household of a commune is edited.
 */
async function rollUpWhileReviewing(admin: Actor) {
  const province: Actor = { ...admin, scope: { level: 'province', provinceCode: '42' } };
  await db.execute(sql`delete from review_live_counts`);
  const start = process.hrtime.bigint();
  const told: string[] = [];
  const view = await rollupOfYear(db, province, { year: 2026 }, (done, total) =>
    told.push(`${done}/${total} at ${(ms(start) / 1000).toFixed(1)} s`),
  );
  report('2026 review, communes reviewing: nothing kept (all counted)', `${ms(start).toFixed(0)} ms`);
  report('  progress told', told.join(', '));
  await timed('2026 review: every commune kept', () => rollupOfYear(db, province, { year: 2026 }));
  await db.execute(sql`update households set policy_flags = policy_flags
    where id = (select id from households where commune_code <> ${COMMUNE} and province_code = '42' limit 1)`);
  await timed('2026 review: after a household of one commune is edited', () =>
    rollupOfYear(db, province, { year: 2026 }),
  );
  // What the roll-up did before the kept counts: every undecided commune in one statement.
  const live = view.communes.filter((c) => c.source !== 'decision').map((c) => c.code);
  const measures = fixedMeasures(view.indicators.map((i) => i.key));
  await timed(`2026 review: the ${live.length} communes in one statement (as before)`, () =>
    figuresByCommune(db, { scope: province.scope, provinceCode: '42', communes: live, listYear: 2027 }, measures),
  );
}

/** Thạch Hà's 2026 round reopened and decided again: the decision's cost on the last run's commune. */
async function decideAgain(admin: Actor, round: typeof reviewRounds.$inferSelect) {
  if (round.state !== 'decided') return;
  const reopened = await reopenRound(db, admin, round.id, {
    version: round.version,
    reason: 'Đo lại thời gian quyết định',
  });
  await timed('commune: decision again (reopened, decided)', () =>
    decideRound(db, admin, round.id, {
      version: reopened.version,
      decisionNumber: '246/QĐ-UBND',
      decisionDate: '2026-11-21',
      signerName: 'Chủ tịch',
    }),
  );
}
