import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Session, type TestApp } from '../../../../test/helpers/app';
import { activityInput, buildProgramme } from '../../../../test/helpers/coordination';
import { CAM_XUYEN, THACH_HA } from '../../../../test/helpers/factories';
import { jpegPhoto } from '../../../../test/helpers/files';
import { expectAuditedWrite, expectRefused } from '../../../../test/helpers/trace';
import { createActivity } from '../activities/service';
import { addAttachment } from '../attachments/service';
import { newsItems } from './tables';

type Signed = Awaited<ReturnType<typeof signIn>>;
let t: TestApp;
let officer: Signed;
let viewer: Signed;
let otherCommune: Signed;
let anonymous: Session['request'];
let activity: { id: string; organisers: { id: string }[] };
let photos: { id: string }[];
let otherPhoto: { id: string };

const refused = (
  act: () => Promise<LightMyRequestResponse>,
  expected: { status: number; code: string; field?: string },
) => expectRefused(t.database.db, [newsItems], act, expected);
const draft = (overrides: Record<string, unknown> = {}) => ({
  unitCode: THACH_HA,
  title: 'Xã Thạch Hà tập huấn cán bộ giảm nghèo',
  summary: 'Sáu mươi cán bộ thôn được tập huấn về chuẩn nghèo đa chiều và rà soát hộ nghèo.',
  body: 'Ngày 10/4/2025, Ủy ban MTTQ xã phối hợp với UBND xã tổ chức lớp tập huấn…',
  happenedOn: '2025-04-10',
  activityId: activity.id,
  organisationIds: activity.organisers.map((o) => o.id),
  activityPhotoIds: [photos[1]!.id],
  ...overrides,
});
const publicGet = (url: string) => anonymous({ method: 'GET', url });

beforeAll(async () => {
  t = await createTestApp();
  anonymous = (options) => t.app.inject(options);
  officer = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'] });
  viewer = await signIn(t, { scopeCode: THACH_HA, roles: ['viewer'] });
  otherCommune = await signIn(t, { scopeCode: CAM_XUYEN, roles: ['officer'] });
  const db = t.database.db;
  const thachHa = await buildProgramme(db, THACH_HA);
  activity = await createActivity(db, officer.actor, activityInput(THACH_HA, thachHa));
  photos = [];
  for (const seed of ['lop-hoc', 'trao-giay']) {
    photos.push(
      await addAttachment(
        db,
        officer.actor,
        { ownerKind: 'activity', ownerId: activity.id, fileName: `${seed}.jpg`, caption: `Ảnh ${seed}` },
        jpegPhoto(seed),
      ),
    );
  }
  const other = await createActivity(db, officer.actor, activityInput(THACH_HA, thachHa, { title: 'Hoạt động khác' }));
  otherPhoto = await addAttachment(
    db,
    officer.actor,
    { ownerKind: 'activity', ownerId: other.id, fileName: 'khac.jpg', caption: null },
    jpegPhoto('khac'),
  );
});
afterAll(() => t.close());

