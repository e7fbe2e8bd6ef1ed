import type { Category } from '../../../domain/poverty';
import type { PovertyCause } from '../../../domain/registry/codes';
import type { DeadlineStatus, RoundAction, RoundState } from '../../../domain/review';
import { api, type Page } from '../../api/client';
import type { AssessmentPreview, IndicatorOverride } from '../households/api';
import { downloadFile } from '../households/api';

export { REVIEWS_PATH, roundPath } from './paths';

export type RoundKind = 'periodic' | 'regular';
export type CaseReason = 'current_poor' | 'current_near_poor' | 'application' | 'village_head';
export type CaseStatus = 'pending' | 'draft' | 'surveyed' | 'agreed' | 'resurvey';
export type ApplicationForm = 'mau_01' | 'mau_04';
export type ApplicationChannel = 'in_person' | 'post' | 'online';

export interface Round {
  id: string;
  provinceCode: string;
  communeCode: string;
  communeName: string;
  year: number;
  kind: RoundKind;
  listYear: number;
  standardId: string;
  windowStart: string;
  windowEnd: string;
  state: RoundState;
  overdue: boolean;
  receivedOn: string | null;
  deadline: string | null;
  deadlineStatus: DeadlineStatus | null;
  postedOn: string | null;
  postingEnds: string | null;
  decisionNumber: string | null;
  decisionDate: string | null;
  signerName: string | null;
  /** A regular round: why an application was not granted (answered in writing). */
  refusalReason: string | null;
  counts: { cases: number; surveyed: number; agreed: number; openComplaints: number };
  actions: RoundAction[];
  version: number;
}

export interface RoundEvent {
  action: string;
  fromState: string;
  toState: string;
  actorName: string;
  reason: string | null;
  at: string;
}
export interface Meeting {
  id: string;
  villageId: string;
  heldOn: string;
  chair: string;
  present: number;
  agreed: number;
  notAgreed: number;
}
export interface Complaint {
  id: string;
  caseId: string;
  householdCode: string;
  receivedOn: string;
  complainant: string;
  content: string;
  resolved: boolean;
  findings: string | null;
  outcomeCategory: Category | null;
  changed: boolean | null;
  repostedOn: string | null;
  version: number;
}
export interface RoundDetail extends Round {
  events: RoundEvent[];
  villages: { id: string; name: string; cases: number }[];
  reviewers: { userId: string; fullName: string; villageId: string }[];
  /** Accounts with the reviewer role that work in the commune (for those who run the round). */
  reviewerCandidates: { userId: string; fullName: string }[];
  meetings: Meeting[];
  complaints: Complaint[];
}

export interface Application {
  form: ApplicationForm;
  receivedOn: string;
  channel: ApplicationChannel;
  applicantName: string;
  content: string;
}

export interface ReviewCase {
  id: string;
  householdId: string;
  householdCode: string;
  headName: string;
  villageId: string;
  villageName: string;
  reason: CaseReason;
  previousCategory: Category | null;
  application: Application | null;
  proposedBy: string | null;
  status: CaseStatus;
  /** The saved answers; a sheet filled by a bulk classification also names it and the income's list year. */
  survey: (Partial<SurveyInput> & { classificationId?: string; incomeYear?: number }) | null;
  proposedCategory: Category | null;
  deprivations: string[];
  explanation: { vi: string; en: string } | null;
  causes: PovertyCause[];
  meetingPresent: number | null;
  meetingAgreeing: number | null;
  finalCategory: Category | null;
  certificateNumber: number | null;
  version: number;
}

export interface SurveyInput {
  draft: boolean;
  surveyDate: string;
  incomePerCapitaMonthly: number;
  incomeScore: number | null;
  overrides: IndicatorOverride[];
  causes: PovertyCause[];
  note: string | null;
}

/** A bulk classification of the round's cases without a sheet, from the registry (runs in the background). */
export interface Classification {
  id: string;
  state: 'running' | 'done' | 'stopped';
  villageId: string | null;
  surveyDate: string;
  total: number;
  done: number;
  classified: number;
  noIncome: number;
  incomplete: number;
  kept: number;
  applied: number;
  stopReason: 'round_moved' | 'error' | 'user_gone' | null;
  startedByName: string;
  startedAt: string;
  finishedAt: string | null;
}

export interface RoundListQuery {
  commune?: string;
  year?: number;
  kind?: RoundKind;
  state?: RoundState;
  limit: number;
  offset: number;
}

