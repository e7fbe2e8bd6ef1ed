import type {
  ActivityGroup,
  ActivityKind,
  AudienceKind,
  Budget,
  CommendationForm,
  CommendationLevel,
  LegalDocumentKind,
  ProgrammeLevel,
  RecipientKind,
  RecommendationStatus,
  ReviewFigures,
  ReviewKind,
  SupervisionMethod,
  SupervisionStatus,
  TaskEvidenceKind,
  TaskStatus,
} from '../../../domain/coordination';
import type { HouseStage } from '../../../domain/support/houses';
import { api, type Page } from '../../api/client';
import { downloadFile } from '../households/api';

export interface OrgRef {
  id: string;
  name: string;
}

export interface LegalDocument {
  id: string;
  number: string;
  issuedOn: string | null;
  issuer: string;
  kind: LegalDocumentKind;
  title: string;
  summary: string | null;
  provinceCode: string | null;
  communeCode: string | null;
  canManage: boolean;
  version: number;
}
export interface LegalDocumentInput {
  number: string;
  issuedOn: string | null;
  issuer: string;
  kind: LegalDocumentKind;
  title: string;
  summary?: string | null;
  unitCode: string | null;
}

export interface Content {
  id: string;
  position: number;
  title: string;
  scope: string;
  responsible: OrgRef;
  coordinating: OrgRef[];
}
export interface ProgrammeSummary {
  id: string;
  number: string;
  title: string;
  level: ProgrammeLevel;
  signedOn: string;
  signedPlace: string;
  unitCode: string;
  unitName: string;
  periodFrom: number;
  periodTo: number;
  parties: OrgRef[];
  canManage: boolean;
  version: number;
}
export interface Programme extends ProgrammeSummary {
  legalBases: Pick<LegalDocument, 'id' | 'number' | 'issuedOn' | 'issuer' | 'kind' | 'title'>[];
  purposes: string;
  requirements: string;
  implementation: string | null;
  contents: Content[];
}
export interface ContentInput {
  id?: string;
  title: string;
  scope: string;
  responsibleId: string;
  coordinatingIds: string[];
}
export interface ProgrammeInput {
  number: string;
  title: string;
  level: ProgrammeLevel;
  unitCode: string;
  signedOn: string;
  signedPlace: string;
  partyIds: string[];
  legalBasisIds: string[];
  periodFrom: number;
  periodTo: number;
  purposes: string;
  requirements: string;
  implementation?: string | null;
  contents: ContentInput[];
}

export interface Plan {
  id: string;
  programmeId: string;
  year: number;
  note: string | null;
  tasks: number;
  tasksDone: number;
  tasksOverdue: number;
}
export interface Task {
  id: string;
  planId: string;
  year: number;
  programmeId: string;
  programmeNumber: string;
  contentId: string;
  contentPosition: number;
  contentTitle: string;
  title: string;
  lead: OrgRef;
  supporting: OrgRef[];
  dueOn: string;
  status: TaskStatus;
  progress: number;
  overdue: boolean;
  note: string | null;
  canManage: boolean;
  version: number;
}
export interface TaskInput {
  contentId: string;
  title: string;
  leadId: string;
  supportingIds: string[];
  dueOn: string;
  note?: string | null;
}

export interface Activity {
  id: string;
  kind: ActivityKind;
  group: ActivityGroup;
  title: string;
  startsOn: string;
  endsOn: string;
  unitCode: string;
  unitName: string;
  place: string | null;
  organisers: OrgRef[];
  audienceKind: AudienceKind;
  audienceSize: number;
  poorAudience: number;
  topics: string;
  budget: Budget;
  budgetTotal: number;
  programmeId: string | null;
  contentId: string | null;
  taskId: string | null;
  canManage: boolean;
  version: number;
}
export interface ActivityInput {
  kind: ActivityKind;
  title: string;
  startsOn: string;
  endsOn: string;
  unitCode: string;
  place?: string | null;
  organiserIds: string[];
  audienceKind: AudienceKind;
  audienceSize: number;
  poorAudience: number;
  topics: string;
  budget: Budget;
  programmeId?: string | null;
  contentId?: string | null;
  taskId?: string | null;
}
export interface Totals {
  activities: number;
  audience: number;
  poorAudience: number;
  budget: number;
}

type ListQuery = { q?: string; limit: number; offset: number };

