import { z } from 'zod';
import {
  CATEGORIES,
  DURABILITIES,
  INDICATOR_KEYS,
  INFORMATION_DEVICES,
  SCHOOL_LEVELS,
  WORK_STATUSES,
} from '../../../domain/poverty';
import { POLICY_FLAGS, RELATIONS, SEXES } from '../../../domain/registry/codes';
import { listQuerySchema, listResponseSchema } from '../../platform/list';
import {
  isoDateField,
  nameText,
  optionalText,
  queryBoolean,
  timestampField,
  versionField,
} from '../../platform/schemas';

const unique = <T>(list: T[]) => new Set(list).size === list.length;

export const MemberInputSchema = z.strictObject({
  fullName: nameText(120),
  dateOfBirth: isoDateField,
  sex: z.enum(SEXES),
  citizenId: z
    .string()
    .regex(/^\d{12}$/u, 'Số định danh cá nhân gồm đúng 12 chữ số')
    .nullable()
    .default(null),
  relation: z.enum(RELATIONS),
  ethnicity: nameText(50).default('Kinh'),
  disability: z.boolean().default(false),
  healthInsurance: z.boolean().default(false),
  attending: z.enum(SCHOOL_LEVELS).nullable().default(null).describe('Cấp học đang theo học'),
  education: z.enum(SCHOOL_LEVELS).nullable().default(null).describe('Bằng cấp cao nhất đã có'),
  inTraining: z.boolean().default(false),
  work: z.enum(WORK_STATUSES).nullable().default(null),
  ableToWork: z.boolean().default(true),
  monthlySocialAllowance: z.boolean().default(false),
  stunted: z.boolean().nullable().default(null),
  underweight: z.boolean().nullable().default(null),
});

export const DwellingSchema = z.strictObject({
  walls: z.enum(DURABILITIES).nullable(),
  frame: z.enum(DURABILITIES).nullable(),
  roof: z.enum(DURABILITIES).nullable(),
  floorArea: z.number().min(0).max(10_000).multipleOf(0.1).nullable().describe('m²'),
  cleanWater: z.boolean().nullable(),
  hygienicLatrine: z.boolean().nullable(),
  telecomSubscription: z.boolean().nullable(),
  devices: z.array(z.enum(INFORMATION_DEVICES)).refine(unique, 'Thiết bị bị lặp').nullable(),
  hearsLoudspeaker: z.boolean().nullable(),
  internetUse: z.boolean().nullable(),
  wasteHandledHygienically: z.boolean().nullable(),
});
const EMPTY_DWELLING = Object.fromEntries(Object.keys(DwellingSchema.shape).map((k) => [k, null])) as z.infer<
  typeof DwellingSchema
>;

const householdFields = {
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{1,30}$/u, 'Mã hộ 1–30 ký tự: chữ, số, dấu chấm, gạch ngang'),
  address: nameText(300),
  area: z.enum(['rural', 'urban']),
  ethnicMinority: z.boolean().default(false),
  phone: optionalText(20)
    .refine((v) => v === null || /^[0-9+ .()-]{8,20}$/u.test(v), 'Số điện thoại không hợp lệ')
    .default(null),
  policyFlags: z.array(z.enum(POLICY_FLAGS)).refine(unique, 'Đối tượng chính sách bị lặp').default([]),
};

export const HouseholdCreateSchema = z.strictObject({
  communeCode: z.string().regex(/^\d{5}$/u, 'Mã xã/phường gồm 5 chữ số'),
  villageId: z.uuid(),
  ...householdFields,
  dwelling: DwellingSchema.default(EMPTY_DWELLING),
  members: z
    .array(MemberInputSchema)
    .min(1, 'Hộ phải có ít nhất chủ hộ')
    .max(50)
    .refine((m) => m.filter((x) => x.relation === 'head').length === 1, 'Hộ phải có đúng một chủ hộ'),
});

export const HouseholdUpdateSchema = z.strictObject({
  code: householdFields.code.optional(),
  address: householdFields.address.optional(),
  area: householdFields.area.optional(),
  ethnicMinority: z.boolean().optional(),
  phone: optionalText(20).optional(),
  policyFlags: householdFields.policyFlags.optional(),
  version: versionField,
});
export const DwellingUpdateSchema = DwellingSchema.extend({ version: versionField });
export const HouseholdMoveSchema = z.strictObject({ villageId: z.uuid(), version: versionField });
export const HouseholdArchiveSchema = z.strictObject({ reason: nameText(500), version: versionField });
export const MemberAddSchema = MemberInputSchema.extend({ version: versionField.describe('Phiên bản của hộ') });
export const MemberUpdateSchema = MemberInputSchema.partial().extend({
  version: versionField.describe('Phiên bản của hộ'),
});
export const MemberLeaveSchema = z.strictObject({
  date: isoDateField,
  reason: nameText(300),
  version: versionField.describe('Phiên bản của hộ'),
});
export const MemberParamsSchema = z.strictObject({ id: z.uuid(), memberId: z.uuid() });

