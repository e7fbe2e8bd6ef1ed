import type { ProgrammeCreateReq } from '../../src/server/modules/coordination/schemas';
import { createProgramme } from '../../src/server/modules/coordination/service';
import { createPlan, createTask } from '../../src/server/modules/coordination/tasks';
import { createLegalDocument, listLegalDocuments } from '../../src/server/modules/legal-documents/service';
import { legalDocuments } from '../../src/server/modules/legal-documents/tables';
import {
  programmeContents,
  programmePlans,
  programmes,
  programmeReviews,
  programmeTasks,
  taskEvidence,
} from '../../src/server/modules/coordination/tables';
import { linkEvidence } from '../../src/server/modules/coordination/evidence';
import { SupportCreateSchema } from '../../src/server/modules/support/schemas';
import { recordSupport } from '../../src/server/modules/support/service';
import type { Db } from '../../src/server/platform/db/database';
import type { ActivityCreateReq } from '../../src/server/modules/activities/schemas';
import { createActivity } from '../../src/server/modules/activities/service';
import { activities } from '../../src/server/modules/activities/tables';
import type { SupervisionCreateReq } from '../../src/server/modules/supervision/schemas';
import { conductSupervision, followUp, planSupervision, recommend } from '../../src/server/modules/supervision/service';
import { recommendations, supervisions } from '../../src/server/modules/supervision/tables';
import { commend, launchMovement } from '../../src/server/modules/emulation/service';
import { commendations, movements } from '../../src/server/modules/emulation/tables';
import { draftReview } from '../../src/server/modules/programme-reviews/service';
import { addAttachment } from '../../src/server/modules/attachments/service';
import { attachments } from '../../src/server/modules/attachments/tables';
import type { NewsCreateReq } from '../../src/server/modules/news/schemas';
import { createNews, publishNews } from '../../src/server/modules/news/service';
import { newsItems } from '../../src/server/modules/news/tables';
import { buildHousehold, buildOrganisation, HA_TINH, systemAdmin, THACH_HA } from './factories';
import { jpegPhoto } from './files';

let seq = 0;

/** Ids of library texts by number (the library is pre-filled in every test database). */
export async function libraryIds(db: Db, ...numbers: string[]) {
  const { items } = await listLegalDocuments(db, await systemAdmin(db), {
    limit: 500,
    offset: 0,
    sort: 'number',
    order: 'asc',
  });
  return numbers.map((n) => {
    const doc = items.find((d) => d.number === n);
    if (!doc) throw new Error(`no ${n} in the library`);
    return doc.id;
  });
}

/** The request body of a programme at a unit: two signing parties (made there), two contents. */
export async function programmeInput(db: Db, unitCode: string = HA_TINH, overrides: Record<string, unknown> = {}) {
  const front = await buildOrganisation(db, { unitCode, name: `Ủy ban MTTQ ${++seq}`, kind: 'front_committee' });
  const department = await buildOrganisation(db, {
    unitCode,
    name: `Sở Nông nghiệp ${seq}`,
    kind: 'government_department',
  });
  return {
    number: `${seq}/CTPH-MTTQ-SNN`,
    title: 'Chương trình phối hợp thực hiện giảm nghèo bền vững',
    level: unitCode.length === 2 ? ('province' as const) : ('commune' as const),
    unitCode,
    signedOn: '2023-05-09',
    signedPlace: 'Hà Tĩnh',
    partyIds: [front.id, department.id],
    legalBasisIds: await libraryIds(db, '24/2021/QH15', '90/QĐ-TTg'),
    periodFrom: 2023,
    periodTo: 2026,
    purposes: 'Phát huy sức mạnh khối đại đoàn kết toàn dân tộc trong giảm nghèo.',
    requirements: 'Phối hợp chặt chẽ, thường xuyên.',
    implementation: 'Định kỳ 6 tháng sơ kết, cuối giai đoạn tổng kết.',
    contents: [
      {
        title: 'Tuyên truyền chủ trương, chính sách giảm nghèo',
        scope: 'Tuyên truyền sâu rộng đến từng hộ nghèo.',
        responsibleId: front.id,
        coordinatingIds: [department.id],
      },
      {
        title: 'Giám sát việc thực hiện chính sách',
        scope: 'Giám sát, kiểm tra việc thực hiện.',
        responsibleId: front.id,
        coordinatingIds: [],
      },
    ],
    ...overrides,
  } satisfies ProgrammeCreateReq as ProgrammeCreateReq;
}

/** A news item telling of an activity, by its organisers. */
export const newsInput = (unitCode: string, activity: { id: string; organisers: { id: string }[] }): NewsCreateReq => ({
  unitCode,
  title: 'Tập huấn cán bộ giảm nghèo',
  summary: 'Cán bộ thôn được tập huấn về chuẩn nghèo đa chiều.',
  happenedOn: '2025-04-10',
  activityId: activity.id,
  organisationIds: activity.organisers.map((o) => o.id),
  activityPhotoIds: [],
});

