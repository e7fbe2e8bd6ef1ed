/**
 * Validating a standard an administrator loads from JSON (a corrected national standard or a
 * provincial one). The Zod schema checks the shape; standard.ts then checks that the rules make
 * sense. Every problem names its JSON path, in Vietnamese and English.
 */
import { z } from 'zod';
import { parseDate } from './age';
import { checkStandard, type StandardProblem } from './standard';
import {
  CATEGORIES,
  INFORMATION_DEVICES,
  SCHOOL_LEVELS,
  STATUSES,
  type IndicatorKey,
  type StandardDefinition,
} from './types';

/** A custom issue carrying its text in both languages. */
const bilingual = (path: PropertyKey[], vi: string, en: string) =>
  ({ code: 'custom', path, message: en, params: { vi, en } }) as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const localized = (max = 500) => z.strictObject({ vi: text(max), en: text(max) });
const status = z.enum(STATUSES);
const slug = z.string().refine((value) => /^[a-z0-9][a-z0-9_-]{0,49}$/u.test(value), {
  params: { vi: 'Chỉ gồm chữ thường không dấu, số, "-" và "_".', en: 'Only lower-case letters, digits, "-" and "_".' },
});
const date = z.string().refine((value) => parseDate(value) !== undefined, {
  params: { vi: 'Ngày phải có dạng YYYY-MM-DD và có thật.', en: 'Must be a real date written YYYY-MM-DD.' },
});
const amount = z.number().int().nonnegative();
const age = z.number().int().min(0).max(120);
const level = z.enum(SCHOOL_LEVELS);

/** From-age steps (requirements, expected levels) must rise and stay inside the age range. */
const steps = z.array(z.strictObject({ minAge: age, level })).superRefine((list, ctx) =>
  list.forEach((step, i) => {
    if (i > 0 && step.minAge <= list[i - 1]!.minAge)
      ctx.addIssue(
        bilingual([i, 'minAge'], 'Các mốc tuổi phải tăng dần.', 'Ages must rise from one step to the next.'),
      );
  }),
);

const ageRange = <T extends { minAge: number; maxAge: number }>(value: T, ctx: z.RefinementCtx) => {
  if (value.minAge > value.maxAge)
    ctx.addIssue(bilingual(['maxAge'], 'Tuổi tối đa phải ≥ tuổi tối thiểu.', 'maxAge must be at least minAge.'));
};

const indicatorBase = z.strictObject({ name: localized(), description: localized(2000), status });
const indicator = <K extends IndicatorKey, P extends z.ZodType>(key: K, params: P) =>
  indicatorBase.extend({ key: z.literal(key), params });
const none = z.undefined().optional();

const indicatorSchema = z.discriminatedUnion('key', [
  indicator('employment', z.strictObject({ minAge: age })),
  indicator(
    'dependents',
    z.strictObject({
      childMaxAge: age,
      elderlyMinAge: age,
      allowanceRequired: z.boolean(),
      maxShare: z.number().gt(0).lt(1),
    }),
  ),
  indicator('nutrition', z.strictObject({ maxAge: age })),
  indicator('health_insurance', z.strictObject({ minAge: age })),
  indicator('health_care_access', none),
  indicator(
    'adult_education',
    z
      .strictObject({ maxAge: age, requirements: steps.min(1) })
      .superRefine((value, ctx) => ageRange({ minAge: value.requirements[0]?.minAge ?? 0, maxAge: value.maxAge }, ctx)),
  ),
  indicator(
    'child_schooling',
    z.strictObject({ minAge: age, maxAge: age, expectedLevels: steps }).superRefine(ageRange),
  ),
  indicator('housing_quality', z.strictObject({ minNonDurableParts: z.number().int().min(1).max(3) })),
  indicator('housing_area', z.strictObject({ minAreaPerPerson: z.number().positive() })),
  indicator('water_source', none),
  indicator('sanitation', none),
  indicator('waste', none),
  indicator('telecom', none),
  indicator('information_access', z.strictObject({ devices: z.array(z.enum(INFORMATION_DEVICES)).min(1) })),
  indicator('digital_services', none),
]);

const count = z.number().int().nonnegative();

export const StandardDefinitionSchema = z.strictObject({
  id: slug,
  version: z.number().int().min(1),
  name: localized(),
  legalBasis: z
    .array(
      z.strictObject({
        kind: localized(),
        number: text(100),
        date,
        title: localized(1000),
        note: localized(1000).optional(),
        status,
      }),
    )
    .min(1),
  years: z.array(z.number().int().min(2000).max(2100)).min(1),
  areas: z.strictObject({ rural: localized(), urban: localized() }),
  lines: z.array(z.strictObject({ id: slug, name: localized(), rural: amount, urban: amount, status })).min(1),
  dimensions: z
    .array(z.strictObject({ key: slug, name: localized(), status, indicators: z.array(indicatorSchema).min(1) }))
    .min(1),
  rules: z
    .array(
      z.strictObject({
        id: slug,
        category: z.enum(CATEGORIES),
        when: z.strictObject({
          incomeAbove: slug.optional(),
          incomeAtMost: slug.optional(),
          deprivationsAtLeast: count.optional(),
          deprivationsBelow: count.optional(),
        }),
        status,
      }),
    )
    .min(1),
  scoreForm: z
    .strictObject({
      incomeScoreLine: z.strictObject({ rural: count, urban: count }),
      pointsPerDeprivation: z.number().int().positive(),
      status,
    })
    .optional(),
});

