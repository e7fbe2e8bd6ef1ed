import {
  applyOverrides,
  CATEGORIES,
  CATEGORY_LABELS,
  classify,
  derive,
  deprivedIndicators,
  standardForYear,
  type AssessedIndicator,
  type Category,
  type ExplainedClassification,
  type HouseholdFacts,
  type Localized,
  type StandardDefinition,
  withoutHealthDetail,
} from '../../../domain/poverty';
import type { PovertyCause } from '../../../domain/registry/codes';
import { todayInVietnam } from '../../../domain/calendar';
import { movements } from '../../../domain/registry/movement';
import { scopeCovers, type Area } from '../../../domain/access';
import { requireInScope, type Actor } from '../../platform/access';
import { recordAudit, recordAudits } from '../../platform/audit/audit';
import type { Db, Executor } from '../../platform/db/database';
import { AppError, errors, whenUniqueViolated } from '../../platform/errors';
import type { OnProgress } from '../../platform/progress';
import { requireCurrentUnit } from '../admin-units/service';
import { getHousehold, householdsToAssess, lockHousehold } from '../households/service';
import { requireVillage, villageNames } from '../villages/service';
import { householdPolicy, maskPersonal } from '../households/policy';
import type { HouseholdView } from '../households/schemas';
import { asInputError, requireStandard, standardsIn, statusOf } from '../poverty/service';
import { householdFactsAt, type HouseholdRecord } from './facts';
import * as repo from './repo';
import type { AssessmentInput, AssessmentPreview, AssessmentView, ComparisonReq } from './schemas';

const yearTaken = (year: number) => () =>
  errors.conflict(
    'assessment_exists',
    `Hộ đã có kết quả đánh giá năm ${year}; hãy sửa kết quả đó.`,
    `The household already has an assessment for ${year}; edit that one.`,
    'year',
  );
const notFound = () => errors.notFound('kết quả đánh giá', 'Assessment');

/** The standard asked for, or the one in force for the year; it must apply to that year. */
function standardFor(all: readonly StandardDefinition[], input: Pick<AssessmentInput, 'year' | 'standard'>) {
  const id = input.standard ?? standardForYear(input.year, all)?.id;
  if (!id)
    throw errors.invalid(
      'standard',
      `Chưa có chuẩn nghèo áp dụng cho năm ${input.year}; hãy chọn chuẩn.`,
      `No standard applies to ${input.year}; name one.`,
    );
  const standard = requireStandard(all, id);
  if (!standard.years.includes(input.year))
    throw errors.invalid(
      'standard',
      `Chuẩn nghèo ${standard.id} áp dụng cho các năm ${standard.years.join(', ')}, không cho năm ${input.year}.`,
      `Standard ${standard.id} applies to ${standard.years.join(', ')}, not ${input.year}.`,
    );
  return standard;
}

/**
 * A periodic review (from 1 September) decides the next year's list; a regular one during the
 * year decides that year's. Today is Vietnam's date.
 */
function checkSurveyDate(surveyDate: string, year: number, field = 'surveyDate') {
  if (surveyDate < `${year - 1}-09-01` || surveyDate > `${year}-12-31`)
    throw errors.invalid(
      field,
      `Ngày điều tra phải từ 01/09/${year - 1} đến 31/12/${year} để xác định danh sách năm ${year}.`,
      `The survey date must fall between ${year - 1}-09-01 and ${year}-12-31 to decide the ${year} list.`,
    );
  if (surveyDate > todayInVietnam())
    throw errors.invalid(field, 'Ngày điều tra chưa đến.', 'The survey date is in the future.');
}

type Catalogue = readonly StandardDefinition[];

interface Evaluated {
  standard: StandardDefinition;
  facts: HouseholdFacts;
  indicators: AssessedIndicator[];
  result: ExplainedClassification;
}

