import type {
  Category,
  Durability,
  InformationDevice,
  Localized,
  SchoolLevel,
  WorkStatus,
} from '../../../domain/poverty';
import type { Movement, PolicyFlag, PovertyCause, Relation, SexCode } from '../../../domain/registry/codes';
import {
  api,
  ApiError,
  csrfHeader,
  NETWORK_ERROR,
  withQuery,
  type Page,
  type Problem,
  type Query,
} from '../../api/client';
import { saveBlob } from '../../lib/download';
import type { AuditEvent } from '../audit/api';

/**
 * Typed calls of the household registry (/api/households…), its assessments and its Excel
 * import. Shapes follow src/server/modules/households/schemas.ts.
 */
export type AreaKind = 'rural' | 'urban';

export interface MemberInput {
  fullName: string;
  dateOfBirth: string;
  sex: SexCode;
  citizenId: string | null;
  relation: Relation;
  ethnicity: string;
  disability: boolean;
  healthInsurance: boolean;
  attending: SchoolLevel | null;
  education: SchoolLevel | null;
  inTraining: boolean;
  work: WorkStatus | null;
  ableToWork: boolean;
  monthlySocialAllowance: boolean;
  stunted: boolean | null;
  underweight: boolean | null;
}

export interface Member extends Omit<MemberInput, 'disability'> {
  /** Null when health facts are hidden from the viewer (as are `stunted` and `underweight`). */
  disability: boolean | null;
  id: string;
  position: number;
  leftAt: string | null;
  leftReason: string | null;
  duplicateOf: { householdId: string | null; householdCode: string | null; communeCode: string }[];
}

export interface Dwelling {
  walls: Durability | null;
  frame: Durability | null;
  roof: Durability | null;
  floorArea: number | null;
  cleanWater: boolean | null;
  hygienicLatrine: boolean | null;
  telecomSubscription: boolean | null;
  devices: InformationDevice[] | null;
  hearsLoudspeaker: boolean | null;
  internetUse: boolean | null;
  wasteHandledHygienically: boolean | null;
}

export interface HouseholdStatus {
  year: number;
  category: Category;
  deprivationCount: number;
}

export interface HouseholdFields {
  code: string;
  address: string;
  area: AreaKind;
  ethnicMinority: boolean;
  phone: string | null;
  policyFlags: PolicyFlag[];
}

export interface HouseholdSummary extends HouseholdFields {
  id: string;
  provinceCode: string;
  communeCode: string;
  villageId: string;
  villageName: string;
  headName: string;
  memberCount: number;
  archived: boolean;
  archiveReason: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** The latest assessment, once the server reports it. */
  status?: HouseholdStatus | null;
}

export interface Household extends HouseholdSummary {
  dwelling: Dwelling;
  members: Member[];
}

export type HouseholdSort = 'head' | 'code' | 'createdAt';

export interface HouseholdListQuery {
  q?: string;
  province?: string;
  commune?: string;
  village?: string;
  policyFlag?: PolicyFlag;
  includeArchived?: boolean;
  year?: number;
  category?: Category;
  indicator?: string;
  limit: number;
  offset: number;
  sort?: HouseholdSort;
  order?: 'asc' | 'desc';
}

export interface HouseholdCreate extends HouseholdFields {
  communeCode: string;
  villageId: string;
  dwelling: Dwelling;
  members: MemberInput[];
}

export type HistoryEvent = AuditEvent;

// --- Assessments -------------------------------------------------------------------------

export interface IndicatorOverride {
  indicator: string;
  deprived: boolean;
  reason: string;
}

export interface AssessmentInput {
  year: number;
  standard?: string;
  surveyDate: string;
  incomePerCapitaMonthly: number;
  incomeScore?: number | null;
  overrides?: IndicatorOverride[];
  causes?: PovertyCause[];
  note?: string | null;
}

export interface AssessedIndicatorView {
  indicator: string;
  name: Localized;
  dimension: Localized;
  deprived: boolean;
  derived: { deprived: boolean; reasons: Localized[]; missingData?: true };
  override: { deprived: boolean; reason: string } | null;
}

