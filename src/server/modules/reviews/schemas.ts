import { z } from 'zod';
import { CATEGORIES } from '../../../domain/poverty';
import { POVERTY_CAUSES } from '../../../domain/registry/codes';
import { ROUND_ACTIONS, ROUND_STATES } from '../../../domain/review';
import { listQuerySchema, listResponseSchema } from '../../platform/list';
import { isoDateField, nameText, optionalText, timestampField, versionField } from '../../platform/schemas';

const localized = z.object({ vi: z.string(), en: z.string() });
const unique = <T>(list: T[]) => new Set(list).size === list.length;

export const ROUND_KINDS = ['periodic', 'regular'] as const;
export const CASE_REASONS = ['current_poor', 'current_near_poor', 'application', 'village_head'] as const;
export const CASE_STATUSES = ['pending', 'draft', 'surveyed', 'agreed', 'resurvey'] as const;
/** Mẫu 01: to be reviewed (as poor, near-poor, average); Mẫu 04: to be recognised as escaped. */
export const APPLICATION_FORMS = ['mau_01', 'mau_04'] as const;
export const APPLICATION_CHANNELS = ['in_person', 'post', 'online'] as const;

const communeCode = z.string().regex(/^\d{5}$/u, 'Mã xã gồm 5 chữ số');
const yearField = z
  .number('Năm phải là số nguyên')
  .int('Năm phải là số nguyên')
  .min(2021, 'Năm từ 2021')
  .max(2100, 'Năm đến 2100');

export const RoundCreateSchema = z
  .strictObject({
    communeCode: communeCode.describe('Mã xã'),
    year: yearField.describe('Năm tổ chức rà soát'),
    kind: z.enum(ROUND_KINDS, 'Loại rà soát: periodic (định kỳ) hoặc regular (thường xuyên)'),
    windowStart: isoDateField.optional().describe('Mặc định 01/09 của năm (định kỳ)'),
    windowEnd: isoDateField.optional().describe('Mặc định 14/12 của năm (định kỳ)'),
    standard: z.string().min(1).max(50).optional().describe('Mặc định: chuẩn áp dụng cho năm danh sách'),
  })
  .refine((r) => !r.windowStart || !r.windowEnd || r.windowStart <= r.windowEnd, {
    path: ['windowEnd'],
    message: 'Ngày kết thúc phải sau ngày bắt đầu',
  });
export type RoundCreateReq = z.infer<typeof RoundCreateSchema>;

export const RoundListQuerySchema = listQuerySchema(['year', 'commune']).extend({
  commune: communeCode.optional(),
  year: z.coerce.number().int().min(2021).max(2100).optional(),
  kind: z.enum(ROUND_KINDS).optional(),
  state: z.enum(ROUND_STATES).optional(),
});
export type RoundListReq = z.infer<typeof RoundListQuerySchema>;

export const RoundStepSchema = z.strictObject({ version: versionField });
export const PostingStartSchema = z.strictObject({
  version: versionField,
  postedOn: isoDateField.describe('Ngày bắt đầu niêm yết'),
});
export const DecideSchema = z.strictObject({
  version: versionField,
  decisionNumber: nameText(50)
    .pipe(z.string().regex(/^\d{1,6}\/[\p{L}\d.-]+$/u, 'Số, ký hiệu dạng 123/QĐ-UBND'))
    .describe('Số và ký hiệu quyết định, ví dụ 245/QĐ-UBND'),
  decisionDate: isoDateField.describe('Ngày ký quyết định'),
  signerName: nameText(100).describe('Chủ tịch (hoặc Phó Chủ tịch) ký quyết định'),
  refusalReason: optionalText(2000)
    .optional()
    .describe('Rà soát thường xuyên: lý do không công nhận theo đơn (trả lời người làm đơn bằng văn bản)'),
});
export const ReopenSchema = z.strictObject({
  version: versionField,
  reason: nameText(1000).pipe(z.string().min(5, 'Ghi rõ lý do mở lại (ít nhất 5 ký tự)')),
});
export type DecideReq = z.infer<typeof DecideSchema>;

