/**
 * Coordination between the Front and the government (issue 6): the code lists shared by server and
 * browser, and the pure rules — when a task or a recommendation is overdue, what an activity's
 * budget totals, and the figures of a periodic review report.
 */

type Labels<K extends string> = Record<K, { vi: string; en: string }>;

export const LEGAL_DOCUMENT_KINDS = [
  'law',
  'resolution',
  'decree',
  'decision',
  'circular',
  'directive',
  'regulation',
  'programme',
  'plan',
  'other',
] as const;
export type LegalDocumentKind = (typeof LEGAL_DOCUMENT_KINDS)[number];
export const LEGAL_DOCUMENT_KIND_LABELS: Labels<LegalDocumentKind> = {
  law: { vi: 'Luật', en: 'Law' },
  resolution: { vi: 'Nghị quyết', en: 'Resolution' },
  decree: { vi: 'Nghị định', en: 'Decree' },
  decision: { vi: 'Quyết định', en: 'Decision' },
  circular: { vi: 'Thông tư', en: 'Circular' },
  directive: { vi: 'Chỉ thị', en: 'Directive' },
  regulation: { vi: 'Quy chế, quy định', en: 'Regulation' },
  programme: { vi: 'Chương trình', en: 'Programme' },
  plan: { vi: 'Kế hoạch', en: 'Plan' },
  other: { vi: 'Khác', en: 'Other' },
};

/** Province-level, commune-level, or between the Front and its member organisations. */
export const PROGRAMME_LEVELS = ['province', 'commune', 'member_organisations'] as const;
export type ProgrammeLevel = (typeof PROGRAMME_LEVELS)[number];
export const PROGRAMME_LEVEL_LABELS: Labels<ProgrammeLevel> = {
  province: { vi: 'Cấp tỉnh', en: 'Province level' },
  commune: { vi: 'Cấp xã', en: 'Commune level' },
  member_organisations: { vi: 'MTTQ và các tổ chức thành viên', en: 'Front and member organisations' },
};