describe('news on the public site', () => {
  it('a draft is written from an activity, audited, and not public until published', async () => {
    const { body, event } = await expectAuditedWrite(t.database.db, () => officer.post('/api/news', draft()), 201);
    expect(event).toMatchObject({ action: 'news.create', communeCode: THACH_HA });
    expect(body).toMatchObject({ status: 'draft', unitName: 'Xã Thạch Hà', activityPhotoIds: [photos[1]!.id] });
    expect((await publicGet(`/api/public/news/${body.id}`)).statusCode).toBe(404);
    expect((await publicGet(`/api/public/news/${body.id}/photos/${photos[1]!.id}`)).statusCode).toBe(404);
    expect((await publicGet('/api/public/news')).json().items.map((n: { id: string }) => n.id)).not.toContain(body.id);
  });

  it('published, it is listed for anyone with its chosen photos and its own, and only those are served', async () => {
    const created = (await officer.post('/api/news', draft({ title: 'Trao nhà đại đoàn kết' }))).json();
    const own = await officer.request({
      method: 'POST',
      url: `/api/attachments?ownerKind=news&ownerId=${created.id}&fileName=${encodeURIComponent('Lễ trao nhà.jpg')}`,
      payload: jpegPhoto('le-trao-nha'),
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(own.statusCode, own.body).toBe(201);
    const { body: published, event } = await expectAuditedWrite(
      t.database.db,
      () => officer.post(`/api/news/${created.id}/publish`, { version: created.version }),
      200,
    );
    expect(event.action).toBe('news.publish');
    expect(published.status).toBe('published');

    const list = (await publicGet('/api/public/news?province=42')).json();
    const item = list.items.find((n: { id: string }) => n.id === created.id);
    expect(item).toMatchObject({
      title: 'Trao nhà đại đoàn kết',
      unitName: 'Xã Thạch Hà',
      provinceName: 'Tỉnh Hà Tĩnh',
    });
    expect(item).not.toHaveProperty('body');
    const page = (await publicGet(`/api/public/news/${created.id}`)).json();
    expect(page.photos.map((p: { id: string }) => p.id)).toEqual([photos[1]!.id, own.json().id]);
    expect(page).not.toHaveProperty('status');
    expect(page).not.toHaveProperty('canManage');

    const shown = await publicGet(`/api/public/news/${created.id}/photos/${photos[1]!.id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.rawPayload.equals(jpegPhoto('trao-giay'))).toBe(true);
    expect(shown.headers['cache-control']).toContain('public');
    // The activity's other photo was not chosen; another activity's photo is no part of it.
    expect((await publicGet(`/api/public/news/${created.id}/photos/${photos[0]!.id}`)).statusCode).toBe(404);
    expect((await publicGet(`/api/public/news/${created.id}/photos/${otherPhoto.id}`)).statusCode).toBe(404);
  });

  it('withdrawn with a reason, it leaves the public site; it can be corrected and published again', async () => {
    const created = (await officer.post('/api/news', draft({ title: 'Tin đăng nhầm' }))).json();
    const published = (await officer.post(`/api/news/${created.id}/publish`, { version: created.version })).json();
    await refused(() => officer.post(`/api/news/${created.id}/publish`, { version: published.version }), {
      status: 409,
      code: 'already_published',
    });
    await refused(
      () => officer.post(`/api/news/${created.id}/withdrawal`, { reason: '', version: published.version }),
      {
        status: 400,
        code: 'validation_failed',
        field: 'reason',
      },
    );
    const withdrawn = (
      await officer.post(`/api/news/${created.id}/withdrawal`, { reason: 'Sai tên hộ', version: published.version })
    ).json();
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawReason: 'Sai tên hộ' });
    expect((await publicGet(`/api/public/news/${created.id}`)).statusCode).toBe(404);
    await refused(
      () => officer.post(`/api/news/${created.id}/withdrawal`, { reason: 'x', version: withdrawn.version }),
      {
        status: 409,
        code: 'not_published',
      },
    );
    const corrected = (
      await officer.put(`/api/news/${created.id}`, { ...draft({ title: 'Tin đã sửa' }), version: withdrawn.version })
    ).json();
    const again = await officer.post(`/api/news/${created.id}/publish`, { version: corrected.version });
    expect(again.json()).toMatchObject({ status: 'published', withdrawReason: null, title: 'Tin đã sửa' });
    expect((await publicGet(`/api/public/news/${created.id}`)).json().title).toBe('Tin đã sửa');
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '  ' }, 'title'],
      [{ summary: '' }, 'summary'],
      [{ happenedOn: '2025-02-30' }, 'happenedOn'],
      [{ unitCode: '99999' }, 'unitCode'],
      [{ activityPhotoIds: [otherPhoto.id] }, 'activityPhotoIds.0'],
      [{ activityId: null, activityPhotoIds: [photos[0]!.id] }, 'activityPhotoIds.0'],
      [{ activityId: '3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5b' }, 'activityId'],
      [{ organisationIds: ['3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5b'] }, 'organisationIds.0'],
    ];
    for (const [change, field] of cases)
      await refused(() => officer.post('/api/news', draft(change)), { status: 400, code: 'validation_failed', field });
    await refused(() => publicGet('/api/public/news?province=4'), {
      status: 400,
      code: 'validation_failed',
      field: 'querystring.province',
    });
  });

  it('stays in its area: a viewer reads but does not write; another commune sees no draft and cannot write there', async () => {
    const created = (await officer.post('/api/news', draft({ title: 'Tin nháp của xã' }))).json();
    expect((await viewer.get(`/api/news/${created.id}`)).json().canManage).toBe(false);
    await refused(() => viewer.post('/api/news', draft()), { status: 403, code: 'forbidden' });
    await refused(() => viewer.post(`/api/news/${created.id}/publish`, { version: created.version }), {
      status: 403,
      code: 'forbidden',
    });
    expect((await otherCommune.get(`/api/news/${created.id}`)).statusCode).toBe(404);
    expect((await otherCommune.get('/api/news')).json().items.map((n: { id: string }) => n.id)).not.toContain(
      created.id,
    );
    await refused(() => otherCommune.post(`/api/news/${created.id}/publish`, { version: created.version }), {
      status: 404,
      code: 'not_found',
    });
    await refused(() => otherCommune.post('/api/news', draft({ activityId: null, activityPhotoIds: [] })), {
      status: 403,
      code: 'out_of_scope',
    });
    await refused(() => officer.post(`/api/news/${created.id}/publish`, { version: created.version + 1 }), {
      status: 409,
      code: 'stale_version',
    });
  });
});