function evaluate(all: Catalogue, household: HouseholdRecord, input: AssessmentInput): Evaluated {
  checkSurveyDate(input.surveyDate, input.year);
  const standard = standardFor(all, input);
  const facts = householdFactsAt(household, input.surveyDate);
  try {
    const indicators = applyOverrides(derive(standard, facts, input.surveyDate), input.overrides);
    const result = classify(
      standard,
      {
        area: household.area,
        incomePerCapitaMonthly: input.incomePerCapitaMonthly,
        deprivations: deprivedIndicators(indicators),
      },
      { explain: true },
    );
    return { standard, facts, indicators, result };
  } catch (error) {
    return asInputError(error);
  }
}

function rowFrom(household: HouseholdRecord, input: AssessmentInput, e: Evaluated): repo.NewAssessmentRow {
  return {
    householdId: household.id,
    provinceCode: household.provinceCode,
    communeCode: household.communeCode,
    year: input.year,
    standardId: e.standard.id,
    standardVersion: e.standard.version,
    source: 'survey',
    surveyDate: input.surveyDate,
    area: household.area,
    incomePerCapitaMonthly: input.incomePerCapitaMonthly,
    incomeScore: input.incomeScore,
    facts: e.facts,
    indicators: e.indicators,
    deprivations: [...e.result.deprivations],
    deprivationCount: e.result.deprivationCount,
    category: e.result.category,
    rule: e.result.rule,
    causes: input.causes,
    note: input.note,
  };
}

// ---- presenting ----

function standardOf(all: Catalogue, id: string, version: number) {
  return all.find((s) => s.id === id && s.version === version);
}

function present(all: Catalogue, row: repo.NewAssessmentRow): AssessmentPreview {
  const standard = standardOf(all, row.standardId, row.standardVersion);
  const names = new Map(
    (standard?.dimensions ?? []).flatMap((d) => d.indicators.map((i) => [i.key, { name: i.name, dimension: d.name }])),
  );
  const category = row.category as Category;
  const count = row.deprivationCount;
  const recomputed =
    row.source === 'survey' && standard
      ? classify(
          standard,
          {
            area: row.area as 'rural' | 'urban',
            incomePerCapitaMonthly: row.incomePerCapitaMonthly,
            deprivations: row.deprivations ?? [],
          },
          { explain: true },
        )
      : undefined;
  const label = CATEGORY_LABELS[category];
  const explanation: Localized = recomputed?.explanation ?? {
    vi: `Kết quả ${label.vi} nhập từ danh sách${row.decisionNumber ? ` theo quyết định số ${row.decisionNumber}` : ''}.`,
    en: `Result (${label.en}) imported from a list${row.decisionNumber ? ` under decision ${row.decisionNumber}` : ''}.`,
  };
  const indicators = (row.indicators as AssessedIndicator[]).map((item) => ({
    indicator: item.indicator,
    name: names.get(item.indicator)?.name ?? { vi: item.indicator, en: item.indicator },
    dimension: names.get(item.indicator)?.dimension ?? { vi: '', en: '' },
    deprived: item.deprived,
    derived: item.derived,
    override: item.override ?? null,
  }));
  return {
    householdId: row.householdId,
    year: row.year,
    standard: {
      id: row.standardId,
      version: row.standardVersion,
      name: standard?.name ?? { vi: row.standardId, en: row.standardId },
      provisional: standard ? statusOf(standard) === 'provisional' : false,
    },
    source: row.source as 'survey' | 'import',
    surveyDate: row.surveyDate,
    area: row.area as 'rural' | 'urban',
    incomePerCapitaMonthly: row.incomePerCapitaMonthly,
    incomeScore: row.incomeScore ?? null,
    category,
    rule: row.rule,
    deprivationCount: count,
    deprivations: row.deprivations ?? [],
    scores: recomputed?.scores ?? null,
    explanation,
    indicators,
    causes: (row.causes ?? []) as PovertyCause[],
    note: row.note ?? null,
    decisionNumber: row.decisionNumber ?? null,
    decisionDate: row.decisionDate ?? null,
  };
}

