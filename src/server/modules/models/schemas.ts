import { z } from 'zod';
import { CATEGORIES } from '../../../domain/poverty';
import { MODEL_KINDS, MODEL_SUPPORT_KINDS, OUTCOMES } from '../../../domain/models';
import { listQuerySchema, listResponseSchema } from '../../platform/list';
import { isoDateField, nameText, optionalText, timestampField, versionField } from '../../platform/schemas';
import { SupportCreateSchema, SupportSchema } from '../support/schemas';

const communeCode = z.string().regex(/^\d{5}$/u, 'Mã xã/phường gồm 5 chữ số');
const money = (what: string) =>
  z
    .number()
    .int(`${what} phải là số nguyên (đồng)`)
    .min(0, `${what} không âm`)
    .max(1_000_000_000_000, `${what} quá lớn`);
const ids = (what: string, max: number) =>
  z
    .array(z.uuid(`Mã ${what} không hợp lệ`))
    .max(max, `Tối đa ${max} ${what}`)
    .refine((list) => new Set(list).size === list.length, `Một ${what} được nêu hai lần`);

const BudgetSchema = z
  .array(
    z.strictObject({
      sourceCode: z.string().min(1).max(60),
      amount: money('Kinh phí').refine((v) => v > 0, 'Kinh phí phải lớn hơn 0'),
    }),
  )
  .min(1, 'Cần ít nhất một nguồn kinh phí')
  .max(10, 'Tối đa 10 nguồn kinh phí')
  .refine((list) => new Set(list.map((b) => b.sourceCode)).size === list.length, 'Nguồn kinh phí bị lặp');

/** Where a model is carried out, when, by whom and with what money: what a copy sets anew. */
const placeFields = {
  communeCode: communeCode.describe('Xã/phường thực hiện mô hình'),
  villageIds: ids('thôn', 50).describe('Các thôn/tổ dân phố thực hiện'),
  leadOrganisationId: z.uuid('Mã đơn vị chủ trì không hợp lệ'),
  partnerOrganisationIds: ids('đơn vị phối hợp', 20),
  startsOn: isoDateField.describe('Ngày bắt đầu'),
  endsOn: isoDateField.nullable().default(null).describe('Ngày kết thúc (bỏ trống: đang thực hiện)'),
  budget: BudgetSchema.describe('Kinh phí theo nguồn (đồng)'),
};
const periodInOrder = (m: { startsOn?: string; endsOn?: string | null }) =>
  !m.startsOn || !m.endsOn || m.startsOn <= m.endsOn;
const periodProblem = { message: 'Ngày kết thúc phải sau ngày bắt đầu', path: ['endsOn'] };

const resultFields = {
  name: nameText(300),
  kind: z.enum(MODEL_KINDS),
  expectedResults: nameText(4000).describe('Kết quả dự kiến'),
  expectedIncomeIncrease: money('Thu nhập tăng thêm dự kiến')
    .nullable()
    .default(null)
    .describe('Thu nhập tăng thêm dự kiến của một hộ tham gia (đồng/năm)'),
  actualResults: optionalText(4000).default(null).describe('Kết quả đạt được'),
  actualIncomeIncrease: money('Thu nhập tăng thêm thực tế')
    .nullable()
    .default(null)
    .describe('Thu nhập tăng thêm thực tế bình quân một hộ (đồng/năm)'),
};

export const ModelCreateSchema = z
  .strictObject({ ...resultFields, ...placeFields })
  .refine(periodInOrder, periodProblem);
export type ModelCreateReq = z.infer<typeof ModelCreateSchema>;

export const ModelUpdateSchema = z
  .strictObject({ ...resultFields, ...placeFields, version: versionField })
  .omit({ communeCode: true })
  .refine(periodInOrder, periodProblem);
export type ModelUpdateReq = z.infer<typeof ModelUpdateSchema>;

export const ModelReplicateSchema = z
  .strictObject({ name: nameText(300).optional().describe('Tên bản nhân rộng (mặc định: tên gốc)'), ...placeFields })
  .refine(periodInOrder, periodProblem);
export type ModelReplicateReq = z.infer<typeof ModelReplicateSchema>;

/** A support given through the model: one of the kinds a model gives, with the support's own rules. */
const ModelSupportInputSchema = SupportCreateSchema.refine(
  (s) => (MODEL_SUPPORT_KINDS as readonly string[]).includes(s.kind),
  { path: ['kind'], message: 'Mô hình hỗ trợ sản xuất, đào tạo nghề, việc làm, vay vốn hoặc hỗ trợ khác' },
);

