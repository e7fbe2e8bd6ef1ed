import { z } from 'zod';
import { HouseholdCreateSchema, HouseholdListQuerySchema } from '../households/schemas';
import { nameText, queryBoolean } from '../../platform/schemas';
import { AssessmentInputSchema } from '../assessments/schemas';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const survey = AssessmentInputSchema.shape;
/** B1 (and B2 of the national list), as the assessments API bounds B1. */
export const incomeScoreField = survey.incomeScore.unwrap().unwrap();

/** A row of the "Đánh giá" sheet: a year's result, or one more indicator override of it. */
export const AssessmentRowSchema = z
  .strictObject({
    householdCode: HouseholdCreateSchema.shape.code,
    // The bounds the assessments API sets, so that a row it would refuse is refused at its cell.
    year: survey.year,
    standardId: survey.standard,
    surveyDate: survey.surveyDate.optional(),
    incomePerCapitaMonthly: survey.incomePerCapitaMonthly.optional(),
    incomeScore: incomeScoreField.optional(),
    overrideIndicator: z.string().optional(),
    overrideDeprived: z.boolean().optional(),
    overrideReason: nameText(300).optional(),
    causes: z.array(z.string()).default([]),
  })
  .superRefine((row, ctx) => {
    const need = (key: keyof typeof row, message: string) => {
      if (row[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message });
    };
    if (row.overrideIndicator) {
      need('overrideDeprived', 'Ghi Có/Không cho chỉ tiêu điều chỉnh.');
      need('overrideReason', 'Ghi lý do điều chỉnh.');
    } else {
      need('surveyDate', 'Không được để trống.');
      need('incomePerCapitaMonthly', 'Không được để trống.');
    }
  });

export const ImportQuerySchema = z.strictObject({
  commune: HouseholdCreateSchema.shape.communeCode.describe('Mã xã/phường nhận dữ liệu'),
  dryRun: queryBoolean.describe('true: chỉ kiểm tra, không ghi'),
});

export const TemplateQuerySchema = z.strictObject({
  commune: HouseholdCreateSchema.shape.communeCode.optional().describe('Điền sẵn mã xã và danh sách thôn của xã'),
});

const counts = z.object({ created: z.number().int(), updated: z.number().int() });
export const ImportResultSchema = z.object({
  households: counts,
  members: counts,
  assessments: counts,
  dryRun: z.boolean(),
  layout: z.enum(['template', 'national']).describe('Mẫu của Chung Tay hoặc danh sách của phần mềm quốc gia'),
  sha256: z.string(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const ExportQuerySchema = HouseholdListQuerySchema.omit({ limit: true, offset: true });
export type ExportQuery = z.infer<typeof ExportQuerySchema>;
