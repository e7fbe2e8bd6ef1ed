/**
 * One spreadsheet row to one validated record, by the same Zod schemas the household forms use
 * (households/schemas.ts), so the file and the API refuse the same things with the same words.
 */
import { z } from 'zod';
import { checkCitizenId } from '../../../domain/registry/citizen-id';
import { foldAccents } from '../../../domain/text';
import { DwellingSchema, HouseholdCreateSchema, MemberInputSchema } from '../households/schemas';
import { nameText } from '../../platform/schemas';
import { readCell } from './cells';
import type { Column, SheetLayout } from './columns';
import { AssessmentRowSchema, incomeScoreField } from './schemas';

export interface RowProblem {
  column: Column | null;
  vi: string;
  en: string;
}

const english = z.locales.en().localeError;

/** The cells of a row read for their columns; empty cells are left out. */
export function readFields(layout: SheetLayout, at: Map<string, number>, values: unknown[]) {
  const fields: Record<string, unknown> = {};
  const problems: RowProblem[] = [];
  let empty = true;
  for (const column of layout.columns) {
    const index = at.get(column.key);
    if (index === undefined) continue;
    const raw = values[index];
    const read = readCell(raw, column.kind);
    if ('problem' in read) {
      empty = false;
      problems.push({ column, ...read.problem });
    } else if (read.value !== undefined) {
      empty = false;
      fields[column.key] = read.value;
    } else if (column.required) {
      problems.push({ column, vi: 'Không được để trống.', en: 'Required.' });
    }
  }
  return { fields, problems: empty ? [] : problems, empty };
}

function schemaProblems(layout: SheetLayout, error: z.ZodError, prefix = ''): RowProblem[] {
  return error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    const en = english?.(issue as never);
    return {
      column: layout.columns.find((c) => c.key === `${prefix}${key}`) ?? null,
      vi: issue.message,
      en: (typeof en === 'string' ? en : en?.message) ?? 'Invalid value',
    };
  });
}

const HouseholdRowSchema = HouseholdCreateSchema.pick({
  communeCode: true,
  code: true,
  address: true,
  area: true,
  ethnicMinority: true,
  phone: true,
  policyFlags: true,
}).extend({ village: nameText(100) });
const DWELLING_KEYS = Object.keys(DwellingSchema.shape) as (keyof typeof DwellingSchema.shape)[];

export type HouseholdRecord = z.infer<typeof HouseholdRowSchema> & { dwelling: z.infer<typeof DwellingSchema> };

export function validateHousehold(layout: SheetLayout, fields: Record<string, unknown>) {
  const dwelling = Object.fromEntries(DWELLING_KEYS.map((k) => [k, fields[k] ?? null]));
  const own = Object.fromEntries(Object.entries(fields).filter(([k]) => !(k in dwelling)));
  const household = HouseholdRowSchema.safeParse(own);
  const checked = DwellingSchema.safeParse(dwelling);
  const problems = [
    ...(household.success ? [] : schemaProblems(layout, household.error)),
    ...(checked.success ? [] : schemaProblems(layout, checked.error)),
  ];
  if (!household.success || !checked.success) return { problems };
  return { record: { ...household.data, dwelling: checked.data } as HouseholdRecord, problems };
}

const MemberRowSchema = MemberInputSchema.extend({ householdCode: HouseholdCreateSchema.shape.code });
export type MemberRecord = z.infer<typeof MemberRowSchema>;

export function validateMember(layout: SheetLayout, fields: Record<string, unknown>) {
  const parsed = MemberRowSchema.safeParse(fields);
  if (!parsed.success) return { problems: schemaProblems(layout, parsed.error) };
  const member = parsed.data;
  if (member.citizenId) {
    const check = checkCitizenId(member.citizenId, member);
    if (!check.ok) {
      const column = layout.columns.find((c) => c.key === 'citizenId') ?? null;
      return { problems: [{ column, vi: check.vi!, en: check.en! }] };
    }
  }
  return { record: member, problems: [] as RowProblem[] };
}

export type AssessmentRecord = z.infer<typeof AssessmentRowSchema>;

export function validateAssessment(layout: SheetLayout, fields: Record<string, unknown>) {
  const parsed = AssessmentRowSchema.safeParse(fields);
  if (!parsed.success) return { problems: schemaProblems(layout, parsed.error) };
  return { record: parsed.data, problems: [] as RowProblem[] };
}

/** The national list's result columns as they reach the assessment: scores and decision bounded. */
const ListedSchema = z.object({
  b1: incomeScoreField.optional(),
  b2: incomeScoreField.optional(),
  decisionNumber: nameText(100).optional(),
});

export function listedProblems(layout: SheetLayout, fields: Record<string, unknown>) {
  const { b1, b2, decisionNumber } = fields;
  const parsed = ListedSchema.safeParse({ b1, b2, decisionNumber });
  return parsed.success ? [] : schemaProblems(layout, parsed.error);
}

/** A household row's commune must be the one imported into, and its village one of that commune. */
export function placeProblems(
  layout: SheetLayout,
  record: { communeCode: string; village: string },
  commune: { code: string; name: string },
  villages: Map<string, string>,
): RowProblem[] {
  const column = (key: string) => layout.columns.find((c) => c.key === key) ?? null;
  const out: RowProblem[] = [];
  if (record.communeCode !== commune.code)
    out.push({
      column: column('communeCode'),
      vi: `Mã xã ${record.communeCode} khác xã đang nhập (${commune.code} — ${commune.name}).`,
      en: `Commune ${record.communeCode} is not the commune imported into (${commune.code}).`,
    });
  if (!villages.has(foldAccents(record.village)))
    out.push({
      column: column('village'),
      vi: `Thôn/tổ dân phố "${record.village}" không có trong ${commune.name}.`,
      en: `"${record.village}" is not a village of this commune.`,
    });
  return out;
}