// Whatever the schema accepts is a standard the engine can read.
const _schemaFitsTypes: z.ZodType<StandardDefinition> = StandardDefinitionSchema;

export type StandardParseResult =
  { success: true; standard: StandardDefinition } | { success: false; errors: StandardProblem[] };

/** A standard from JSON text or an already parsed value, or every problem with it. */
export function parseStandard(json: unknown): StandardParseResult {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch {
      return {
        success: false,
        errors: [{ field: '', message: 'Tệp không phải JSON hợp lệ.', messageEn: 'Not valid JSON.' }],
      };
    }
  }
  const parsed = StandardDefinitionSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) return { success: false, errors: parsed.error.issues.flatMap(toProblems) };
  const errors = checkStandard(parsed.data);
  return errors.length > 0 ? { success: false, errors } : { success: true, standard: parsed.data };
}

/** "dimensions[0].indicators[1].key" */
function jsonPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i > 0 ? '.' : ''}${String(part)}`))
    .join('');
}

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi văn bản',
  number: 'số',
  int: 'số nguyên',
  boolean: 'true hoặc false',
  object: 'đối tượng',
  array: 'danh sách',
};

function toProblems(issue: z.core.$ZodIssue): StandardProblem[] {
  const at = (field: string, message: string, messageEn: string): StandardProblem => ({ field, message, messageEn });
  const field = jsonPath(issue.path);
  switch (issue.code) {
    case 'custom': {
      const { vi, en } = issue.params as { vi: string; en: string };
      return [at(field, vi, en)];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) =>
        at(jsonPath([...issue.path, key]), 'Trường này không được hỗ trợ.', 'Unknown field.'),
      );
    case 'invalid_type':
      if (issue.input === undefined) return [missing(issue.path, field)];
      if (issue.expected === 'undefined')
        return [at(field, 'Trường này không dùng ở đây.', 'This field is not allowed here.')];
      return [
        at(
          field,
          `Sai kiểu: cần ${TYPE_NAMES[issue.expected] ?? issue.expected}.`,
          `Wrong type: expected ${issue.expected}.`,
        ),
      ];
    case 'too_small':
      if (issue.origin === 'string') return [missing(issue.path, field)];
      if (issue.origin === 'array')
        return [at(field, `Cần ít nhất ${issue.minimum} phần tử.`, `Needs at least ${issue.minimum} items.`)];
      return [bound(field, issue.inclusive ? '≥' : '>', issue.minimum)];
    case 'too_big':
      if (issue.origin === 'string')
        return [at(field, `Dài tối đa ${issue.maximum} ký tự.`, `At most ${issue.maximum} characters.`)];
      return [bound(field, issue.inclusive ? '≤' : '<', issue.maximum)];
    case 'invalid_value':
      return [choice(field, issue.values.map(String))];
    case 'invalid_union':
      if ('options' in issue && Array.isArray(issue.options)) return [choice(field, issue.options.map(String))];
      return [at(field, 'Giá trị không hợp lệ.', issue.message)];
    default:
      return [at(field, 'Giá trị không hợp lệ.', issue.message)];
  }
}

/** Missing or blank; text in either language is named as such ("Thiếu nội dung tiếng Việt"). */
function missing(path: readonly PropertyKey[], field: string): StandardProblem {
  const language = path[path.length - 1];
  if (language === 'vi')
    return { field, message: 'Thiếu nội dung tiếng Việt.', messageEn: 'Vietnamese text is missing.' };
  if (language === 'en') return { field, message: 'Thiếu nội dung tiếng Anh.', messageEn: 'English text is missing.' };
  return { field, message: 'Thiếu giá trị bắt buộc.', messageEn: 'Required value is missing.' };
}

function bound(field: string, sign: string, limit: number | bigint): StandardProblem {
  return { field, message: `Phải ${sign} ${limit}.`, messageEn: `Must be ${sign} ${limit}.` };
}

function choice(field: string, options: string[]): StandardProblem {
  const list = options.join(', ');
  return {
    field,
    message: `Giá trị không hợp lệ; chọn một trong: ${list}.`,
    messageEn: `Invalid value; use one of: ${list}.`,
  };
}