/** A programme (made by the national administrator) with a plan for 2025 and one task under its first content. */
export async function buildProgramme(db: Db, unitCode: string = HA_TINH, task: { dueOn?: string } = {}) {
  const admin = await systemAdmin(db);
  const input = await programmeInput(db, unitCode);
  const programme = await createProgramme(db, admin, input);
  const plan = await createPlan(db, admin, programme.id, { year: 2025 });
  const created = await createTask(db, admin, plan.id, {
    contentId: programme.contents[0]!.id,
    title: 'Tổ chức hội nghị tuyên truyền',
    leadId: programme.parties[0]!.id,
    supportingIds: [programme.parties[1]!.id],
    dueOn: task.dueOn ?? '2025-06-30',
  });
  return { programme, plan, task: created };
}

/** Routes of the coordination modules, for the cross-cutting tests. */
export const COORDINATION_PATHS =
  /^\/api\/(attachments|news|legal-documents|programmes|plans|tasks|task-evidence|activities|supervisions|recommendations|movements|commendations|programme-reviews)(\/|$)/u;
export const COORDINATION_TABLES = [
  attachments,
  newsItems,
  legalDocuments,
  programmes,
  programmeContents,
  programmePlans,
  programmeTasks,
  taskEvidence,
  activities,
  supervisions,
  recommendations,
  movements,
  commendations,
  programmeReviews,
];

/** Fresh records of every coordination kind at a unit (Hà Tĩnh by default), for one write each. */
export async function coordinationFixture(db: Db, unitCode: string = HA_TINH) {
  const built = await buildProgramme(db, unitCode);
  const legalDocument = await createLegalDocument(db, await systemAdmin(db), {
    number: `${++seq}/KH-UBND`,
    issuedOn: '2024-01-02',
    issuer: 'UBND tỉnh Hà Tĩnh',
    kind: 'plan',
    title: 'Kế hoạch thực hiện giảm nghèo',
    unitCode,
  });
  const admin = await systemAdmin(db);
  const activity = await createActivity(db, admin, activityInput(unitCode, built));
  const planned = await planSupervision(db, admin, supervisionInput(unitCode, built));
  const supervision = await conductSupervision(db, admin, planned.id, {
    conductedOn: '2025-05-20',
    findings: 'Việc bình xét hộ nghèo đúng quy trình.',
    version: planned.version,
  });
  const recommendation = await recommend(db, admin, supervision.id, {
    addresseeId: built.programme.parties[1]!.id,
    text: 'Niêm yết công khai danh sách hộ nghèo.',
    dueOn: '2025-07-31',
    version: supervision.version,
  });
  const second = await recommend(db, admin, supervision.id, {
    addresseeId: built.programme.parties[1]!.id,
    text: 'Bổ sung hộ cận nghèo vào danh sách vay vốn.',
    dueOn: '2025-08-31',
    version: supervision.version,
  });
  const answered = await followUp(db, admin, second.id, 'answer', {
    answer: 'Đã lập danh sách bổ sung.',
    answeredOn: '2025-08-10',
    version: second.version,
  });
  const review = await draftReview(db, admin, built.programme.id, {
    kind: 'so_ket',
    periodFrom: '2025-01-01',
    periodTo: '2025-12-31',
  });
  const attachment = await addAttachment(
    db,
    admin,
    { ownerKind: 'activity', ownerId: activity.id, fileName: 'Ảnh lớp tập huấn.jpg', caption: null },
    jpegPhoto(++seq),
  );
  const news = await createNews(db, admin, newsInput(unitCode, activity));
  const drafted = await createNews(db, admin, newsInput(unitCode, activity));
  const publishedNews = await publishNews(db, admin, drafted.id, drafted.version);
  // Two supports in the area: one linked as the task's evidence, one to link.
  const household = await buildHousehold(db, { communeCode: unitCode.length === 5 ? unitCode : THACH_HA });
  const support = () =>
    recordSupport(
      db,
      admin,
      household.id,
      SupportCreateSchema.parse({
        kind: 'production',
        sourceCode: 'local_budget',
        value: 3_000_000,
        date: '2025-04-01',
      }),
    );
  const evidence = await linkEvidence(db, admin, built.task.id, { kind: 'support', refId: (await support()).id });
  const unlinkedSupport = await support();
  const movement = await launchMovement(db, admin, {
    name: 'Vì người nghèo – Không để ai bị bỏ lại phía sau',
    unitCode,
    periodFrom: 2021,
    periodTo: 2025,
  });
  const commendation = await commend(db, admin, commendationInput(unitCode, built.programme.id));
  return {
    ...built,
    legalDocument,
    activity,
    supervision,
    recommendation,
    answered,
    review,
    attachment,
    news,
    publishedNews,
    evidence,
    unlinkedSupport,
    movement,
    commendation,
    unitCode,
  };
}

