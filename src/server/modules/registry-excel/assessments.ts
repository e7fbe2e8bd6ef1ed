/**
 * The results a workbook carries, written through the assessments module once the registry rows
 * are merged (so that indicators are derived from the household as the file leaves it): the
 * "Đánh giá" sheet's surveys — a row per household and year, more rows for more overrides — and
 * the national list's decided categories. A refusal becomes a problem at the row and column that
 * caused it; each household is tried in a savepoint so that every refusal is reported, and the
 * caller rolls the whole import back if there is any.
 */
import { z } from 'zod';
import type { Category } from '../../../domain/poverty';
import type { PovertyCause } from '../../../domain/registry/codes';
import type { Actor } from '../../platform/access';
import type { Executor } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { AssessmentInputSchema } from '../assessments/schemas';
import { importListedResult, importSurveyedAssessment, standardsForImport } from '../assessments/service';
import { ASSESSMENT_SHEET, HOUSEHOLD_SHEET, type SheetLayout } from './columns';
import { NATIONAL_LAYOUT } from './national';
import type { ImportProblem, ProblemList } from './problems';
import * as repo from './repo';
import type { AssessmentRecord } from './rows';

/** Where a column of a layout is in the uploaded file. */
export type Place = (layout: SheetLayout, key: string | null) => Pick<ImportProblem, 'sheet' | 'col' | 'column'>;

type SurveyRow = { kind: 'survey' } & AssessmentRecord;
type ListedRow = { kind: 'listed'; year: number; category: Category; incomeScore: number | null } & {
  deprivationScore: number | null;
  causes: PovertyCause[];
  decisionNumber: string | null;
  decisionDate: string | null;
};
interface Staged {
  row: number;
  householdId: string;
  payload: SurveyRow | ListedRow;
}

/** A field the assessments module names, as the key of the survey column that holds it. */
const SURVEY_COLUMN: Record<string, string> = {
  year: 'year',
  standard: 'standardId',
  surveyDate: 'surveyDate',
  incomePerCapitaMonthly: 'incomePerCapitaMonthly',
  incomeScore: 'incomeScore',
  causes: 'causes',
};
const OVERRIDE_COLUMN: Record<string, string> = {
  indicator: 'overrideIndicator',
  deprived: 'overrideDeprived',
  reason: 'overrideReason',
};
const LISTED_COLUMN: Record<string, string> = {
  year: 'decisionDate',
  category: 'category',
  causes: 'causes',
  incomeScore: 'b1',
  deprivationScore: 'b2',
};

interface Located {
  row: number;
  key: string | null;
}

/** The problems of one refusal: each field the error names, else the whole group's first row. */
function refusal(error: unknown, where: (field: string) => Located | null, fallback: Located) {
  if (error instanceof z.ZodError)
    return error.issues.map((issue) => ({
      ...(where(fieldName(issue.path)) ?? fallback),
      message: issue.message,
      messageEn: issue.message,
    }));
  if (!(error instanceof AppError) || error.status >= 500) throw error;
  if (error.errors.length === 0) return [{ ...fallback, message: error.vi, messageEn: error.en }];
  // A dwelling not fully recorded is the household's row to fix: said so on the assessment's row.
  const onHousehold = (message: string) => `${message.replace(/\.$/u, '')} (sheet "${HOUSEHOLD_SHEET.name}").`;
  return error.errors.map((e) =>
    e.field.startsWith('dwelling.')
      ? { ...fallback, key: 'householdCode', message: onHousehold(e.message), messageEn: onHousehold(e.messageEn) }
      : { ...(where(e.field) ?? fallback), message: e.message, messageEn: e.messageEn },
  );
}

