import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../../domain/calendar';
import { activityInput, buildProgramme, libraryIds, programmeInput } from '../../../../test/helpers/coordination';
import { createTestApp, signIn, type TestApp } from '../../../../test/helpers/app';
import { openDocx } from '../../../../test/helpers/docx';
import { buildOrganisation, CAM_XUYEN, HA_TINH, THACH_HA } from '../../../../test/helpers/factories';
import { auditTrail, expectAuditedWrite, expectRefused } from '../../../../test/helpers/trace';
import { createActivity } from '../activities/service';
import { legalDocuments } from '../legal-documents/tables';
import { programmeContents, programmePlans, programmes, programmeTasks } from './tables';

type Signed = Awaited<ReturnType<typeof signIn>>;
let t: TestApp;
let provinceOfficer: Signed;
let communeOfficer: Signed;
let communeViewer: Signed;
let otherCommuneOfficer: Signed;

const TABLES = [legalDocuments, programmes, programmeContents, programmePlans, programmeTasks];
const refused = (
  act: () => Promise<LightMyRequestResponse>,
  expected: { status: number; code: string; field?: string },
) => expectRefused(t.database.db, TABLES, act, expected);
const written = (act: () => Promise<LightMyRequestResponse>, status = 200) =>
  expectAuditedWrite(t.database.db, act, status);
const ids = (res: LightMyRequestResponse): string[] => res.json().items.map((r: { id: string }) => r.id);

beforeAll(async () => {
  t = await createTestApp();
  provinceOfficer = await signIn(t, { scopeCode: HA_TINH, roles: ['officer'] });
  communeOfficer = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'] });
  communeViewer = await signIn(t, { scopeCode: THACH_HA, roles: ['viewer'] });
  otherCommuneOfficer = await signIn(t, { scopeCode: CAM_XUYEN, roles: ['officer'] });
});
afterAll(() => t.close());

describe('the document library', () => {
  it('is pre-filled with the texts the programme rests on, found without accents by number, issuer or title', async () => {
    const byTitle = (
      await communeViewer.get(`/api/legal-documents?q=${encodeURIComponent('chuan ngheo da chieu')}`)
    ).json();
    expect(byTitle.items.map((d: { number: string }) => d.number)).toEqual(
      expect.arrayContaining(['07/2021/NĐ-CP', '351/2025/NĐ-CP']),
    );
    const byNumber = (await communeViewer.get(`/api/legal-documents?q=${encodeURIComponent('1198/qd-mttw')}`)).json();
    expect(byNumber.items).toHaveLength(1);
    expect(byNumber.items[0]).toMatchObject({ issuedOn: '2016-12-29', kind: 'decision' });
    const byIssuer = (await communeViewer.get(`/api/legal-documents?q=quoc%20hoi&kind=resolution`)).json();
    expect(byIssuer.items.map((d: { number: string }) => d.number).sort()).toEqual(['24/2021/QH15', '257/2025/QH15']);
  });

  it('takes a commune’s own text, refuses a bad or duplicate number, and keeps it from other communes', async () => {
    const body = {
      number: '15/KH-UBND',
      issuedOn: '2024-02-01',
      issuer: 'UBND xã Thạch Hà',
      kind: 'plan',
      title: 'Kế hoạch giảm nghèo năm 2024',
      unitCode: THACH_HA,
    };
    await refused(() => communeOfficer.post('/api/legal-documents', { ...body, number: '15 KH' }), {
      status: 400,
      code: 'validation_failed',
      field: 'number',
    });
    await refused(() => communeOfficer.post('/api/legal-documents', { ...body, issuedOn: '2024-02-31' }), {
      status: 400,
      code: 'validation_failed',
      field: 'issuedOn',
    });
    await refused(() => communeViewer.post('/api/legal-documents', body), { status: 403, code: 'forbidden' });
    await refused(() => communeOfficer.post('/api/legal-documents', { ...body, unitCode: null }), {
      status: 403,
      code: 'out_of_scope',
    });
    const { body: doc, event } = await written(() => communeOfficer.post('/api/legal-documents', body), 201);
    expect(event).toMatchObject({ action: 'legal_document.create', communeCode: THACH_HA });
    await refused(() => communeOfficer.post('/api/legal-documents', body), {
      status: 409,
      code: 'duplicate_document_number',
      field: 'number',
    });
    expect((await otherCommuneOfficer.get(`/api/legal-documents/${doc.id}`)).statusCode).toBe(404);
    expect(ids(await otherCommuneOfficer.get('/api/legal-documents?q=15/kh'))).not.toContain(doc.id);
  });
});