export interface AssessmentPreview {
  householdId: string;
  year: number;
  standard: { id: string; version: number; name: Localized; provisional: boolean };
  source: 'survey' | 'import';
  surveyDate: string;
  area: AreaKind;
  /** null: the viewer may not see incomes. */
  incomePerCapitaMonthly: number | null;
  incomeScore: number | null;
  category: Category;
  rule: string;
  deprivationCount: number;
  deprivations: string[];
  scores: { deprivationScore: number; incomeScoreLine: number } | null;
  explanation: Localized;
  indicators: AssessedIndicatorView[];
  causes: PovertyCause[];
  note: string | null;
  decisionNumber: string | null;
  decisionDate: string | null;
}

export interface Assessment extends AssessmentPreview {
  id: string;
  movement: Movement;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ComparisonQuery {
  province?: string;
  commune?: string;
  village?: string;
  year: number;
  to: string;
}

export interface Comparison {
  year: number;
  to: { standard: string; version: number; name: Localized; provisional: boolean };
  /** Households with an official result for the year in the selection. */
  total: number;
  compared: number;
  /** Results imported from a list, without survey data. */
  notComparable: number;
  changed: number;
  matrix: Partial<Record<Category, Partial<Record<Category, number>>>>;
  changes: {
    householdId: string;
    code: string;
    headName: string;
    villageName: string;
    from: Category;
    to: Category;
    deprivationCount: number;
  }[];
  changesTruncated: boolean;
}

// --- Import ------------------------------------------------------------------------------

export interface ImportCounts {
  households: { created: number; updated: number };
  members: { created: number; updated: number };
  assessments: { created: number; updated: number };
  dryRun?: boolean;
}

/** One problem of a workbook, as the import reports it (which sheet, row, column, why). */
export interface ImportProblem {
  /** null: the problem is with the whole file. */
  sheet?: string | null;
  row?: number | null;
  /** The column's header as the file shows it. */
  column?: string | null;
  /** "C12". */
  cell?: string | null;
  field?: string;
  message: string;
  messageEn?: string;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The problem of a refused workbook, with its list of errors as the server sent them. */
export class ImportRefused extends Error {
  constructor(
    readonly problem: Problem,
    readonly problems: ImportProblem[],
  ) {
    super(problem.detailEn ?? problem.detail ?? problem.code);
  }
}

async function sendWorkbook(path: string, query: Query, file: Blob): Promise<Response> {
  try {
    return await fetch(withQuery(path, query), {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': XLSX_TYPE,
        accept: `application/json, application/problem+json, ${XLSX_TYPE}`,
        ...csrfHeader(),
      },
      body: file,
    });
  } catch {
    throw new ApiError({ status: 0, code: NETWORK_ERROR });
  }
}

async function problemOf(response: Response): Promise<Problem & { errors?: ImportProblem[] }> {
  const payload = (await response.json().catch(() => null)) as (Problem & { errors?: ImportProblem[] }) | null;
  return payload && typeof payload === 'object' && 'code' in payload
    ? { ...payload, status: response.status }
    : { status: response.status, code: 'unexpected_response' };
}

/** The file name a download is offered under (Content-Disposition), or the fallback. */
export function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/iu.exec(header);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/iu.exec(header);
  return plain?.[1] ?? fallback;
}

/** GET a file and save it under the name the server gives. */
export async function downloadFile(path: string, query: Query | undefined, fallback: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), { credentials: 'same-origin' });
  } catch {
    throw new ApiError({ status: 0, code: NETWORK_ERROR });
  }
  if (!response.ok) throw new ApiError(await problemOf(response));
  saveBlob(await response.blob(), fileNameOf(response, fallback));
}

const base = (id: string) => `/api/households/${id}`;

