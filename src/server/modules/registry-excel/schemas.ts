import { z } from 'zod';
import { HouseholdCreateSchema, HouseholdListQuerySchema } from '../households/schemas';
import { isoDateField, nameText, queryBoolean } from '../../platform/schemas';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A row of the "Đánh giá" sheet: a year's result, or one more indicator override of it. */
export const AssessmentRowSchema = z
  .strictObject({
    householdCode: HouseholdCreateSchema.shape.code,
    year: z.number().int().min(2000, 'Năm từ 2000').max(2100, 'Năm đến 2100'),
    standardId: z.string().optional(),
    surveyDate: isoDateField.optional(),
    incomePerCapitaMonthly: z.number().int().min(0).max(1_000_000_000).optional(),
    incomeScore: z.number().int().min(0).max(1000).optional(),
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