/** A household's case in a round (the household page lists them). */
export interface HouseholdCase {
  roundId: string;
  caseId: string;
  year: number;
  listYear: number;
  kind: RoundKind;
  roundState: RoundState;
  reason: CaseReason;
  status: CaseStatus;
  previousCategory: Category | null;
  proposedCategory: Category | null;
  finalCategory: Category | null;
  decisionNumber: string | null;
  decisionDate: string | null;
}

const base = (id: string) => `/api/reviews/${id}`;

export const reviewsApi = {
  list: (query: RoundListQuery) => api.get<Page<Round>>('/api/reviews', { ...query }),
  create: (body: { communeCode: string; year: number; kind: RoundKind }) => api.post<Round>('/api/reviews', body),
  get: (id: string) => api.get<RoundDetail>(base(id)),
  /** A step without other input: start listing, the survey, the meetings. */
  step: (id: string, path: 'listing' | 'survey' | 'meetings', version: number) =>
    api.post<Round>(`${base(id)}/${path}`, { version }),
  post: (id: string, body: { postedOn: string; version: number }) => api.post<Round>(`${base(id)}/posting`, body),
  decide: (
    id: string,
    body: {
      decisionNumber: string;
      decisionDate: string;
      signerName: string;
      refusalReason?: string | null;
      version: number;
    },
    /** Households whose result is written so far, of how many. */
    onProgress?: (progress: { done: number; total: number }) => void,
  ) => api.post<Round, { done: number; total: number }>(`${base(id)}/decide`, body, onProgress),
  reopen: (id: string, body: { reason: string; version: number }) => api.post<Round>(`${base(id)}/reopen`, body),

  ofHousehold: (householdId: string) => api.get<HouseholdCase[]>(`/api/households/${householdId}/reviews`),
  cases: (id: string, query: { q?: string; village?: string; status?: CaseStatus; limit: number; offset: number }) =>
    api.get<Page<ReviewCase>>(`${base(id)}/cases`, { ...query }),
  addCase: (
    id: string,
    body: {
      householdId: string;
      reason: 'application' | 'village_head';
      application?: Application;
      proposedBy?: string | null;
    },
  ) => api.post<ReviewCase>(`${base(id)}/cases`, body),
  previewSurvey: (id: string, caseId: string, body: SurveyInput & { version: number }) =>
    api.post<AssessmentPreview>(`${base(id)}/cases/${caseId}/survey/preview`, body),
  saveSurvey: (id: string, caseId: string, body: SurveyInput & { version: number }) =>
    api.put<{ case: ReviewCase; result: AssessmentPreview }>(`${base(id)}/cases/${caseId}/survey`, body),
  classification: (id: string) => api.get<{ job: Classification | null }>(`${base(id)}/classification`),
  classify: (id: string, body: { villageId?: string; surveyDate: string }) =>
    api.post<Classification>(`${base(id)}/classification`, body),
  assignReviewer: (id: string, body: { userId: string; villageId: string }) =>
    api.post<unknown>(`${base(id)}/reviewers`, body),
  recordMeeting: (
    id: string,
    body: {
      villageId: string;
      heldOn: string;
      chair: string;
      present: number;
      votes: { caseId: string; agreeing: number }[];
    },
  ) => api.post<RoundDetail>(`${base(id)}/village-meetings`, body),
  addComplaint: (id: string, body: { caseId: string; receivedOn: string; complainant: string; content: string }) =>
    api.post<RoundDetail>(`${base(id)}/complaints`, body),
  recheck: (
    id: string,
    complaintId: string,
    body: { findings: string; outcomeCategory: Category; repostedOn: string | null; version: number },
  ) => api.post<RoundDetail>(`${base(id)}/complaints/${complaintId}/recheck`, body),

  minutes: (id: string, meetingId: string) =>
    downloadFile(`${base(id)}/village-meetings/${meetingId}/minutes.docx`, undefined, 'bien-ban-hop-dan.docx'),
  postingList: (id: string, format: 'docx' | 'pdf', village?: string) =>
    downloadFile(`${base(id)}/posting-list.${format}`, { village }, `danh-sach-niem-yet.${format}`),
  refusal: (id: string) => downloadFile(`${base(id)}/refusal.docx`, undefined, 'thong-bao-khong-cong-nhan.docx'),
  decision: (id: string) => downloadFile(`${base(id)}/decision.docx`, undefined, 'quyet-dinh.docx'),
  certificate: (id: string, caseId: string) =>
    downloadFile(`${base(id)}/cases/${caseId}/certificate.docx`, undefined, 'giay-chung-nhan.docx'),
};