describe('coordination programmes', () => {
  it('is created with its parties, legal bases and numbered contents, and audited', async () => {
    const input = await programmeInput(t.database.db, HA_TINH);
    const { body, event } = await written(() => provinceOfficer.post('/api/programmes', input), 201);
    expect(event).toMatchObject({ action: 'programme.create', provinceCode: HA_TINH, communeCode: null });
    expect(body).toMatchObject({
      number: input.number,
      level: 'province',
      unitName: 'Tỉnh Hà Tĩnh',
      parties: input.partyIds.map((id) => ({ id })),
      legalBases: [{ number: '24/2021/QH15' }, { number: '90/QĐ-TTg' }],
      contents: [
        {
          position: 1,
          responsible: { id: input.contents[0]!.responsibleId },
          coordinating: [{ id: input.partyIds[1] }],
        },
        { position: 2, coordinating: [] },
      ],
      canManage: true,
    });
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const db = t.database.db;
    const input = await programmeInput(db, HA_TINH);
    const elsewhere = await buildOrganisation(db, { unitCode: CAM_XUYEN });
    const cases: [Record<string, unknown>, string, number?][] = [
      [{ partyIds: [input.partyIds[0]] }, 'partyIds'],
      [{ partyIds: [input.partyIds[0], input.partyIds[0]] }, 'partyIds'],
      [{ periodFrom: 2026, periodTo: 2023 }, 'periodTo'],
      [{ contents: [] }, 'contents'],
      [{ signedOn: '09/05/2023' }, 'signedOn'],
      [{ legalBasisIds: ['3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5b'] }, 'legalBasisIds.0'],
      [{ level: 'commune' }, 'level'],
      [{ contents: [{ ...input.contents[0], title: ' ' }] }, 'contents.0.title'],
      [{ contents: [{ ...input.contents[0], responsibleId: 'x' }] }, 'contents.0.responsibleId'],
    ];
    for (const [change, field] of cases) {
      await refused(() => provinceOfficer.post('/api/programmes', { ...input, ...change }), {
        status: 400,
        code: 'validation_failed',
        field,
      });
    }
    // A commune officer sees Cẩm Xuyên's organisations nowhere: naming one is bad input.
    const commune = await programmeInput(db, THACH_HA);
    await refused(
      () =>
        communeOfficer.post('/api/programmes', {
          ...commune,
          contents: [{ ...commune.contents[0], coordinatingIds: [elsewhere.id] }],
        }),
      { status: 400, code: 'validation_failed', field: 'contents.0.coordinatingIds.0' },
    );
    await refused(() => communeOfficer.post('/api/programmes', input), { status: 403, code: 'out_of_scope' });
    await refused(() => communeViewer.post('/api/programmes', commune), { status: 403, code: 'forbidden' });
  });

  it('a commune sees its own and its province’s programmes, never another commune’s', async () => {
    const db = t.database.db;
    const province = await buildProgramme(db, HA_TINH);
    const own = await buildProgramme(db, THACH_HA);
    const other = await buildProgramme(db, CAM_XUYEN);
    const seen = ids(await communeViewer.get('/api/programmes?limit=500'));
    expect(seen).toEqual(expect.arrayContaining([province.programme.id, own.programme.id]));
    expect(seen).not.toContain(other.programme.id);
    expect((await communeViewer.get(`/api/programmes/${other.programme.id}`)).statusCode).toBe(404);
    expect((await communeViewer.get(`/api/programmes/${other.programme.id}/document`)).statusCode).toBe(404);
    // The province's tasks are shared with the commune (read-only); the other commune's are not.
    const tasks = ids(await communeViewer.get('/api/tasks?limit=500'));
    expect(tasks).toEqual(expect.arrayContaining([province.task.id, own.task.id]));
    expect(tasks).not.toContain(other.task.id);
    const provinceTask = (await communeOfficer.get(`/api/tasks/${province.task.id}`)).json();
    expect(provinceTask.canManage).toBe(false);
    await refused(
      () =>
        communeOfficer.post(`/api/tasks/${province.task.id}/progress`, {
          status: 'in_progress',
          progress: 10,
          version: provinceTask.version,
        }),
      { status: 403, code: 'out_of_scope' },
    );
    expect(ids(await provinceOfficer.get('/api/programmes?limit=500'))).toEqual(
      expect.arrayContaining([province.programme.id, own.programme.id, other.programme.id]),
    );
  });

  it('is generated as a Word document in the official layout', async () => {
    const { programme } = await buildProgramme(t.database.db, HA_TINH);
    const res = await provinceOfficer.get(`/api/programmes/${programme.id}/document`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="chuong-trinh-phoi-hop-[a-z0-9-]+\.docx"$/u,
    );
    const doc = await openDocx(res.rawPayload);
    expect(doc.fonts).toEqual(new Set(['Times New Roman']));
    expect(doc.paragraphs).toEqual(
      expect.arrayContaining([
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập – Tự do – Hạnh phúc',
        `Số: ${programme.number}`,
        'Hà Tĩnh, ngày 09 tháng 05 năm 2023',
        'CHƯƠNG TRÌNH PHỐI HỢP',
        programme.title,
        'Căn cứ Nghị quyết số 24/2021/QH15 ngày 28/07/2021 của Quốc hội phê duyệt chủ trương đầu tư Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021–2025;',
        'II. NỘI DUNG PHỐI HỢP',
        `1. ${programme.contents[0]!.title}`,
        `Đơn vị chủ trì: ${programme.contents[0]!.responsible.name}.`,
        'Nơi nhận:',
        'TM. BAN THƯỜNG TRỰC',
      ]),
    );
    // Every signing party appears as an issuer and signs.
    for (const p of programme.parties) expect(doc.paragraphs.filter((x) => x === p.name.toUpperCase()).length).toBe(2);
  });

  it('keeps contents that tasks refer to, and edits the rest with the version read', async () => {
    const { programme } = await buildProgramme(t.database.db, HA_TINH);
    const full = (await provinceOfficer.get(`/api/programmes/${programme.id}`)).json();
    const contents = full.contents.map(
      (c: {
        id: string;
        title: string;
        scope: string;
        responsible: { id: string };
        coordinating: { id: string }[];
      }) => ({
        id: c.id,
        title: c.title,
        scope: c.scope,
        responsibleId: c.responsible.id,
        coordinatingIds: c.coordinating.map((o) => o.id),
      }),
    );
    const body = {
      title: full.title,
      signedOn: full.signedOn,
      signedPlace: full.signedPlace,
      partyIds: full.parties.map((p: { id: string }) => p.id),
      legalBasisIds: await libraryIds(t.database.db, '07/2021/NĐ-CP'),
      periodFrom: full.periodFrom,
      periodTo: full.periodTo,
      purposes: full.purposes,
      requirements: full.requirements,
      implementation: full.implementation,
      version: full.version,
    };
    await refused(
      () => provinceOfficer.put(`/api/programmes/${programme.id}`, { ...body, contents: contents.slice(1) }),
      {
        status: 409,
        code: 'content_in_use',
      },
    );
    const { body: updated } = await written(() =>
      provinceOfficer.put(`/api/programmes/${programme.id}`, {
        ...body,
        contents: [
          contents[0],
          {
            title: 'Vận động nguồn lực',
            scope: 'Quỹ Vì người nghèo',
            responsibleId: body.partyIds[0],
            coordinatingIds: [],
          },
        ],
      }),
    );
    expect(updated).toMatchObject({
      version: full.version + 1,
      legalBases: [{ number: '07/2021/NĐ-CP' }],
      contents: [
        { id: contents[0].id, position: 1 },
        { position: 2, title: 'Vận động nguồn lực' },
      ],
    });
    await refused(() => provinceOfficer.put(`/api/programmes/${programme.id}`, { ...body, contents }), {
      status: 409,
      code: 'stale_version',
    });
  });
});