export const ApplicationSchema = z.strictObject({
  form: z.enum(APPLICATION_FORMS, 'Mẫu đơn: mau_01 (đề nghị rà soát) hoặc mau_04 (đề nghị thoát nghèo)'),
  receivedOn: isoDateField.describe('Ngày nhận đơn'),
  channel: z.enum(APPLICATION_CHANNELS, 'Hình thức nộp: in_person, post hoặc online'),
  applicantName: nameText(100).describe('Người làm đơn'),
  content: nameText(2000).describe('Lý do đề nghị'),
});
export const CaseAddSchema = z
  .strictObject({
    householdId: z.uuid('Mã hộ không hợp lệ'),
    reason: z.enum(
      ['application', 'village_head'],
      'Lý do: application (có đơn) hoặc village_head (trưởng thôn đề xuất)',
    ),
    application: ApplicationSchema.optional(),
    proposedBy: optionalText(100).optional().describe('Trưởng thôn đề xuất'),
  })
  .refine((c) => c.reason !== 'application' || c.application, {
    path: ['application'],
    message: 'Cần thông tin đơn (mẫu, ngày nhận, hình thức nộp)',
  });
export type CaseAddReq = z.infer<typeof CaseAddSchema>;

export const CaseListQuerySchema = listQuerySchema(['code', 'village']).extend({
  village: z.uuid().optional(),
  status: z.enum(CASE_STATUSES).optional(),
});
export type CaseListReq = z.infer<typeof CaseListQuerySchema>;
export const CaseParamsSchema = z.strictObject({ id: z.uuid(), caseId: z.uuid() });

export const SurveySchema = z.strictObject({
  version: versionField.describe('Phiên bản hồ sơ đã đọc'),
  draft: z.boolean().describe('true: lưu nháp (chưa hoàn thành phiếu)'),
  surveyDate: isoDateField.describe('Ngày điều tra'),
  incomePerCapitaMonthly: z
    .number('Thu nhập phải là số nguyên đồng')
    .int('Thu nhập phải là số nguyên đồng')
    .min(0, 'Thu nhập không được âm')
    .max(1_000_000_000, 'Thu nhập không quá 1.000.000.000 đồng/người/tháng'),
  incomeScore: z.number().int().min(0, 'Điểm B1 không âm').max(10_000).nullable().default(null),
  overrides: z
    .array(
      z.strictObject({
        indicator: z.string().min(1).max(50),
        deprived: z.boolean(),
        reason: z.string().max(1000),
      }),
    )
    .max(30)
    .default([]),
  causes: z.array(z.enum(POVERTY_CAUSES)).refine(unique, 'Nguyên nhân bị lặp').default([]),
  note: optionalText(1000).default(null),
});
export type SurveyReq = z.infer<typeof SurveySchema>;

export const ReviewerAssignSchema = z.strictObject({ userId: z.uuid(), villageId: z.uuid() });

export const MeetingSchema = z
  .strictObject({
    villageId: z.uuid('Thôn không hợp lệ'),
    heldOn: isoDateField.describe('Ngày họp'),
    chair: nameText(100).describe('Người chủ trì (trưởng thôn)'),
    present: z.number().int('Số người dự họp là số nguyên').min(1, 'Phải có người dự họp').max(10_000),
    votes: z
      .array(z.strictObject({ caseId: z.uuid(), agreeing: z.number().int().min(0, 'Số đồng ý không âm') }))
      .min(1, 'Cần ít nhất một hộ được biểu quyết')
      .refine((v) => unique(v.map((x) => x.caseId)), 'Hộ bị lặp'),
  })
  .superRefine((m, ctx) =>
    m.votes.forEach((v, i) => {
      if (v.agreeing > m.present)
        ctx.addIssue({
          code: 'custom',
          path: ['votes', i, 'agreeing'],
          message: 'Số đồng ý không vượt số người dự họp',
        });
    }),
  );