export const coordinationApi = {
  documents: (query: ListQuery & { kind?: LegalDocumentKind }) =>
    api.get<Page<LegalDocument>>('/api/legal-documents', { ...query }),
  createDocument: (body: LegalDocumentInput) => api.post<LegalDocument>('/api/legal-documents', body),
  updateDocument: (id: string, body: Omit<LegalDocumentInput, 'number' | 'unitCode'> & { version: number }) =>
    api.patch<LegalDocument>(`/api/legal-documents/${id}`, body),

  programmes: (query: ListQuery & { level?: ProgrammeLevel }) =>
    api.get<Page<ProgrammeSummary>>('/api/programmes', { ...query }),
  programme: (id: string) => api.get<Programme>(`/api/programmes/${id}`),
  createProgramme: (body: ProgrammeInput) => api.post<Programme>('/api/programmes', body),
  /** The number, level and signing unit stay; everything else, contents included, is replaced. */
  updateProgramme: (id: string, body: Omit<ProgrammeInput, 'number' | 'level' | 'unitCode'> & { version: number }) =>
    api.put<Programme>(`/api/programmes/${id}`, body),
  downloadProgramme: (p: { id: string }) =>
    downloadFile(`/api/programmes/${p.id}/document`, undefined, 'chuong-trinh.docx'),

  plans: (programmeId: string) => api.get<{ items: Plan[] }>(`/api/programmes/${programmeId}/plans`),
  createPlan: (programmeId: string, body: { year: number; note?: string | null }) =>
    api.post<Plan>(`/api/programmes/${programmeId}/plans`, body),
  tasks: (
    query: ListQuery & { programme?: string; plan?: string; overdue?: boolean; status?: TaskStatus; sort?: 'dueOn' },
  ) => api.get<Page<Task>>('/api/tasks', { ...query }),
  createTask: (planId: string, body: TaskInput) => api.post<Task>(`/api/plans/${planId}/tasks`, body),
  updateTask: (id: string, body: Partial<TaskInput> & { version: number }) => api.patch<Task>(`/api/tasks/${id}`, body),
  reportProgress: (id: string, body: { status: TaskStatus; progress: number; note?: string | null; version: number }) =>
    api.post<Task>(`/api/tasks/${id}/progress`, body),
  evidence: (taskId: string) => api.get<{ items: TaskEvidence[] }>(`/api/tasks/${taskId}/evidence`),
  linkEvidence: (taskId: string, body: { kind: TaskEvidenceKind; refId: string }) =>
    api.post<TaskEvidence>(`/api/tasks/${taskId}/evidence`, body),
  unlinkEvidence: (id: string) => api.delete<null>(`/api/task-evidence/${id}`),

  activities: (
    query: ListQuery & {
      unit?: string;
      group?: ActivityGroup;
      from?: string;
      to?: string;
      task?: string;
      programme?: string;
    },
  ) => api.get<Page<Activity> & { totals: Totals }>('/api/activities', { ...query }),
  activity: (id: string) => api.get<Activity>(`/api/activities/${id}`),
  createActivity: (body: ActivityInput) => api.post<Activity>('/api/activities', body),
  updateActivity: (id: string, body: ActivityInput & { version: number }) =>
    api.put<Activity>(`/api/activities/${id}`, body),
};

export interface Recommendation {
  id: string;
  supervisionId: string;
  supervisionTopic: string;
  supervisionUnitName: string;
  addressee: OrgRef;
  text: string;
  dueOn: string;
  status: RecommendationStatus;
  overdue: boolean;
  daysLeft: number;
  answer: string | null;
  answeredOn: string | null;
  resolvedOn: string | null;
  canFollowUp: boolean;
  canAnswer: boolean;
  version: number;
}
export interface Supervision {
  id: string;
  year: number;
  unitCode: string;
  unitName: string;
  lead: OrgRef;
  members: OrgRef[];
  supervised: OrgRef;
  topic: string;
  method: SupervisionMethod;
  periodFrom: string;
  periodTo: string;
  status: SupervisionStatus;
  conductedOn: string | null;
  findings: string | null;
  programmeId: string | null;
  taskId: string | null;
  recommendations: Recommendation[];
  canManage: boolean;
  version: number;
}
export interface SupervisionInput {
  year: number;
  unitCode: string;
  leadId: string;
  memberIds: string[];
  supervisedId: string;
  topic: string;
  method: SupervisionMethod;
  periodFrom: string;
  periodTo: string;
  programmeId?: string | null;
  taskId?: string | null;
}
/** The fund, houses and models of the programme's area in the review's period. */
export interface ResourceFigures {
  fundReceipts: number;
  fundSpent: number;
  housesApproved: number;
  housesByStage: Record<HouseStage, number>;
  housesHandedOver: number;
  models: number;
  modelHouseholds: number;
}

/** A record of the fund, support or models linked to a task as its evidence. */
export interface TaskEvidence {
  id: string;
  taskId: string;
  kind: TaskEvidenceKind;
  refId: string;
  label: string;
  date: string;
  canUnlink: boolean;
}