/**
 * A viewer's copy: income, reasons and notes masked like the rest of the registry, and an
 * explanation without the income it quotes.
 */
function forViewer(view: AssessmentView): AssessmentView {
  const label = CATEGORY_LABELS[view.category];
  return {
    ...(maskPersonal(view) as AssessmentView),
    explanation: {
      vi: `Kết quả: ${label.vi}, ${view.deprivationCount} chỉ số thiếu hụt. Thu nhập chỉ hiển thị cho cán bộ nghiệp vụ.`,
      en: `Result: ${label.en}, ${view.deprivationCount} deprivations. Income is shown to officers only.`,
    },
  };
}

/** Each result with its movement from the year before, as the actor may see it. */
async function presentAll(db: Executor, household: HouseholdView, rows: repo.AssessmentRow[], actor: Actor) {
  const [all, firstYear] = await Promise.all([
    standardsIn(db, household.provinceCode),
    repo.firstAssessedYear(db, household.communeCode),
  ]);
  const moved = movements(
    rows.map((r) => ({ year: r.year, category: r.category as Category })),
    firstYear ?? Math.min(...rows.map((r) => r.year)),
  );
  const views = rows.map((row): AssessmentView => ({
    ...present(all, row),
    id: row.id,
    movement: moved.get(row.year)!,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  }));
  return householdPolicy.seeCitizenIds(actor) ? views : views.map(forViewer);
}

async function presentOne(db: Executor, household: HouseholdView, id: string, actor: Actor) {
  const views = await presentAll(db, household, await repo.ofHousehold(db, household.id), actor);
  return views.find((v) => v.id === id)!;
}

// ---- use cases ----

/** A household's assessments, newest year first, each with its movement from the year before. */
export async function listAssessments(db: Db, actor: Actor, householdId: string) {
  const household = await getHousehold(db, actor, householdId);
  return { items: await presentAll(db, household, await repo.ofHousehold(db, householdId), actor) };
}

/** The household, in scope, manageable and not archived; locked when read inside a transaction. */
async function householdToAssess(db: Executor, actor: Actor, householdId: string, lock = true) {
  if (lock) await lockHousehold(db, actor, householdId);
  const household = await getHousehold(db, actor, householdId);
  requireInScope(actor, household);
  if (!householdPolicy.manage(actor, household)) throw errors.forbidden();
  if (household.archived)
    throw errors.conflict('household_archived', 'Hộ đã lưu trữ, không đánh giá.', 'The household is archived.');
  return household;
}

/** What the survey would decide, without saving: the form shows it as the surveyor types. */
export async function previewAssessment(db: Db, actor: Actor, householdId: string, input: AssessmentInput) {
  const household = await householdToAssess(db, actor, householdId, false);
  const evaluated = evaluate(await standardsIn(db, household.provinceCode), household, input);
  return present([evaluated.standard], rowFrom(household, input, evaluated));
}

/** What the audit keeps of a result: the inputs that decided it and the outcome. */
export const assessmentAuditSummary = (id: string, row: repo.NewAssessmentRow) => ({
  assessmentId: id,
  year: row.year,
  standard: `${row.standardId} v${row.standardVersion}`,
  surveyDate: row.surveyDate,
  incomePerCapitaMonthly: row.incomePerCapitaMonthly,
  category: row.category,
  deprivations: row.deprivations,
  overrides: (row.indicators as AssessedIndicator[]).flatMap((i) =>
    i.override ? [{ indicator: i.indicator, ...i.override }] : [],
  ),
  causes: row.causes,
});

export async function createAssessment(db: Db, actor: Actor, householdId: string, input: AssessmentInput) {
  return db
    .transaction(async (tx) => {
      const household = await householdToAssess(tx, actor, householdId);
      const evaluated = evaluate(await standardsIn(tx, household.provinceCode), household, input);
      if (await repo.findByYear(tx, householdId, input.year)) throw yearTaken(input.year)();
      const row = await insertAudited(tx, actor, household, rowFrom(household, input, evaluated));
      return presentOne(tx, household, row.id, actor);
    })
    .catch(whenUniqueViolated('household_assessments_year', yearTaken(input.year)));
}