/** A household commended at a unit for escaping poverty, under the programme. */
const commendationInput = (unitCode: string, programmeId: string) => ({
  unitCode,
  programmeId,
  form: 'certificate_of_merit' as const,
  level: 'province' as const,
  recipientKind: 'household' as const,
  recipientName: 'Hộ ông Nguyễn Văn Thoát',
  achievement: 'Tự nguyện thoát nghèo năm 2025',
  decisionNumber: `${++seq}/QĐ-MTTQ`,
  decisionDate: '2025-12-20',
});

/** A supervision planned at a unit by the programme's first party, of its second party. */
export const supervisionInput = (
  unitCode: string,
  links: { programme: { parties: { id: string }[] }; task: { id: string } },
  overrides: Partial<SupervisionCreateReq> = {},
): SupervisionCreateReq => ({
  year: 2025,
  unitCode,
  leadId: links.programme.parties[0]!.id,
  memberIds: [],
  supervisedId: links.programme.parties[1]!.id,
  topic: 'Giám sát việc rà soát hộ nghèo',
  method: 'direct',
  periodFrom: '2025-01-01',
  periodTo: '2025-03-31',
  taskId: links.task.id,
  ...overrides,
});

/** A training course at a unit, as evidence of the programme's task. */
export const activityInput = (
  unitCode: string,
  links: { programme: { parties: { id: string }[] }; task: { id: string } },
  overrides: Partial<ActivityCreateReq> = {},
): ActivityCreateReq => ({
  kind: 'training',
  title: 'Tập huấn cán bộ giảm nghèo',
  startsOn: '2025-04-10',
  endsOn: '2025-04-11',
  unitCode,
  place: 'Hội trường',
  organiserIds: [links.programme.parties[0]!.id],
  audienceKind: 'front_staff',
  audienceSize: 60,
  poorAudience: 0,
  topics: 'Chuẩn nghèo đa chiều; rà soát hộ nghèo',
  budget: { state: 10_000_000, fund: 0, social: 2_000_000, other: 0 },
  taskId: links.task.id,
  ...overrides,
});
export type CoordinationFixture = Awaited<ReturnType<typeof coordinationFixture>>;

/** The record a coordination path's {id} names. */
export function coordinationId(path: string, f: CoordinationFixture) {
  if (path.startsWith('/api/legal-documents/')) return f.legalDocument.id;
  if (path.startsWith('/api/programmes/')) return f.programme.id;
  if (path.startsWith('/api/plans/')) return f.plan.id;
  if (path.startsWith('/api/tasks/')) return f.task.id;
  if (path.startsWith('/api/task-evidence/')) return f.evidence.id;
  if (path.startsWith('/api/activities/')) return f.activity.id;
  if (path.startsWith('/api/supervisions/')) return f.supervision.id;
  if (path.startsWith('/api/programme-reviews/')) return f.review.id;
  if (path.startsWith('/api/attachments/')) return f.attachment.id;
  if (path.startsWith('/api/movements/')) return f.movement.id;
  if (path.startsWith('/api/commendations/')) return f.commendation.id;
  // Withdrawing takes a published item; the rest a draft.
  if (path.startsWith('/api/news/')) return path.endsWith('/withdrawal') ? f.publishedNews.id : f.news.id;
  // Answering takes an open recommendation; accepting and resolving an answered one.
  if (path.startsWith('/api/recommendations/')) return path.endsWith('/answer') ? f.recommendation.id : f.answered.id;
  // A path without {id}.
  return f.programme.id;
}