describe('yearly plans and shared tasks', () => {
  it('plans a year inside the programme’s period, once', async () => {
    const { programme } = await buildProgramme(t.database.db, HA_TINH);
    await refused(() => provinceOfficer.post(`/api/programmes/${programme.id}/plans`, { year: 2030 }), {
      status: 400,
      code: 'validation_failed',
      field: 'year',
    });
    await written(() => provinceOfficer.post(`/api/programmes/${programme.id}/plans`, { year: 2026 }), 201);
    await refused(() => provinceOfficer.post(`/api/programmes/${programme.id}/plans`, { year: 2026 }), {
      status: 409,
      code: 'duplicate_plan_year',
      field: 'year',
    });
    const plans = (await communeViewer.get(`/api/programmes/${programme.id}/plans`)).json();
    expect(plans.items.map((p: { year: number }) => p.year)).toEqual([2025, 2026]);
  });

  it('flags a task overdue once its due date has passed unfinished, and not once it is done', async () => {
    const { programme, plan } = await buildProgramme(t.database.db, HA_TINH);
    const today = todayInVietnam();
    const task = (due: string) =>
      written(
        () =>
          provinceOfficer.post(`/api/plans/${plan.id}/tasks`, {
            contentId: programme.contents[1]!.id,
            title: `Giám sát hạn ${due}`,
            leadId: programme.parties[0]!.id,
            supportingIds: [],
            dueOn: due,
          }),
        201,
      );
    const { body: late } = await task('2024-01-15');
    const { body: dueToday } = await task(today);
    expect(late).toMatchObject({ overdue: true, status: 'planned', progress: 0 });
    expect(dueToday).toMatchObject({ overdue: false });
    const overdue = ids(await provinceOfficer.get(`/api/tasks?programme=${programme.id}&overdue=true`));
    expect(overdue).toContain(late.id);
    expect(overdue).not.toContain(dueToday.id);
    expect((await provinceOfficer.get(`/api/programmes/${programme.id}/plans`)).json().items[0]).toMatchObject({
      tasks: 3,
      tasksOverdue: 2,
    });

    await refused(
      () =>
        provinceOfficer.post(`/api/tasks/${late.id}/progress`, { status: 'done', progress: 80, version: late.version }),
      { status: 400, code: 'validation_failed', field: 'progress' },
    );
    const { body: done, event } = await written(() =>
      provinceOfficer.post(`/api/tasks/${late.id}/progress`, { status: 'done', progress: 100, version: late.version }),
    );
    expect(event.action).toBe('task.progress');
    expect(done).toMatchObject({ status: 'done', overdue: false, version: late.version + 1 });
    expect(ids(await provinceOfficer.get(`/api/tasks?programme=${programme.id}&overdue=true`))).not.toContain(late.id);
    expect((await auditTrail(t.database.db, 'coordination_task', late.id)).map((e) => e.action)).toEqual([
      'task.create',
      'task.progress',
    ]);
  });

  it('refuses a task whose content belongs to another programme or whose lead also supports', async () => {
    const a = await buildProgramme(t.database.db, HA_TINH);
    const b = await buildProgramme(t.database.db, HA_TINH);
    const body = {
      contentId: b.programme.contents[0]!.id,
      title: 'Việc lạc chương trình',
      leadId: a.programme.parties[0]!.id,
      supportingIds: [],
      dueOn: '2025-12-31',
    };
    await refused(() => provinceOfficer.post(`/api/plans/${a.plan.id}/tasks`, body), {
      status: 400,
      code: 'validation_failed',
      field: 'contentId',
    });
    await refused(
      () =>
        provinceOfficer.post(`/api/plans/${a.plan.id}/tasks`, {
          ...body,
          contentId: a.programme.contents[0]!.id,
          supportingIds: [a.programme.parties[0]!.id],
        }),
      { status: 400, code: 'validation_failed', field: 'supportingIds' },
    );
    // Cẩm Xuyên sees the province's plan but does not keep it.
    await refused(() => otherCommuneOfficer.post(`/api/plans/${a.plan.id}/tasks`, body), {
      status: 403,
      code: 'out_of_scope',
    });
  });

  it('edits a task’s title, organisations, due date and content with the version read', async () => {
    const { programme, task } = await buildProgramme(t.database.db, HA_TINH);
    const [front, department] = programme.parties.map((p) => p.id);
    const edit = {
      contentId: programme.contents[1]!.id,
      title: 'Giám sát việc hỗ trợ nhà ở',
      leadId: department,
      supportingIds: [front],
      dueOn: '2025-09-30',
      version: task.version,
    };
    for (const [change, field] of [
      [{ dueOn: '30/09/2025' }, 'dueOn'],
      [{ title: '   ' }, 'title'],
      [{ contentId: (await buildProgramme(t.database.db, HA_TINH)).programme.contents[0]!.id }, 'contentId'],
      [{ supportingIds: [department] }, 'supportingIds'],
    ] as const) {
      await refused(() => provinceOfficer.patch(`/api/tasks/${task.id}`, { ...edit, ...change }), {
        status: 400,
        code: 'validation_failed',
        field,
      });
    }
    // Cẩm Xuyên shares the province's tasks but does not keep them.
    await refused(() => otherCommuneOfficer.patch(`/api/tasks/${task.id}`, edit), {
      status: 403,
      code: 'out_of_scope',
    });
    const { body: edited, event } = await written(() => provinceOfficer.patch(`/api/tasks/${task.id}`, edit));
    expect(edited).toMatchObject({
      contentId: programme.contents[1]!.id,
      contentPosition: 2,
      title: edit.title,
      lead: { id: department },
      supporting: [{ id: front }],
      dueOn: '2025-09-30',
      version: task.version + 1,
    });
    expect(event).toMatchObject({ action: 'task.update', entityId: task.id });
    await refused(() => provinceOfficer.patch(`/api/tasks/${task.id}`, edit), { status: 409, code: 'stale_version' });

    // Once an activity counts under the task's content, the task stays under it.
    await createActivity(t.database.db, provinceOfficer.actor, activityInput(HA_TINH, { programme, task }));
    await refused(
      () =>
        provinceOfficer.patch(`/api/tasks/${task.id}`, {
          contentId: programme.contents[0]!.id,
          version: edited.version,
        }),
      { status: 409, code: 'task_has_records', field: 'contentId' },
    );
  });
});