export const TASK_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Labels<TaskStatus> = {
  planned: { vi: 'Chưa thực hiện', en: 'Planned' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  done: { vi: 'Hoàn thành', en: 'Done' },
  cancelled: { vi: 'Hủy bỏ', en: 'Cancelled' },
};

/**
 * Records of other modules a task links as its evidence (activities and supervisions name their
 * task themselves): a fund campaign, a support a household received, a distribution (one support
 * to each household of a list, linked as one piece of evidence), a poverty-reduction model.
 */
export const TASK_EVIDENCE_KINDS = ['fund_campaign', 'support', 'distribution', 'model'] as const;
export type TaskEvidenceKind = (typeof TASK_EVIDENCE_KINDS)[number];
export const TASK_EVIDENCE_KIND_LABELS: Labels<TaskEvidenceKind> = {
  fund_campaign: { vi: 'Đợt vận động Quỹ "Vì người nghèo"', en: 'Fund for the Poor campaign' },
  support: { vi: 'Hỗ trợ hộ', en: 'Support to a household' },
  distribution: { vi: 'Đợt phát hỗ trợ', en: 'Support distribution' },
  model: { vi: 'Mô hình giảm nghèo', en: 'Poverty-reduction model' },
};

/** Activity kinds, each in one of three groups the review report counts separately. */
export const ACTIVITY_KINDS = [
  'meeting',
  'broadcast',
  'press',
  'social_media',
  'banner',
  'leaflet',
  'door_to_door',
  'training',
  'conference',
  'workshop',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export type ActivityGroup = 'communication' | 'training' | 'conference';
export const ACTIVITY_KIND_LABELS: Labels<ActivityKind> = {
  meeting: { vi: 'Họp dân, sinh hoạt', en: 'Community meeting' },
  broadcast: { vi: 'Phát thanh, loa truyền thanh', en: 'Radio / loudspeaker broadcast' },
  press: { vi: 'Bài báo', en: 'Press article' },
  social_media: { vi: 'Mạng xã hội', en: 'Social media post' },
  banner: { vi: 'Băng rôn, pa nô', en: 'Banner' },
  leaflet: { vi: 'Tờ rơi', en: 'Leaflet' },
  door_to_door: { vi: 'Đến từng hộ', en: 'Door-to-door' },
  training: { vi: 'Tập huấn, bồi dưỡng', en: 'Training course' },
  conference: { vi: 'Hội nghị', en: 'Conference' },
  workshop: { vi: 'Hội thảo', en: 'Workshop' },
};
export function activityGroup(kind: ActivityKind): ActivityGroup {
  if (kind === 'training') return 'training';
  if (kind === 'conference' || kind === 'workshop') return 'conference';
  return 'communication';
}

export const AUDIENCE_KINDS = [
  'residents',
  'poor_households',
  'front_staff',
  'mass_organisation_staff',
  'government_staff',
  'mixed',
] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];
export const AUDIENCE_KIND_LABELS: Labels<AudienceKind> = {
  residents: { vi: 'Nhân dân', en: 'Residents' },
  poor_households: { vi: 'Hộ nghèo, cận nghèo', en: 'Poor and near-poor households' },
  front_staff: { vi: 'Cán bộ Mặt trận', en: 'Front staff' },
  mass_organisation_staff: { vi: 'Cán bộ các đoàn thể', en: 'Mass-organisation staff' },
  government_staff: { vi: 'Cán bộ chính quyền', en: 'Government staff' },
  mixed: { vi: 'Nhiều thành phần', en: 'Mixed' },
};

/** Where an activity's money came from (integer VND each). */
export const BUDGET_SOURCES = ['state', 'fund', 'social', 'other'] as const;
export type BudgetSource = (typeof BUDGET_SOURCES)[number];
export const BUDGET_SOURCE_LABELS: Labels<BudgetSource> = {
  state: { vi: 'Ngân sách nhà nước', en: 'State budget' },
  fund: { vi: 'Quỹ Vì người nghèo', en: 'Fund for the Poor' },
  social: { vi: 'Xã hội hóa', en: 'Mobilised (businesses, donors)' },
  other: { vi: 'Nguồn khác', en: 'Other' },
};
export type Budget = Record<BudgetSource, number>;
export const budgetTotal = (b: Budget) => BUDGET_SOURCES.reduce((s, k) => s + b[k], 0);

export const SUPERVISION_METHODS = ['direct', 'reports', 'residents_meeting'] as const;
export type SupervisionMethod = (typeof SUPERVISION_METHODS)[number];
export const SUPERVISION_METHOD_LABELS: Labels<SupervisionMethod> = {
  direct: { vi: 'Giám sát trực tiếp', en: 'Direct' },
  reports: { vi: 'Qua xem xét báo cáo', en: 'Through reports' },
  residents_meeting: { vi: 'Gặp gỡ, đối thoại với nhân dân', en: 'Meeting with residents' },
};
export const SUPERVISION_STATUSES = ['planned', 'conducted'] as const;
export type SupervisionStatus = (typeof SUPERVISION_STATUSES)[number];
export const SUPERVISION_STATUS_LABELS: Labels<SupervisionStatus> = {
  planned: { vi: 'Trong kế hoạch', en: 'Planned' },
  conducted: { vi: 'Đã giám sát', en: 'Conducted' },
};

/** A recommendation moves forward only: open → answered → accepted → resolved. */
export const RECOMMENDATION_STATUSES = ['open', 'answered', 'accepted', 'resolved'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
export const RECOMMENDATION_STATUS_LABELS: Labels<RecommendationStatus> = {
  open: { vi: 'Chờ trả lời', en: 'Awaiting answer' },
  answered: { vi: 'Đã trả lời', en: 'Answer received' },
  accepted: { vi: 'Đã tiếp thu', en: 'Accepted' },
  resolved: { vi: 'Đã giải quyết xong', en: 'Resolved' },
};
export const RECOMMENDATION_STEPS = ['answer', 'accept', 'resolve'] as const;
export type RecommendationStep = (typeof RECOMMENDATION_STEPS)[number];
const STEP_FROM: Record<RecommendationStep, RecommendationStatus[]> = {
  answer: ['open'],
  accept: ['answered'],
  resolve: ['answered', 'accepted'],
};
const STEP_TO: Record<RecommendationStep, RecommendationStatus> = {
  answer: 'answered',
  accept: 'accepted',
  resolve: 'resolved',
};
/** The status a step leads to, or null when the step does not apply to the current status. */
export function recommendationAfter(
  status: RecommendationStatus,
  step: RecommendationStep,
): RecommendationStatus | null {
  return STEP_FROM[step].includes(status) ? STEP_TO[step] : null;
}

/**
 * Overdue: the due date has passed (dates compared as YYYY-MM-DD in Vietnam's zone) and the work
 * is not finished. A task is finished when done or cancelled; a recommendation when resolved.
 */
export function isTaskOverdue(task: { dueOn: string; status: TaskStatus }, today: string): boolean {
  return task.dueOn < today && task.status !== 'done' && task.status !== 'cancelled';
}
export function isRecommendationOverdue(r: { dueOn: string; status: RecommendationStatus }, today: string): boolean {
  return r.dueOn < today && r.status !== 'resolved';
}
/** Days left until the due date (negative when overdue). */
export function daysUntil(dueOn: string, today: string): number {
  return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export const COMMENDATION_FORMS = ['certificate_of_merit', 'letter_of_commendation', 'praise', 'other'] as const;
export type CommendationForm = (typeof COMMENDATION_FORMS)[number];
export const COMMENDATION_FORM_LABELS: Labels<CommendationForm> = {
  certificate_of_merit: { vi: 'Bằng khen', en: 'Certificate of merit' },
  letter_of_commendation: { vi: 'Giấy khen', en: 'Letter of commendation' },
  praise: { vi: 'Biểu dương', en: 'Public praise' },
  other: { vi: 'Hình thức khác', en: 'Other' },
};
export const COMMENDATION_LEVELS = ['national', 'province', 'commune'] as const;
export type CommendationLevel = (typeof COMMENDATION_LEVELS)[number];
export const COMMENDATION_LEVEL_LABELS: Labels<CommendationLevel> = {
  national: { vi: 'Trung ương', en: 'National' },
  province: { vi: 'Cấp tỉnh', en: 'Province' },
  commune: { vi: 'Cấp xã', en: 'Commune' },
};
export const RECIPIENT_KINDS = ['individual', 'collective', 'business', 'household'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
export const RECIPIENT_KIND_LABELS: Labels<RecipientKind> = {
  individual: { vi: 'Cá nhân', en: 'Individual' },
  collective: { vi: 'Tập thể', en: 'Collective' },
  business: { vi: 'Doanh nghiệp', en: 'Business' },
  household: { vi: 'Hộ tự nguyện thoát nghèo', en: 'Household that escaped poverty by its own effort' },
};

export const REVIEW_KINDS = ['so_ket', 'tong_ket'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];
export const REVIEW_KIND_LABELS: Labels<ReviewKind> = {
  so_ket: { vi: 'Sơ kết', en: 'Interim review' },
  tong_ket: { vi: 'Tổng kết', en: 'Final review' },
};

/** The records a review report counts, as the report reads them (already limited to period and programme). */
export interface ReviewInputs {
  activities: {
    contentId: string | null;
    kind: ActivityKind;
    audienceSize: number;
    poorAudience: number;
    budget: Budget;
  }[];
  supervisions: { contentId: string | null; status: SupervisionStatus; recommendations: RecommendationStatus[] }[];
  commendations: { contentId: string | null }[];
  tasks: { contentId: string; status: TaskStatus }[];
}

export interface ReviewFigures {
  communication: number;
  communicationAudience: number;
  trainings: number;
  trainees: number;
  conferences: number;
  conferenceAudience: number;
  poorAudience: number;
  budget: number;
  supervisions: number;
  recommendations: number;
  recommendationsResolved: number;
  commendations: number;
  tasks: number;
  tasksDone: number;
}

const emptyFigures = (): ReviewFigures => ({
  communication: 0,
  communicationAudience: 0,
  trainings: 0,
  trainees: 0,
  conferences: 0,
  conferenceAudience: 0,
  poorAudience: 0,
  budget: 0,
  supervisions: 0,
  recommendations: 0,
  recommendationsResolved: 0,
  commendations: 0,
  tasks: 0,
  tasksDone: 0,
});

/**
 * The report's figures: per coordination content (records linked to no content go under `null`)
 * and for the whole programme. The totals are the sums of the per-content figures.
 */
export function reviewFigures(input: ReviewInputs): {
  total: ReviewFigures;
  byContent: Map<string | null, ReviewFigures>;
} {
  const byContent = new Map<string | null, ReviewFigures>();
  const total = emptyFigures();
  const at = (contentId: string | null) => {
    let f = byContent.get(contentId);
    if (!f) byContent.set(contentId, (f = emptyFigures()));
    return [f, total];
  };
  for (const a of input.activities) {
    for (const f of at(a.contentId)) {
      const group = activityGroup(a.kind);
      if (group === 'communication') {
        f.communication += 1;
        f.communicationAudience += a.audienceSize;
      } else if (group === 'training') {
        f.trainings += 1;
        f.trainees += a.audienceSize;
      } else {
        f.conferences += 1;
        f.conferenceAudience += a.audienceSize;
      }
      f.poorAudience += a.poorAudience;
      f.budget += budgetTotal(a.budget);
    }
  }
  for (const s of input.supervisions) {
    for (const f of at(s.contentId)) {
      if (s.status === 'conducted') f.supervisions += 1;
      f.recommendations += s.recommendations.length;
      f.recommendationsResolved += s.recommendations.filter((r) => r === 'resolved').length;
    }
  }
  for (const c of input.commendations) for (const f of at(c.contentId)) f.commendations += 1;
  for (const t of input.tasks) {
    for (const f of at(t.contentId)) {
      f.tasks += 1;
      if (t.status === 'done') f.tasksDone += 1;
    }
  }
  return { total, byContent };
}

/** "1.500.000 đ": dot thousands separator, as Vietnamese documents write money. */
export const formatVnd = (amount: number) => `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/gu, '.')} đ`;
/** dd/mm/yyyy from YYYY-MM-DD. */
export const formatDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The drafted sentence of what was done under one content, from its figures (the user edits it). */
export function contentSummary(f: ReviewFigures): string {
  const parts: string[] = [];
  if (f.communication)
    parts.push(`tổ chức ${f.communication} hoạt động tuyên truyền với ${f.communicationAudience} lượt người tham dự`);
  if (f.trainings) parts.push(`mở ${f.trainings} lớp tập huấn, bồi dưỡng cho ${f.trainees} lượt người`);
  if (f.conferences) parts.push(`tổ chức ${f.conferences} hội nghị, hội thảo với ${f.conferenceAudience} đại biểu`);
  if (f.poorAudience) parts.push(`trong đó ${f.poorAudience} lượt người thuộc hộ nghèo, hộ cận nghèo`);
  if (f.supervisions) parts.push(`tiến hành ${f.supervisions} cuộc giám sát`);
  if (f.recommendations)
    parts.push(`đưa ra ${f.recommendations} kiến nghị, đã giải quyết xong ${f.recommendationsResolved}`);
  if (f.commendations) parts.push(`khen thưởng, biểu dương ${f.commendations} tập thể, cá nhân, hộ gia đình`);
  if (f.tasks) parts.push(`hoàn thành ${f.tasksDone}/${f.tasks} nhiệm vụ theo kế hoạch`);
  if (f.budget) parts.push(`tổng kinh phí ${formatVnd(f.budget)}`);
  if (parts.length === 0) return 'Chưa có hoạt động được ghi nhận trong kỳ.';
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** A news item (tin bài) is written as a draft, published on the public site, and may be withdrawn. */
export const NEWS_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type NewsStatus = (typeof NEWS_STATUSES)[number];
export const NEWS_STATUS_LABELS: Labels<NewsStatus> = {
  draft: { vi: 'Bản nháp', en: 'Draft' },
  published: { vi: 'Đã đăng', en: 'Published' },
  withdrawn: { vi: 'Đã gỡ', en: 'Withdrawn' },
};