const fieldName = (path: readonly PropertyKey[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');

export class AssessmentImport {
  readonly counts = { created: 0, updated: 0 };

  constructor(
    private readonly tx: Executor,
    private readonly actor: Actor,
    private readonly place: Place,
    private readonly problems: ProblemList,
  ) {}

  async run(provinceCode: string) {
    if (!(await repo.anyAssessments(this.tx))) return this.counts;
    const standards = await standardsForImport(this.tx, provinceCode);
    let group: Staged[] = [];
    for await (const staged of repo.stagedAssessments(this.tx) as AsyncIterable<Staged>) {
      const first = group[0];
      if (first && (first.householdId !== staged.householdId || first.payload.year !== staged.payload.year)) {
        await this.write(standards, group);
        group = [];
      }
      group.push(staged);
    }
    if (group.length) await this.write(standards, group);
    return this.counts;
  }

  private async write(standards: Awaited<ReturnType<typeof standardsForImport>>, group: Staged[]) {
    const [first] = group as [Staged];
    const listed = first.payload.kind === 'listed';
    const layout = listed ? NATIONAL_LAYOUT : ASSESSMENT_SHEET;
    try {
      const outcome = await this.tx.transaction(async (savepoint) => {
        if (listed) {
          const { kind: _kind, ...result } = first.payload as ListedRow;
          return importListedResult(savepoint, this.actor, standards, first.householdId, result);
        }
        const input = this.surveyInput(group);
        return input ? importSurveyedAssessment(savepoint, this.actor, standards, first.householdId, input) : null;
      });
      if (outcome) this.counts[outcome]++;
    } catch (error) {
      const base = listed ? first : (group.find((s) => (s.payload as SurveyRow).surveyDate) ?? first);
      const where = listed
        ? (field: string) => ({ row: first.row, key: LISTED_COLUMN[field] ?? null })
        : (field: string) => this.surveyField(group, base, field);
      for (const p of refusal(error, where, { row: base.row, key: listed ? null : 'year' }))
        this.problems.add({ ...this.place(layout, p.key), row: p.row, message: p.message, messageEn: p.messageEn });
    }
  }

  /** The survey of a household and year: its row with the date and income, overrides from every row. */
  private surveyInput(group: Staged[]) {
    const rows = group.map((s) => ({ row: s.row, ...(s.payload as SurveyRow) }));
    const bases = rows.filter((r) => r.surveyDate !== undefined);
    const code = rows[0]!.householdCode;
    const year = rows[0]!.year;
    for (const repeated of bases.slice(1))
      this.problems.add({
        ...this.place(ASSESSMENT_SHEET, 'surveyDate'),
        row: repeated.row,
        message: `Hộ "${code}" năm ${year} đã có dòng kết quả ở dòng ${bases[0]!.row}; dòng thêm chỉ ghi ba cột điều chỉnh.`,
        messageEn: `Household "${code}" already has a result for ${year} at row ${bases[0]!.row}.`,
      });
    const base = bases[0];
    if (!base || bases.length > 1) {
      if (!base)
        this.problems.add({
          ...this.place(ASSESSMENT_SHEET, 'surveyDate'),
          row: rows[0]!.row,
          message: `Hộ "${code}" năm ${year} chưa có dòng ghi ngày khảo sát và thu nhập.`,
          messageEn: `Household "${code}" has no row with the survey date and income for ${year}.`,
        });
      return null;
    }
    return AssessmentInputSchema.parse({
      year,
      ...(base.standardId ? { standard: base.standardId } : {}),
      surveyDate: base.surveyDate,
      incomePerCapitaMonthly: base.incomePerCapitaMonthly,
      incomeScore: base.incomeScore ?? null,
      overrides: rows
        .filter((r) => r.overrideIndicator)
        .map((r) => ({ indicator: r.overrideIndicator!, deprived: r.overrideDeprived!, reason: r.overrideReason! })),
      causes: [...new Set(rows.flatMap((r) => r.causes))],
    });
  }

  private surveyField(group: Staged[], base: Staged, field: string): Located | null {
    const override = /^overrides\[(\d+)\]\.?(\w*)/u.exec(field);
    if (override) {
      const rows = group.filter((s) => (s.payload as SurveyRow).overrideIndicator);
      return { row: rows[Number(override[1])]?.row ?? base.row, key: OVERRIDE_COLUMN[override[2]!] ?? null };
    }
    return { row: base.row, key: SURVEY_COLUMN[field] ?? null };
  }
}