/** A request each coordination write route accepts, on the fixture's fresh records. */
export const COORDINATION_WRITES: Record<string, (f: CoordinationFixture, db: Db) => unknown> = {
  'POST /api/attachments': (f) => ({
    file: jpegPhoto(++seq),
    type: 'image/jpeg',
    query: { ownerKind: 'activity', ownerId: f.activity.id, fileName: 'Ảnh hội nghị.jpg' },
  }),
  'POST /api/attachments/{id}/removal': () => ({ reason: 'Ảnh nhầm hồ sơ' }),
  'POST /api/news': (f) => newsInput(f.unitCode, f.activity),
  'PUT /api/news/{id}': (f) => ({ ...newsInput(f.unitCode, f.activity), title: 'Tin đã sửa', version: f.news.version }),
  'POST /api/news/{id}/publish': (f) => ({ version: f.news.version }),
  'POST /api/news/{id}/withdrawal': (f) => ({ reason: 'Đăng nhầm', version: f.publishedNews.version }),
  'POST /api/legal-documents': (f) => ({
    number: `${++seq}/HD-MTTQ`,
    issuedOn: '2024-03-01',
    issuer: 'Ủy ban MTTQ',
    kind: 'other',
    title: 'Hướng dẫn',
    unitCode: f.unitCode,
  }),
  'PATCH /api/legal-documents/{id}': (f) => ({ title: 'Kế hoạch sửa', version: f.legalDocument.version }),
  'POST /api/programmes': (f, db) => programmeInput(db, f.unitCode),
  'PUT /api/programmes/{id}': (f) => ({
    title: 'Chương trình sửa',
    signedOn: f.programme.signedOn,
    signedPlace: f.programme.signedPlace,
    partyIds: f.programme.parties.map((p) => p.id),
    legalBasisIds: [],
    periodFrom: f.programme.periodFrom,
    periodTo: f.programme.periodTo,
    purposes: f.programme.purposes,
    requirements: f.programme.requirements,
    contents: f.programme.contents.map((c) => ({
      id: c.id,
      title: c.title,
      scope: c.scope,
      responsibleId: c.responsible.id,
      coordinatingIds: c.coordinating.map((o) => o.id),
    })),
    version: f.programme.version,
  }),
  'POST /api/programmes/{id}/plans': () => ({ year: 2026 }),
  'POST /api/plans/{id}/tasks': (f) => ({
    contentId: f.programme.contents[1]!.id,
    title: 'Giám sát',
    leadId: f.programme.parties[0]!.id,
    supportingIds: [],
    dueOn: '2025-12-31',
  }),
  'PATCH /api/tasks/{id}': (f) => ({ title: 'Việc đổi tên', version: f.task.version }),
  'POST /api/tasks/{id}/progress': (f) => ({ status: 'in_progress', progress: 40, version: f.task.version }),
  'POST /api/tasks/{id}/evidence': (f) => ({ kind: 'support', refId: f.unlinkedSupport.id }),
  'DELETE /api/task-evidence/{id}': () => undefined,
  'POST /api/activities': (f) => activityInput(f.unitCode, f, { kind: 'broadcast', audienceSize: 0 }),
  'PUT /api/activities/{id}': (f) => ({
    ...activityInput(f.unitCode, f, { title: 'Tập huấn (sửa)' }),
    version: f.activity.version,
  }),
  'POST /api/supervisions': (f) => supervisionInput(f.unitCode, f, { year: 2026 }),
  'PUT /api/supervisions/{id}': (f) => {
    const { unitCode: _unit, ...body } = supervisionInput(f.unitCode, f, { topic: 'Giám sát (sửa)' });
    return { ...body, version: f.supervision.version };
  },
  'POST /api/supervisions/{id}/conduct': (f) => ({
    conductedOn: '2025-06-01',
    findings: 'Kết quả bổ sung.',
    version: f.supervision.version,
  }),
  'POST /api/supervisions/{id}/recommendations': (f) => ({
    addresseeId: f.programme.parties[0]!.id,
    text: 'Bổ sung hồ sơ.',
    dueOn: '2025-09-30',
    version: f.supervision.version,
  }),
  'POST /api/recommendations/{id}/answer': (f) => ({
    answer: 'Đã niêm yết tại nhà văn hóa.',
    answeredOn: '2025-07-15',
    version: f.recommendation.version,
  }),
  'POST /api/movements': (f) => ({
    name: 'Vì người nghèo – Không để ai bị bỏ lại phía sau',
    unitCode: f.unitCode,
    periodFrom: 2021,
    periodTo: 2025,
  }),
  'PUT /api/movements/{id}': (f) => ({
    name: 'Vì người nghèo (sửa)',
    periodFrom: 2021,
    periodTo: 2026,
    version: f.movement.version,
  }),
  'POST /api/commendations': (f) => commendationInput(f.unitCode, f.programme.id),
  'PUT /api/commendations/{id}': (f) => {
    const { unitCode: _unit, ...body } = commendationInput(f.unitCode, f.programme.id);
    return { ...body, achievement: 'Thoát nghèo bền vững (sửa)', version: f.commendation.version };
  },
  'POST /api/programmes/{id}/reviews': () => ({ kind: 'tong_ket', periodFrom: '2023-05-09', periodTo: '2026-12-31' }),
  'PUT /api/programme-reviews/{id}': (f) => ({
    number: '12/BC-MTTQ',
    sections: { ...f.review.sections, difficulties: 'Nguồn lực còn hạn chế.' },
    version: f.review.version,
  }),
  'POST /api/programme-reviews/{id}/refresh': (f) => ({ version: f.review.version }),
  'POST /api/recommendations/{id}/accept': (f) => ({ version: f.answered.version }),
  'POST /api/recommendations/{id}/resolve': (f) => ({ resolvedOn: '2025-08-20', version: f.answered.version }),
};
