import type {
  ActivityGroup,
  ActivityKind,
  AudienceKind,
  Budget,
  LegalDocumentKind,
  ProgrammeLevel,
  TaskStatus,
} from '../../../domain/coordination';
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

  programmes: (query: ListQuery & { level?: ProgrammeLevel }) =>
    api.get<Page<ProgrammeSummary>>('/api/programmes', { ...query }),
  programme: (id: string) => api.get<Programme>(`/api/programmes/${id}`),
  createProgramme: (body: ProgrammeInput) => api.post<Programme>('/api/programmes', body),
  downloadProgramme: (p: { id: string }) =>
    downloadFile(`/api/programmes/${p.id}/document`, undefined, 'chuong-trinh.docx'),

  plans: (programmeId: string) => api.get<{ items: Plan[] }>(`/api/programmes/${programmeId}/plans`),
  createPlan: (programmeId: string, body: { year: number; note?: string | null }) =>
    api.post<Plan>(`/api/programmes/${programmeId}/plans`, body),
  tasks: (
    query: ListQuery & { programme?: string; plan?: string; overdue?: boolean; status?: TaskStatus; sort?: 'dueOn' },
  ) => api.get<Page<Task>>('/api/tasks', { ...query }),
  createTask: (planId: string, body: TaskInput) => api.post<Task>(`/api/plans/${planId}/tasks`, body),
  reportProgress: (id: string, body: { status: TaskStatus; progress: number; note?: string | null; version: number }) =>
    api.post<Task>(`/api/tasks/${id}/progress`, body),

  activities: (
    query: ListQuery & { group?: ActivityGroup; from?: string; to?: string; task?: string; programme?: string },
  ) => api.get<Page<Activity> & { totals: Totals }>('/api/activities', { ...query }),
  createActivity: (body: ActivityInput) => api.post<Activity>('/api/activities', body),
};