export interface Review {
  id: string;
  programmeId: string;
  programmeNumber: string;
  kind: ReviewKind;
  periodFrom: string;
  periodTo: string;
  number: string | null;
  figures: {
    total: ReviewFigures;
    byContent: { contentId: string | null; position: number | null; title: string; figures: ReviewFigures }[];
    householdsEscaped: number;
    /** Absent from reports drafted before these figures existed, until refreshed. */
    resources?: ResourceFigures;
  };
  sections: {
    contents: { contentId: string; text: string | null }[];
    difficulties: string | null;
    directions: string | null;
  };
  canManage: boolean;
  version: number;
}

export const supervisionApi = {
  list: (query: ListQuery & { year?: number; status?: SupervisionStatus; task?: string; unit?: string }) =>
    api.get<Page<Supervision>>('/api/supervisions', { ...query }),
  plan: (body: SupervisionInput) => api.post<Supervision>('/api/supervisions', body),
  conduct: (id: string, body: { conductedOn: string; findings: string; version: number }) =>
    api.post<Supervision>(`/api/supervisions/${id}/conduct`, body),
  recommend: (id: string, body: { addresseeId: string; text: string; dueOn: string; version: number }) =>
    api.post<Recommendation>(`/api/supervisions/${id}/recommendations`, body),
  mine: () => api.get<Page<Recommendation>>('/api/recommendations/mine'),
  answer: (id: string, body: { answer: string; answeredOn: string; version: number }) =>
    api.post<Recommendation>(`/api/recommendations/${id}/answer`, body),
  accept: (id: string, body: { version: number }) =>
    api.post<Recommendation>(`/api/recommendations/${id}/accept`, body),
  resolve: (id: string, body: { resolvedOn: string; version: number }) =>
    api.post<Recommendation>(`/api/recommendations/${id}/resolve`, body),
};

export const reviewApi = {
  list: (programmeId: string) => api.get<{ items: Review[] }>(`/api/programmes/${programmeId}/reviews`),
  draft: (
    programmeId: string,
    body: { kind: ReviewKind; periodFrom: string; periodTo: string; number?: string | null },
  ) => api.post<Review>(`/api/programmes/${programmeId}/reviews`, body),
  edit: (id: string, body: { number?: string | null; sections: Review['sections']; version: number }) =>
    api.put<Review>(`/api/programme-reviews/${id}`, body),
  refresh: (id: string, version: number) => api.post<Review>(`/api/programme-reviews/${id}/refresh`, { version }),
  download: (r: { id: string }) => downloadFile(`/api/programme-reviews/${r.id}/document`, undefined, 'bao-cao.docx'),
};

export interface Movement {
  id: string;
  name: string;
  unitCode: string;
  unitName: string;
  periodFrom: number;
  periodTo: number;
  description: string | null;
  canManage: boolean;
  version: number;
}
export type MovementInput = Pick<Movement, 'name' | 'unitCode' | 'periodFrom' | 'periodTo' | 'description'>;

export interface Commendation {
  id: string;
  movementId: string | null;
  movementName: string | null;
  programmeId: string | null;
  contentId: string | null;
  recipientOrganisationId: string | null;
  unitCode: string;
  unitName: string;
  form: CommendationForm;
  level: CommendationLevel;
  recipientKind: RecipientKind;
  recipientName: string;
  achievement: string;
  decisionNumber: string;
  decisionDate: string;
  canManage: boolean;
  version: number;
}
export type CommendationInput = Omit<Commendation, 'id' | 'movementName' | 'unitName' | 'canManage' | 'version'>;

/** Emulation movements (phong trào thi đua) and commendations (khen thưởng). */
export const emulationApi = {
  movements: (query: ListQuery) => api.get<Page<Movement>>('/api/movements', { ...query }),
  createMovement: (body: MovementInput) => api.post<Movement>('/api/movements', body),
  updateMovement: (id: string, body: Omit<MovementInput, 'unitCode'> & { version: number }) =>
    api.put<Movement>(`/api/movements/${id}`, body),
  commendations: (
    query: ListQuery & { level?: CommendationLevel; recipientKind?: RecipientKind; from?: string; to?: string },
  ) => api.get<Page<Commendation>>('/api/commendations', { ...query }),
  createCommendation: (body: CommendationInput) => api.post<Commendation>('/api/commendations', body),
  updateCommendation: (id: string, body: Omit<CommendationInput, 'unitCode'> & { version: number }) =>
    api.put<Commendation>(`/api/commendations/${id}`, body),
};