async function insertAudited(tx: Executor, actor: Actor, household: HouseholdView, values: repo.NewAssessmentRow) {
  const row = await repo.insert(tx, values);
  await recordAudit(tx, actor, {
    action: 'household.assess',
    entity: 'household',
    entityId: household.id,
    area: household,
    after: assessmentAuditSummary(row.id, values),
  });
  return row;
}

async function updateAudited(
  tx: Executor,
  actor: Actor,
  household: HouseholdView,
  current: repo.AssessmentRow,
  values: repo.NewAssessmentRow,
) {
  const updated = await repo.update(tx, current.id, current.version, values);
  if (!updated) throw errors.staleVersion();
  await recordAudit(tx, actor, {
    action: 'household.reassess',
    entity: 'household',
    entityId: household.id,
    area: household,
    before: assessmentAuditSummary(current.id, current),
    after: assessmentAuditSummary(current.id, values),
  });
  return updated;
}

function refuseDecided(current: repo.AssessmentRow) {
  if (current.decisionNumber)
    throw errors.conflict(
      'assessment_decided',
      `Kết quả năm ${current.year} đã được công nhận theo quyết định ${current.decisionNumber}; không sửa được.`,
      `The ${current.year} result was decided by ${current.decisionNumber}; it cannot be edited.`,
      'year',
    );
}

/** Re-assess: the survey redone from the registry as it is now. A decided result is not touched. */
export async function reassess(db: Db, actor: Actor, id: string, input: AssessmentInput & { version: number }) {
  return db.transaction(async (tx) => {
    const current = await repo.findForUpdate(tx, id, actor.scope);
    if (!current) throw notFound();
    const household = await householdToAssess(tx, actor, current.householdId);
    refuseDecided(current);
    if (current.version !== input.version) throw errors.staleVersion();
    if (input.year !== current.year)
      throw errors.invalid('year', 'Không đổi được năm của kết quả đánh giá.', 'The year of an assessment is fixed.');
    const evaluated = evaluate(await standardsIn(tx, household.provinceCode), household, input);
    await updateAudited(tx, actor, household, current, rowFrom(household, input, evaluated));
    return presentOne(tx, household, id, actor);
  });
}

// ---- imports (called inside the importer's transaction) ----

/** The standards of a province, read once per import. */
export const standardsForImport = standardsIn;

/**
 * An imported survey (the "Đánh giá" sheet): derived from the household as it stands in the
 * transaction, created or, when that year exists and is not decided, replaced.
 */
export async function importSurveyedAssessment(
  tx: Executor,
  actor: Actor,
  standards: Catalogue,
  householdId: string,
  input: AssessmentInput,
): Promise<'created' | 'updated'> {
  const household = await householdToAssess(tx, actor, householdId);
  return upsert(tx, actor, household, rowFrom(household, input, evaluate(standards, household, input)));
}

export interface ListedResult {
  year: number;
  standard?: string;
  category: Category;
  /** B1 and B2 of the list, when it has them. */
  incomeScore?: number | null;
  deprivationScore?: number | null;
  causes?: PovertyCause[];
  decisionNumber?: string | null;
  decisionDate?: string | null;
}

/**
 * A result brought in from a list (the national software's workbook): the category as decided,
 * without survey answers. Its deprivation count is B2 ÷ the standard's points per indicator.
 */