export const MemberSchema = MemberInputSchema.extend({
  id: z.uuid(),
  disability: z.boolean().nullable().describe('null: người chỉ xem không thấy thông tin sức khỏe'),
  citizenId: z.string().nullable().describe('Đủ 12 số cho cán bộ nghiệp vụ; người xem chỉ thấy 4 số cuối'),
  position: z.number().int(),
  leftAt: z.string().nullable(),
  leftReason: z.string().nullable(),
  /** Other households where the same citizen ID appears (possible duplicate). */
  /** Named only when that household lies in the viewer's area. */
  duplicateOf: z.array(
    z.object({ householdId: z.uuid().nullable(), householdCode: z.string().nullable(), communeCode: z.string() }),
  ),
});

const HouseholdBase = z.object({
  id: z.uuid(),
  provinceCode: z.string(),
  communeCode: z.string(),
  villageId: z.uuid(),
  villageName: z.string(),
  code: z.string(),
  headName: z.string(),
  address: z.string(),
  area: z.enum(['rural', 'urban']),
  ethnicMinority: z.boolean(),
  phone: z.string().nullable(),
  policyFlags: z.array(z.enum(POLICY_FLAGS)),
  memberCount: z.number().int(),
  status: z
    .object({ year: z.number().int(), category: z.enum(CATEGORIES), deprivationCount: z.number().int() })
    .nullable()
    .describe('Kết quả đánh giá gần nhất'),
  archived: z.boolean(),
  archiveReason: z.string().nullable(),
  createdAt: timestampField,
  updatedAt: timestampField,
  version: z.number().int(),
});
export const HouseholdSummarySchema = HouseholdBase;
export const HouseholdSchema = HouseholdBase.extend({ dwelling: DwellingSchema, members: z.array(MemberSchema) });

export const HouseholdListQuerySchema = listQuerySchema(['head', 'code', 'createdAt']).extend({
  province: z
    .string()
    .regex(/^\d{2}$/u)
    .optional(),
  commune: z
    .string()
    .regex(/^\d{5}$/u)
    .optional(),
  village: z.uuid().optional(),
  policyFlag: z.enum(POLICY_FLAGS).optional(),
  includeArchived: queryBoolean,
  year: z.coerce
    .number()
    .int()
    .min(2016)
    .max(2100)
    .optional()
    .describe('Năm danh sách cho bộ lọc phân loại, chỉ số thiếu hụt (mặc định năm nay)'),
  category: z.enum(CATEGORIES).optional().describe('Phân loại trong kết quả của năm'),
  indicator: z.enum(INDICATOR_KEYS).optional().describe('Thiếu hụt chỉ số này trong kết quả của năm'),
});
export const HouseholdListSchema = listResponseSchema(HouseholdSummarySchema).extend({
  totalCapped: z.boolean().describe('true: more than `total` households match; narrow the search'),
});

export type MemberInput = z.infer<typeof MemberInputSchema>;
export type Dwelling = z.infer<typeof DwellingSchema>;
export type HouseholdCreateReq = z.infer<typeof HouseholdCreateSchema>;
export type HouseholdUpdateReq = z.infer<typeof HouseholdUpdateSchema>;
export type HouseholdListReq = z.infer<typeof HouseholdListQuerySchema>;
export type HouseholdView = z.infer<typeof HouseholdSchema>;
export type HouseholdSummary = z.infer<typeof HouseholdSummarySchema>;

export const HeadChangeSchema = z.strictObject({
  memberId: z.uuid(),
  formerHeadRelation: z.enum(RELATIONS).describe('Quan hệ mới của chủ hộ cũ với chủ hộ mới'),
  version: versionField,
});

const movedMember = z.strictObject({ memberId: z.uuid(), relation: z.enum(RELATIONS) });

export const HouseholdSplitSchema = z.strictObject({
  code: householdFields.code.describe('Mã hộ mới'),
  address: householdFields.address.optional().describe('Mặc định: địa chỉ hộ cũ'),
  villageId: z.uuid().optional().describe('Mặc định: thôn của hộ cũ'),
  members: z
    .array(movedMember)
    .min(1)
    .max(50)
    .refine((m) => m.filter((x) => x.relation === 'head').length === 1, 'Hộ mới phải có đúng một chủ hộ')
    .refine((m) => unique(m.map((x) => x.memberId)), 'Nhân khẩu bị lặp'),
  version: versionField,
});

export const HouseholdMergeSchema = z.strictObject({
  fromHouseholdId: z.uuid().describe('Hộ nhập vào hộ này (sẽ được lưu trữ)'),
  fromVersion: versionField,
  members: z
    .array(movedMember)
    .refine((m) => m.every((x) => x.relation !== 'head'), 'Hộ nhận đã có chủ hộ')
    .refine((m) => unique(m.map((x) => x.memberId)), 'Nhân khẩu bị lặp'),
  version: versionField,
});

export const HistoryQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