export const householdsApi = {
  list: (query: HouseholdListQuery) =>
    api.get<Page<HouseholdSummary> & { totalCapped: boolean }>('/api/households', { ...query }),
  get: (id: string) => api.get<Household>(base(id)),
  create: (body: HouseholdCreate) => api.post<Household>('/api/households', body),
  update: (id: string, body: Partial<HouseholdFields> & { version: number }) => api.patch<Household>(base(id), body),
  dwelling: (id: string, body: Dwelling & { version: number }) => api.put<Household>(`${base(id)}/dwelling`, body),
  move: (id: string, body: { villageId: string; version: number }) => api.post<Household>(`${base(id)}/move`, body),
  archive: (id: string, body: { reason: string; version: number }) => api.post<Household>(`${base(id)}/archive`, body),
  changeHead: (id: string, body: { memberId: string; formerHeadRelation: Relation; version: number }) =>
    api.post<Household>(`${base(id)}/head`, body),
  addMember: (id: string, body: MemberInput & { version: number }) => api.post<Household>(`${base(id)}/members`, body),
  updateMember: (id: string, memberId: string, body: Partial<MemberInput> & { version: number }) =>
    api.patch<Household>(`${base(id)}/members/${memberId}`, body),
  memberLeaves: (id: string, memberId: string, body: { date: string; reason: string; version: number }) =>
    api.post<Household>(`${base(id)}/members/${memberId}/leave`, body),
  split: (id: string, body: { code: string; members: { memberId: string; relation: Relation }[]; version: number }) =>
    api.post<{ from: Household; created: Household }>(`${base(id)}/split`, body),
  merge: (
    id: string,
    body: {
      fromHouseholdId: string;
      fromVersion: number;
      members: { memberId: string; relation: Relation }[];
      version: number;
    },
  ) => api.post<Household>(`${base(id)}/merge`, body),
  history: (id: string, query: { limit: number; offset: number }) =>
    api.get<Page<HistoryEvent>>(`${base(id)}/history`, query),
  export: (query: Omit<HouseholdListQuery, 'limit' | 'offset'>) =>
    downloadFile('/api/households/export', { ...query }, 'ho-gia-dinh.xlsx'),
  template: (commune: string | null) =>
    downloadFile('/api/households/import-template', { commune }, 'mau-nhap-ho-gia-dinh.xlsx'),
  /** Import a workbook; a refusal with a list of problems comes back as `ImportRefused`. */
  import: async (commune: string, file: Blob, dryRun: boolean): Promise<ImportCounts> => {
    const response = await sendWorkbook('/api/households/import', { commune, dryRun: dryRun || undefined }, file);
    if (response.ok) return (await response.json()) as ImportCounts;
    const problem = await problemOf(response);
    if (response.status === 422) throw new ImportRefused(problem, problem.errors ?? []);
    throw new ApiError(problem);
  },
  /** The same workbook back, with each problem marked on its cell. */
  annotated: async (commune: string, file: Blob, fallback: string): Promise<void> => {
    const response = await sendWorkbook('/api/households/import/annotated', { commune }, file);
    if (!response.ok) throw new ApiError(await problemOf(response));
    saveBlob(await response.blob(), fileNameOf(response, fallback));
  },
};

export const assessmentsApi = {
  list: (householdId: string) => api.get<{ items: Assessment[] }>(`${base(householdId)}/assessments`),
  preview: (householdId: string, body: AssessmentInput) =>
    api.post<AssessmentPreview>(`${base(householdId)}/assessments/preview`, body),
  create: (householdId: string, body: AssessmentInput) =>
    api.post<Assessment>(`${base(householdId)}/assessments`, body),
  reassess: (id: string, body: AssessmentInput & { version: number }) =>
    api.put<Assessment>(`/api/assessments/${id}`, body),
  comparison: (query: ComparisonQuery) => api.get<Comparison>('/api/assessments/comparison', { ...query }),
};

export const householdQueries = {
  one: (id: string) => ({ queryKey: ['households', 'one', id] as const, queryFn: () => householdsApi.get(id) }),
  assessments: (id: string) => ({
    queryKey: ['households', 'assessments', id] as const,
    queryFn: () => assessmentsApi.list(id),
  }),
};