export async function importListedResult(
  tx: Executor,
  actor: Actor,
  standards: Catalogue,
  householdId: string,
  result: ListedResult,
): Promise<'created' | 'updated'> {
  const household = await householdToAssess(tx, actor, householdId);
  if (result.decisionDate) checkSurveyDate(result.decisionDate, result.year, 'decisionDate');
  const standard = standardFor(standards, result);
  const points = standard.scoreForm?.pointsPerDeprivation;
  const count = points && result.deprivationScore ? Math.round(result.deprivationScore / points) : 0;
  return upsert(tx, actor, household, {
    householdId,
    provinceCode: household.provinceCode,
    communeCode: household.communeCode,
    year: result.year,
    standardId: standard.id,
    standardVersion: standard.version,
    source: 'import',
    surveyDate: result.decisionDate ?? `${result.year - 1}-12-31`,
    area: household.area,
    incomePerCapitaMonthly: 0,
    incomeScore: result.incomeScore ?? null,
    facts: null,
    indicators: [],
    deprivations: [],
    deprivationCount: count,
    category: result.category,
    rule: 'imported',
    causes: result.causes ?? [],
    decisionNumber: result.decisionNumber ?? null,
    decisionDate: result.decisionDate ?? null,
  });
}

async function upsert(tx: Executor, actor: Actor, household: HouseholdView, values: repo.NewAssessmentRow) {
  const existing = await repo.findByYear(tx, household.id, values.year);
  if (!existing) {
    await insertAudited(tx, actor, household, values);
    return 'created' as const;
  }
  const current = (await repo.findForUpdate(tx, existing.id, actor.scope))!;
  // Only the same decision imported again replaces a decided result, and it keeps the standard
  // version it was decided by (a correction loaded since does not reach back).
  const sameDecision =
    current.source === 'import' && values.source === 'import' && current.decisionNumber === values.decisionNumber;
  if (!sameDecision) refuseDecided(current);
  const kept = current.decisionNumber
    ? { ...values, standardId: current.standardId, standardVersion: current.standardVersion }
    : values;
  await updateAudited(tx, actor, household, current, kept);
  return 'updated' as const;
}

// ---- comparison under another standard ----

const CHANGES_SHOWN = 1_000;
const PAGE = 2_000;

/** A selection's results of a year, read a page at a time (a province holds hundreds of thousands). */
async function* selectionResults(db: Executor, actor: Actor, selection: repo.Selection, year: number) {
  let afterId: string | null = null;
  for (;;) {
    const page = await repo.ofSelection(db, actor.scope, selection, year, { afterId, limit: PAGE });
    yield* page;
    if (page.length < PAGE) return;
    afterId = page.at(-1)!.assessment.id;
  }
}

async function selectionOf(db: Executor, actor: Actor, query: ComparisonReq) {
  if (query.village) {
    const village = await requireVillage(db, actor, query.village, 'village');
    return { provinceCode: village.provinceCode, communeCode: village.communeCode, villageId: village.id };
  }
  const code = query.commune ?? query.province;
  if (!code) return { provinceCode: actor.scope.level === 'national' ? undefined : actor.scope.provinceCode };
  const unit = await requireCurrentUnit(
    db,
    code,
    query.commune ? 'commune' : 'province',
    query.commune ? 'commune' : 'province',
  );
  if (!scopeCovers(actor.scope, unit.area)) throw errors.outOfScope();
  return { provinceCode: unit.area.provinceCode!, communeCode: unit.area.communeCode ?? undefined };
}

/**
 * How the official results of a year would come out under another standard (the 2027–2030
 * transition): re-derived from the facts each survey kept, with the same income and the
 * surveyor's overrides of indicators both standards share. Nothing is written.
 */