export type MeetingReq = z.infer<typeof MeetingSchema>;

export const ComplaintSchema = z.strictObject({
  caseId: z.uuid('Hộ không hợp lệ'),
  receivedOn: isoDateField.describe('Ngày nhận khiếu nại'),
  complainant: nameText(100).describe('Người khiếu nại'),
  content: nameText(2000).describe('Nội dung khiếu nại'),
});
export const ComplaintResolveSchema = z.strictObject({
  version: versionField,
  findings: nameText(2000).describe('Kết quả phúc tra'),
  outcomeCategory: z.enum(CATEGORIES, 'Phân loại sau phúc tra'),
  repostedOn: isoDateField.nullable().describe('Ngày niêm yết lại (bắt buộc khi kết quả thay đổi)'),
});
export const ComplaintParamsSchema = z.strictObject({ id: z.uuid(), complaintId: z.uuid() });
export type ComplaintReq = z.infer<typeof ComplaintSchema>;
export type ComplaintResolveReq = z.infer<typeof ComplaintResolveSchema>;

// ---- answers ----

const category = z.enum(CATEGORIES);
export const RoundSchema = z.object({
  id: z.uuid(),
  provinceCode: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  year: z.number().int(),
  kind: z.enum(ROUND_KINDS),
  listYear: z.number().int().describe('Năm của danh sách mà đợt rà soát xác định'),
  standardId: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  state: z.enum(ROUND_STATES),
  overdue: z.boolean().describe('Quá hạn: chưa quyết định sau thời hạn'),
  receivedOn: z.string().nullable().describe('Rà soát thường xuyên: ngày nhận đơn đầu tiên'),
  deadline: z.string().nullable().describe('Rà soát thường xuyên: hạn quyết định (15 ngày từ ngày nhận đơn)'),
  deadlineStatus: z.enum(['on_time', 'due_soon', 'overdue', 'decided_on_time', 'decided_late']).nullable(),
  postedOn: z.string().nullable(),
  postingEnds: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  signerName: z.string().nullable(),
  refusalReason: z.string().nullable().describe('Lý do không công nhận theo đơn (rà soát thường xuyên)'),
  counts: z.object({
    cases: z.number().int(),
    surveyed: z.number().int(),
    agreed: z.number().int(),
    openComplaints: z.number().int(),
  }),
  actions: z.array(z.enum(ROUND_ACTIONS)).describe('Các bước người dùng được thực hiện lúc này'),
  createdAt: timestampField,
  updatedAt: timestampField,
  version: z.number().int(),
});
export const RoundDetailSchema = RoundSchema.extend({
  events: z.array(
    z.object({
      action: z.string(),
      fromState: z.string(),
      toState: z.string(),
      actorName: z.string(),
      reason: z.string().nullable(),
      at: timestampField,
    }),
  ),
  villages: z.array(z.object({ id: z.uuid(), name: z.string(), cases: z.number().int() })),
  reviewers: z.array(z.object({ userId: z.uuid(), fullName: z.string(), villageId: z.uuid() })),
  reviewerCandidates: z
    .array(z.object({ userId: z.uuid(), fullName: z.string() }))
    .describe('Điều tra viên làm việc tại xã (chỉ người điều hành đợt rà soát thấy)'),
  meetings: z.array(
    z.object({
      id: z.uuid(),
      villageId: z.uuid(),
      heldOn: z.string(),
      chair: z.string(),
      present: z.number().int(),
      agreed: z.number().int(),
      notAgreed: z.number().int(),
    }),
  ),
  complaints: z.array(
    z.object({
      id: z.uuid(),
      caseId: z.uuid(),
      householdCode: z.string(),
      receivedOn: z.string(),
      complainant: z.string(),
      content: z.string(),
      resolved: z.boolean(),
      findings: z.string().nullable(),
      outcomeCategory: category.nullable(),
      changed: z.boolean().nullable(),
      repostedOn: z.string().nullable(),
      version: z.number().int(),
    }),
  ),
});
export const RoundListSchema = listResponseSchema(RoundSchema);
export type RoundView = z.infer<typeof RoundSchema>;

