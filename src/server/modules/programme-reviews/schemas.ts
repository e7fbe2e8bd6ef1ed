import { z } from 'zod';
import { REVIEW_KINDS } from '../../../domain/coordination';
import { HOUSE_STAGES } from '../../../domain/support/houses';
import { isoDateField, optionalText, timestampField, versionField } from '../../platform/schemas';

export const FiguresSchema = z.object({
  communication: z.number().int(),
  communicationAudience: z.number().int(),
  trainings: z.number().int(),
  trainees: z.number().int(),
  conferences: z.number().int(),
  conferenceAudience: z.number().int(),
  poorAudience: z.number().int(),
  budget: z.number(),
  supervisions: z.number().int(),
  recommendations: z.number().int(),
  recommendationsResolved: z.number().int(),
  commendations: z.number().int(),
  tasks: z.number().int(),
  tasksDone: z.number().int(),
});

/** Resources mobilised in the programme's area over the period (resources.ts). */
export const ResourceFiguresSchema = z.object({
  fundReceipts: z.number().int(),
  fundSpent: z.number().int(),
  housesApproved: z.number().int(),
  housesByStage: z.record(z.enum(HOUSE_STAGES), z.number().int()),
  housesHandedOver: z.number().int(),
  models: z.number().int(),
  modelHouseholds: z.number().int(),
});

const ContentFiguresSchema = z.object({
  contentId: z.uuid().nullable(),
  position: z.number().int().nullable(),
  title: z.string(),
  figures: FiguresSchema,
});

export const ReviewFiguresSchema = z.object({
  total: FiguresSchema,
  byContent: z.array(ContentFiguresSchema),
  householdsEscaped: z.number().int(),
  /** Absent from reports drafted before these figures existed, until they are refreshed. */
  resources: ResourceFiguresSchema.optional(),
  draftedAt: timestampField,
});

const SectionsSchema = z.strictObject({
  /** What was done under each content (by content id): drafted from the figures, then edited. */
  contents: z
    .array(z.strictObject({ contentId: z.uuid('Mã nội dung không hợp lệ'), text: optionalText(8000) }))
    .max(30, 'Tối đa 30 nội dung'),
  difficulties: optionalText(8000),
  directions: optionalText(8000),
});

export const ReviewSchema = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  programmeNumber: z.string(),
  kind: z.enum(REVIEW_KINDS),
  periodFrom: z.string(),
  periodTo: z.string(),
  number: z.string().nullable(),
  figures: ReviewFiguresSchema,
  sections: SectionsSchema,
  canManage: z.boolean(),
  updatedAt: timestampField,
  version: z.number().int(),
});
export const ReviewListSchema = z.object({ items: z.array(ReviewSchema) });

export const ReviewCreateSchema = z
  .strictObject({
    kind: z.enum(REVIEW_KINDS),
    periodFrom: isoDateField,
    periodTo: isoDateField,
    number: optionalText(60).optional(),
  })
  .refine((r) => r.periodTo >= r.periodFrom, { message: 'Ngày cuối kỳ không trước ngày đầu kỳ', path: ['periodTo'] });

export const ReviewUpdateSchema = z.strictObject({
  number: optionalText(60).optional(),
  sections: SectionsSchema,
  version: versionField,
});

export type ReviewView = z.infer<typeof ReviewSchema>;
export type ReviewFiguresView = z.infer<typeof ReviewFiguresSchema>;
export type ResourceFiguresView = z.infer<typeof ResourceFiguresSchema>;
export type ReviewSections = z.infer<typeof SectionsSchema>;
export type ReviewCreateReq = z.infer<typeof ReviewCreateSchema>;
export type ReviewUpdateReq = z.infer<typeof ReviewUpdateSchema>;