export async function compareSelection(db: Db, actor: Actor, query: ComparisonReq) {
  const selection = await selectionOf(db, actor, query);
  const all = await standardsIn(db, selection.provinceCode ?? null);
  const to = requireStandard(all, query.to, 'to');
  const matrix = Object.fromEntries(
    CATEGORIES.map((from) => [from, Object.fromEntries(CATEGORIES.map((c) => [c, 0]))]),
  ) as Record<Category, Record<Category, number>>;
  const changes: {
    householdId: string;
    code: string;
    headName: string;
    villageId: string;
    from: Category;
    to: Category;
    deprivationCount: number;
  }[] = [];
  let total = 0;
  let changed = 0;
  let notComparable = 0;
  for await (const { assessment: a, ...household } of selectionResults(db, actor, selection, query.year)) {
    total++;
    if (!a.facts) {
      notComparable++;
      continue;
    }
    const kept = (a.indicators as AssessedIndicator[]).flatMap((i) =>
      i.override ? [{ indicator: i.indicator, ...i.override }] : [],
    );
    const derived = derive(to, a.facts as HouseholdFacts, a.surveyDate);
    const overrides = kept.filter((o) => derived.some((d) => d.indicator === o.indicator));
    const result = classify(to, {
      area: a.area as 'rural' | 'urban',
      incomePerCapitaMonthly: a.incomePerCapitaMonthly,
      deprivations: deprivedIndicators(applyOverrides(derived, overrides)),
    });
    const from = a.category as Category;
    matrix[from][result.category]++;
    if (from === result.category) continue;
    changed++;
    if (changes.length < CHANGES_SHOWN)
      changes.push({
        householdId: a.householdId,
        ...household,
        from,
        to: result.category,
        deprivationCount: result.deprivationCount,
      });
  }
  const names = await villageNames(
    db,
    changes.map((c) => c.villageId),
  );
  return {
    year: query.year,
    to: { standard: to.id, version: to.version, name: to.name, provisional: statusOf(to) === 'provisional' },
    total,
    compared: total - notComparable,
    notComparable,
    changed,
    matrix,
    changes: changes
      .map(({ villageId, ...c }) => ({ ...c, villageName: names.get(villageId) ?? '' }))
      .sort((a, b) => a.villageName.localeCompare(b.villageName, 'vi') || a.code.localeCompare(b.code, 'vi')),
    changesTruncated: changed > changes.length,
  };
}

// ---- for the household list ----

/** Filter households by their result of a year (default: this year). */
export function assessmentFilter(filter: { year?: number; category?: string; indicator?: string }) {
  if (!filter.category && !filter.indicator) return undefined;
  return repo.assessedIn({ ...filter, year: filter.year ?? Number(todayInVietnam().slice(0, 4)) });
}

/** Each household's current status: its latest assessment. */
export async function currentStatuses(db: Executor, householdIds: string[]) {
  const rows = await repo.latestOf(db, householdIds);
  return new Map(
    rows.map((r) => [
      r.householdId,
      { year: r.year, category: r.category as Category, deprivationCount: r.deprivationCount },
    ]),
  );
}

/** Each household's categories by list year (for the outcomes of the households a model supports). */
export async function statusHistories(db: Executor, householdIds: string[]) {
  const histories = new Map<string, { year: number; category: Category }[]>();
  for (const r of await repo.categoriesOf(db, householdIds)) {
    const history = histories.get(r.householdId) ?? [];
    history.push({ year: r.year, category: r.category as Category });
    histories.set(r.householdId, history);
  }
  return histories;
}

/** How many households of an area escaped poverty in the list years given (for review reports). */
export const householdsEscapedPoverty = (db: Executor, area: Area, fromYear: number, toYear: number) =>
  repo.escapedPoverty(db, area, fromYear, toYear);
// ---- for the review (rà soát) ----

/** The households of a commune on a year's poor and near-poor lists, with their category. */
export function householdsOnLists(db: Executor, area: { provinceCode: string; communeCode: string }, year: number) {
  return repo.onListsOf(db, area, year);
}

/** A surveyed result as a review keeps it until its decision (the row the decision records). */
export type ReviewedResult = repo.NewAssessmentRow;

const archivedRefused = () =>
  errors.conflict('household_archived', 'Hộ đã lưu trữ, không đánh giá.', 'The household is archived.');

/** A review's survey of one household: the explained result and the row its decision will record. */
function reviewed(all: Catalogue, household: HouseholdRecord, input: AssessmentInput) {
  if (household.archived) throw archivedRefused();
  const evaluated = evaluate(all, household, input);
  const row = rowFrom(household, input, evaluated);
  return { view: present([evaluated.standard], row), row: row as ReviewedResult };
}