export const CaseSchema = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  householdId: z.uuid(),
  householdCode: z.string(),
  headName: z.string(),
  villageId: z.uuid(),
  villageName: z.string(),
  reason: z.enum(CASE_REASONS),
  previousCategory: category.nullable(),
  application: ApplicationSchema.nullable(),
  proposedBy: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  survey: z.record(z.string(), z.unknown()).nullable().describe('Câu trả lời phiếu điều tra đã lưu'),
  proposedCategory: category.nullable(),
  deprivations: z.array(z.string()),
  explanation: localized.nullable(),
  causes: z.array(z.enum(POVERTY_CAUSES)),
  meetingPresent: z.number().int().nullable(),
  meetingAgreeing: z.number().int().nullable(),
  finalCategory: category.nullable(),
  certificateNumber: z.number().int().nullable(),
  version: z.number().int(),
});
export const CaseListSchema = listResponseSchema(CaseSchema);
export type CaseView = z.infer<typeof CaseSchema>;

/** A household's review cases (on the household page). */
export const HouseholdCasesSchema = z.array(
  z.object({
    roundId: z.uuid(),
    caseId: z.uuid(),
    year: z.number().int(),
    listYear: z.number().int(),
    kind: z.enum(ROUND_KINDS),
    roundState: z.enum(ROUND_STATES),
    reason: z.enum(CASE_REASONS),
    status: z.enum(CASE_STATUSES),
    previousCategory: category.nullable(),
    proposedCategory: category.nullable(),
    finalCategory: category.nullable().describe('Kết quả được công nhận (khi đã niêm yết, quyết định)'),
    decisionNumber: z.string().nullable(),
    decisionDate: z.string().nullable(),
  }),
);
export type HouseholdCaseView = z.infer<typeof HouseholdCasesSchema>[number];

// ---- bulk classification ----

export const ClassificationStartSchema = z.strictObject({
  villageId: z.uuid('Thôn không hợp lệ').optional().describe('Chỉ một thôn (điều tra viên: thôn được phân công)'),
  surveyDate: isoDateField.describe('Ngày ghi trên các phiếu (trong thời gian rà soát, không sau hôm nay)'),
});
export type ClassificationStartReq = z.infer<typeof ClassificationStartSchema>;

export const ClassificationSchema = z.object({
  id: z.uuid(),
  state: z.enum(['running', 'done', 'stopped']),
  villageId: z.uuid().nullable(),
  surveyDate: z.string(),
  total: z.number().int().describe('Hộ chưa có phiếu (từ danh sách hiện có) khi bắt đầu'),
  done: z.number().int().describe('Đã xử lý'),
  classified: z.number().int().describe('Đã phân loại từ dữ liệu sổ hộ'),
  noIncome: z.number().int().describe('Không có thu nhập điều tra trong 2 năm danh sách gần nhất: điều tra trực tiếp'),
  incomplete: z
    .number()
    .int()
    .describe('Sổ hộ thiếu thông tin (nhà ở, nhân khẩu) hoặc hộ đã lưu trữ: điều tra trực tiếp'),
  kept: z.number().int().describe('Đã có phiếu do điều tra viên lưu: giữ nguyên'),
  applied: z.number().int().describe('Có đơn hoặc trưởng thôn đề xuất: điều tra trực tiếp'),
  stopReason: z.enum(['round_moved', 'error', 'user_gone']).nullable(),
  startedByName: z.string(),
  startedAt: timestampField,
  finishedAt: timestampField.nullable(),
});
export type ClassificationView = z.infer<typeof ClassificationSchema>;
export const ClassificationLatestSchema = z.object({ job: ClassificationSchema.nullable() });