export const ParticipantAddSchema = z.strictObject({
  householdId: z.uuid('Mã hộ không hợp lệ'),
  joinedOn: isoDateField.describe('Ngày hộ tham gia mô hình'),
  note: optionalText(1000).default(null),
  received: z
    .array(ModelSupportInputSchema)
    .max(10, 'Tối đa 10 khoản hỗ trợ mỗi lần')
    .default([])
    .describe('Những gì hộ nhận qua mô hình (ghi thành hỗ trợ của hộ)'),
});
export type ParticipantAddReq = z.infer<typeof ParticipantAddSchema>;

export const ParticipantParamsSchema = z.strictObject({
  id: z.uuid('Mã định danh không hợp lệ'),
  householdId: z.uuid('Mã hộ không hợp lệ'),
});
export const ParticipantRemoveSchema = z.strictObject({
  reason: nameText(500).describe('Lý do bỏ hộ khỏi mô hình (ví dụ: thêm nhầm hộ)'),
});

const Ref = z.object({ id: z.uuid(), name: z.string() });
const StatusSchema = z.object({ year: z.number().int(), category: z.enum(CATEGORIES) }).nullable();

export const ResultsSchema = z.object({
  participants: z.number().int(),
  poorAtJoining: z.number().int(),
  nearPoorAtJoining: z.number().int(),
  escapedPoverty: z.number().int(),
  escapedNearPoverty: z.number().int(),
  fellBack: z.number().int(),
  povertyExitRate: z.number().nullable().describe('Tỷ lệ thoát nghèo trong số hộ nghèo khi tham gia'),
  nearPovertyExitRate: z.number().nullable().describe('Tỷ lệ thoát nghèo và cận nghèo'),
});

export const ModelSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(MODEL_KINDS),
  provinceCode: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  villages: z.array(Ref),
  leadOrganisation: Ref,
  partnerOrganisations: z.array(Ref),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  budget: z.array(z.object({ sourceCode: z.string(), amount: z.number().int() })),
  totalBudget: z.number().int(),
  expectedResults: z.string(),
  expectedIncomeIncrease: z.number().int().nullable(),
  actualResults: z.string().nullable(),
  actualIncomeIncrease: z.number().int().nullable(),
  originId: z.uuid().nullable(),
  results: ResultsSchema,
  canManage: z.boolean(),
  version: z.number().int(),
});
export type ModelSummaryView = z.infer<typeof ModelSummarySchema>;

export const ParticipantSchema = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  householdCode: z.string(),
  headName: z.string(),
  joinedOn: z.string(),
  note: z.string().nullable(),
  before: StatusSchema.describe('Tình trạng theo danh sách có hiệu lực khi tham gia'),
  now: StatusSchema.describe('Tình trạng theo lần đánh giá gần nhất'),
  outcome: z.enum(OUTCOMES),
  received: z.array(SupportSchema),
});
export type ParticipantView = z.infer<typeof ParticipantSchema>;

export const ModelSchema = ModelSummarySchema.extend({
  origin: Ref.nullable(),
  copies: z.array(Ref),
  participants: z.array(ParticipantSchema),
  createdAt: timestampField,
  updatedAt: timestampField,
});
export type ModelView = z.infer<typeof ModelSchema>;

export const ModelListQuerySchema = listQuerySchema(['startsOn', 'name'] as const).extend({
  commune: communeCode.optional(),
  kind: z.enum(MODEL_KINDS).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ModelListReq = z.infer<typeof ModelListQuerySchema>;
/** The list's filters and order; the export holds every model, not a page. */
export const ModelExportQuerySchema = ModelListQuerySchema.omit({ limit: true, offset: true });
export const ModelListSchema = listResponseSchema(ModelSummarySchema);

export const ComparisonSchema = z.object({
  originId: z.uuid(),
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      communeName: z.string(),
      startsOn: z.string(),
      isOrigin: z.boolean(),
      totalBudget: z.number().int(),
      budgetPerParticipant: z.number().int().nullable(),
      expectedIncomeIncrease: z.number().int().nullable(),
      actualIncomeIncrease: z.number().int().nullable(),
      results: ResultsSchema,
    }),
  ),
});

export const HouseholdModelsSchema = z.array(
  z.object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(MODEL_KINDS),
    joinedOn: z.string(),
    outcome: z.enum(OUTCOMES),
  }),
);