/**
 * What a review's survey sheet decides for a household, derived from the registry as it stands
 * (health facts included, as for the bulk classification, whoever surveys): the row its decision
 * will record, and the explained result as the actor may see it — for one who may not see health
 * data, the reasons from health records without member or diagnosis. The reviews service decides
 * who may survey (an assigned reviewer, a commune officer); reading the household needs the area.
 */
export async function surveyForReview(db: Executor, actor: Actor, householdId: string, input: AssessmentInput) {
  const outcome = (await surveysForReview(db, actor, [{ householdId, input }]))[0]!;
  if ('error' in outcome) throw outcome.error;
  return { row: outcome.row, view: healthMaskedFor(actor, outcome.view) };
}

function healthMaskedFor(actor: Actor, view: AssessmentPreview): AssessmentPreview {
  if (householdPolicy.seeCitizenIds(actor)) return view;
  return { ...view, indicators: view.indicators.map((i) => ({ ...i, derived: withoutHealthDetail(i.derived) })) };
}

export type SurveyOutcome =
  ({ householdId: string } & ReturnType<typeof reviewed>) | { householdId: string; error: AppError };

/**
 * Many survey sheets at once (a review's bulk classification; `surveyForReview` asks for one),
 * the households read unmasked in two statements. A household that cannot be classified (out of
 * scope, archived, registry data missing) comes back with its error.
 */
export async function surveysForReview(
  db: Executor,
  actor: Actor,
  sheets: readonly { householdId: string; input: AssessmentInput }[],
): Promise<SurveyOutcome[]> {
  const found = await householdsToAssess(
    db,
    actor,
    sheets.map((s) => s.householdId),
  );
  if (found.length === 0) return sheets.map(({ householdId }) => ({ householdId, error: errors.outOfScope() }));
  const byId = new Map(found.map((h) => [h.id, h]));
  const all = await standardsIn(db, found[0]!.provinceCode);
  return sheets.map(({ householdId, input }) => {
    const household = byId.get(householdId);
    try {
      if (!household) throw errors.outOfScope();
      return { householdId, ...reviewed(all, household, input) };
    } catch (error) {
      if (error instanceof AppError) return { householdId, error };
      throw error;
    }
  });
}

/**
 * The income each household's own survey recorded most recently in list years `from`–`to` (a
 * review's bulk classification carries it forward; imported list results hold no income).
 */
export function surveyedIncomes(db: Executor, householdIds: string[], years: { from: number; to: number }) {
  return repo.surveyedIncomesOf(db, householdIds, years);
}

const DECIDED_PAGE = 500;

/**
 * The review's decision: each surveyed result becomes the household's official status for its
 * list year, under the decision's number and date, replacing what that year held (the round's
 * reopening, if any, is recorded by the reviews service). Audited per household, a page of audit
 * rows per statement; `onProgress` told after each page.
 */
export async function recordReviewDecision(
  tx: Executor,
  actor: Actor,
  decision: { number: string; date: string },
  results: readonly ReviewedResult[],
  onProgress?: OnProgress,
) {
  for (let start = 0; start < results.length; start += DECIDED_PAGE) {
    const values = results
      .slice(start, start + DECIDED_PAGE)
      .map((r) => ({ ...r, decisionNumber: decision.number, decisionDate: decision.date }));
    const written = await repo.upsertDecided(tx, values);
    const byHousehold = new Map(values.map((v) => [v.householdId, v]));
    await recordAudits(
      tx,
      actor,
      written.map(({ id, householdId }) => {
        const value = byHousehold.get(householdId)!;
        return {
          action: 'household.assess.decided',
          entity: 'household',
          entityId: householdId,
          area: value,
          after: { ...assessmentAuditSummary(id, value), decisionNumber: decision.number },
        };
      }),
    );
    onProgress?.(start + values.length, results.length);
  }
}
