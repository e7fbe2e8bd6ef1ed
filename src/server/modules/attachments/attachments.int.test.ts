import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, signInSystemAdmin, type Session, type TestApp } from '../../../../test/helpers/app';
import { activityInput, buildProgramme, libraryIds } from '../../../../test/helpers/coordination';
import { buildHousehold, CAM_XUYEN, HA_TINH, THACH_HA } from '../../../../test/helpers/factories';
import { jpegPhoto, pdfFile } from '../../../../test/helpers/files';
import { auditTrail, expectAuditedWrite, expectRefused } from '../../../../test/helpers/trace';
import { createActivity } from '../activities/service';
import { createLegalDocument } from '../legal-documents/service';
import { approveHouse } from '../support/houses';
import { MAX_FILE_BYTES, MAX_FILES_PER_OWNER } from './service';
import { attachments } from './tables';

type Signed = Awaited<ReturnType<typeof signIn>>;
let t: TestApp;
let officer: Signed;
let viewer: Signed;
let provinceOfficer: Signed;
let otherCommune: Signed;
let activityId: string;
let provinceProgrammeId: string;

const upload = (
  who: Session,
  content: Buffer,
  query: { ownerKind?: string; ownerId?: string; fileName?: string; caption?: string } = {},
  contentType = 'image/jpeg',
) => {
  const params = new URLSearchParams({
    ownerKind: 'activity',
    ownerId: activityId,
    fileName: 'Ảnh lớp tập huấn.jpg',
    ...query,
  });
  return who.request({
    method: 'POST',
    url: `/api/attachments?${params}`,
    payload: content,
    headers: { 'content-type': contentType },
  });
};
const listOf = (who: Session, ownerKind = 'activity', ownerId = activityId) =>
  who.get(`/api/attachments?ownerKind=${ownerKind}&ownerId=${ownerId}`);
const names = (res: LightMyRequestResponse) => res.json().items.map((a: { fileName: string }) => a.fileName);
const refused = (
  act: () => Promise<LightMyRequestResponse>,
  expected: { status: number; code: string; field?: string },
) => expectRefused(t.database.db, [attachments], act, expected);

beforeAll(async () => {
  t = await createTestApp();
  officer = await signIn(t, { scopeCode: THACH_HA, roles: ['officer'] });
  viewer = await signIn(t, { scopeCode: THACH_HA, roles: ['viewer'] });
  provinceOfficer = await signIn(t, { scopeCode: HA_TINH, roles: ['officer'] });
  otherCommune = await signIn(t, { scopeCode: CAM_XUYEN, roles: ['officer'] });
  const thachHa = await buildProgramme(t.database.db, THACH_HA);
  activityId = (await createActivity(t.database.db, officer.actor, activityInput(THACH_HA, thachHa))).id;
  provinceProgrammeId = (await buildProgramme(t.database.db, HA_TINH)).programme.id;
});
afterAll(() => t.close());

describe('files attached to a record', () => {
  it('an officer attaches a photo to the commune’s activity: audited, listed, and read back byte for byte', async () => {
    const { body, event } = await expectAuditedWrite(
      t.database.db,
      () => upload(officer, jpegPhoto(1), { caption: 'Lớp tập huấn ngày 10/4' }),
      201,
    );
    expect(event).toMatchObject({ action: 'attachment.add', provinceCode: HA_TINH, communeCode: THACH_HA });
    expect(body).toMatchObject({
      fileName: 'Ảnh lớp tập huấn.jpg',
      fileType: 'jpeg',
      image: true,
      sizeBytes: jpegPhoto(1).length,
      caption: 'Lớp tập huấn ngày 10/4',
      canRemove: true,
    });
    expect(names(await viewer.get(`/api/attachments?ownerKind=activity&ownerId=${activityId}`))).toEqual([
      'Ảnh lớp tập huấn.jpg',
    ]);

    const file = await viewer.get(`/api/attachments/${body.id}/content`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(jpegPhoto(1))).toBe(true);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-security-policy']).toContain('sandbox');
    expect(file.headers['content-disposition']).toBe(
      `inline; filename="anh lop tap huan.jpg"; filename*=UTF-8''${encodeURIComponent('Ảnh lớp tập huấn.jpg')}`,
    );
    const download = await viewer.get(`/api/attachments/${body.id}/content?download=true`);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/u);
  });

  it('keeps what a file really is, whatever the sender calls it; Word minutes are downloaded, not shown', async () => {
    const res = await upload(
      officer,
      pdfFile,
      { fileName: 'C:\\Users\\canbo\\Biên bản.pdf' },
      'application/octet-stream',
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ fileName: 'Biên bản.pdf', fileType: 'pdf', mediaType: 'application/pdf' });
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 1, 2]);
    const word = await upload(officer, zip, { fileName: 'Biên bản họp.docx' }, 'application/octet-stream');
    expect(word.statusCode, word.body).toBe(201);
    const file = await officer.get(`/api/attachments/${word.json().id}/content`);
    expect(file.headers['content-disposition']).toMatch(/^attachment;/u);
  });

  it('refuses bad files naming the reason, and changes nothing', async () => {
    const empty = await refused(() => upload(officer, Buffer.alloc(0)), {
      status: 400,
      code: 'validation_failed',
      field: 'file',
    });
    expect(empty.detail).toContain('Tệp rỗng');
    const exe = await refused(() => upload(officer, Buffer.from('MZ\x90\x00 program'), { fileName: 'anh.jpg' }), {
      status: 400,
      code: 'validation_failed',
      field: 'file',
    });
    expect(exe.detail).toContain('không phải loại được nhận');
    await refused(() => upload(officer, Buffer.from([0x50, 0x4b, 0x03, 0x04]), { fileName: 'anh.zip' }), {
      status: 400,
      code: 'validation_failed',
      field: 'file',
    });
    const big = Buffer.concat([jpegPhoto(2), Buffer.alloc(MAX_FILE_BYTES)]);
    const tooBig = await refused(() => upload(officer, big), { status: 413, code: 'file_too_large', field: 'file' });
    expect(tooBig.detail).toContain('10 MB');
    await refused(() => upload(officer, jpegPhoto(3), { ownerKind: 'household' }), {
      status: 400,
      code: 'validation_failed',
      field: 'querystring.ownerKind',
    });
    await refused(() => upload(officer, jpegPhoto(3), { fileName: '   ' }), {
      status: 400,
      code: 'validation_failed',
      field: 'querystring.fileName',
    });
    const again = await refused(() => upload(officer, jpegPhoto(1), { fileName: 'lan-nua.jpg' }), {
      status: 409,
      code: 'duplicate_attachment',
    });
    expect(again.detail).toContain('đã được đính kèm');
  });

  it('two uploads of one file at once keep one', async () => {
    const both = await Promise.all([upload(officer, jpegPhoto(7)), upload(officer, jpegPhoto(7))]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('stays inside the record’s area: a viewer reads, another commune sees nothing, a commune reads its province’s', async () => {
    await refused(() => upload(viewer, jpegPhoto(4)), { status: 403, code: 'forbidden' });
    expect((await listOf(otherCommune)).statusCode).toBe(404);
    const [first] = (await listOf(officer)).json().items;
    expect((await otherCommune.get(`/api/attachments/${first.id}/content`)).statusCode).toBe(404);
    await refused(() => upload(otherCommune, jpegPhoto(4)), { status: 404, code: 'not_found' });
    expect(names(await listOf(provinceOfficer))).toContain('Ảnh lớp tập huấn.jpg');

    const signed = await upload(provinceOfficer, pdfFile, {
      ownerKind: 'programme',
      ownerId: provinceProgrammeId,
      fileName: 'Chương trình đã ký.pdf',
    });
    expect(signed.statusCode, signed.body).toBe(201);
    const seen = await listOf(officer, 'programme', provinceProgrammeId);
    expect(names(seen)).toEqual(['Chương trình đã ký.pdf']);
    expect(seen.json().items[0].canRemove).toBe(false);
    await refused(() => upload(officer, jpegPhoto(5), { ownerKind: 'programme', ownerId: provinceProgrammeId }), {
      status: 403,
      code: 'forbidden',
    });
  });

  it('a library text carries its PDF: kept by those who keep the text, read by everyone who sees it', async () => {
    const [decree] = await libraryIds(t.database.db, '07/2021/NĐ-CP');
    const provinceText = await createLegalDocument(t.database.db, provinceOfficer.actor, {
      number: '25/KH-UBND',
      issuedOn: '2024-03-01',
      issuer: 'UBND tỉnh Hà Tĩnh',
      kind: 'plan',
      title: 'Kế hoạch thực hiện Chương trình giảm nghèo năm 2024',
      unitCode: HA_TINH,
    });
    const asText = (ownerId: string, fileName: string) => ({ ownerKind: 'legal_document', ownerId, fileName });
    // A national text's file is kept at national level; a province's by the province.
    await refused(() => upload(provinceOfficer, pdfFile, asText(decree!, 'Nghị định 07.pdf')), {
      status: 403,
      code: 'forbidden',
    });
    await refused(() => upload(officer, pdfFile, asText(provinceText.id, 'Kế hoạch 25.pdf')), {
      status: 403,
      code: 'forbidden',
    });
    const admin = await signInSystemAdmin(t);
    const national = await admin.request({
      method: 'POST',
      url: `/api/attachments?${new URLSearchParams(asText(decree!, 'Nghị định 07-2021-NĐ-CP.pdf'))}`,
      payload: pdfFile,
      headers: { 'content-type': 'application/pdf' },
    });
    expect(national.statusCode, national.body).toBe(201);
    const { body: added } = await expectAuditedWrite(
      t.database.db,
      () => upload(provinceOfficer, pdfFile, asText(provinceText.id, 'Kế hoạch 25-KH-UBND.pdf'), 'application/pdf'),
      201,
    );
    expect(added).toMatchObject({ fileType: 'pdf', mediaType: 'application/pdf' });
    // A commune reads both, byte for byte, and may not remove them.
    const listed = await listOf(viewer, 'legal_document', decree);
    expect(names(listed)).toEqual(['Nghị định 07-2021-NĐ-CP.pdf']);
    expect(listed.json().items[0].canRemove).toBe(false);
    const file = await viewer.get(`/api/attachments/${added.id}/content`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    expect(file.rawPayload.equals(pdfFile)).toBe(true);
  });

  it('removing a file erases its bytes but keeps who removed it and why', async () => {
    const added = (await upload(officer, jpegPhoto(6), { fileName: 'nham-ho-so.jpg' })).json();
    await refused(() => officer.post(`/api/attachments/${added.id}/removal`, { reason: '' }), {
      status: 400,
      code: 'validation_failed',
      field: 'reason',
    });
    await refused(() => viewer.post(`/api/attachments/${added.id}/removal`, { reason: 'Ảnh nhầm hồ sơ' }), {
      status: 403,
      code: 'forbidden',
    });
    const res = await officer.post(`/api/attachments/${added.id}/removal`, { reason: 'Ảnh nhầm hồ sơ' });
    expect(res.statusCode, res.body).toBe(204);
    expect(names(await listOf(officer))).not.toContain('nham-ho-so.jpg');
    expect((await officer.get(`/api/attachments/${added.id}/content`)).statusCode).toBe(404);
    const [stored] = await t.database.db.select().from(attachments).where(eq(attachments.id, added.id));
    expect(stored).toMatchObject({ content: null, removeReason: 'Ảnh nhầm hồ sơ', sha256: added.sha256 });
    expect((await auditTrail(t.database.db, 'attachment', added.id)).map((e) => e.action)).toEqual([
      'attachment.add',
      'attachment.remove',
    ]);
    // The right file can be attached again once the wrong one is gone.
    expect((await upload(officer, jpegPhoto(6), { fileName: 'dung-ho-so.jpg' })).statusCode).toBe(201);
  });

  it('a house carries the photos of its stages, seen in its commune only', async () => {
    const household = await buildHousehold(t.database.db);
    const house = await approveHouse(t.database.db, officer.actor, household.id, {
      kind: 'build',
      decisionNumber: '45/QĐ-UBND',
      approvedOn: '2026-03-02',
      plannedCompletion: '2026-08-31',
      builder: null,
      funding: [{ sourceCode: 'local_budget', amount: 40_000_000 }],
    });
    const res = await upload(officer, jpegPhoto('mong-nha'), {
      ownerKind: 'house',
      ownerId: house.id,
      fileName: 'mong-nha.jpg',
      caption: 'Đã phê duyệt — đổ móng',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(names(await listOf(viewer, 'house', house.id))).toEqual(['mong-nha.jpg']);
    expect((await listOf(otherCommune, 'house', house.id)).statusCode).toBe(404);
    await refused(() => upload(viewer, jpegPhoto('x'), { ownerKind: 'house', ownerId: house.id }), {
      status: 403,
      code: 'forbidden',
    });
  });

  it(`holds at most ${MAX_FILES_PER_OWNER} files per record`, async () => {
    const live = (await listOf(officer)).json().items.length;
    for (let i = live; i < MAX_FILES_PER_OWNER; i++)
      expect((await upload(officer, jpegPhoto(100 + i))).statusCode).toBe(201);
    const over = await refused(() => upload(officer, jpegPhoto(999)), { status: 409, code: 'too_many_attachments' });
    expect(over.detail).toContain(String(MAX_FILES_PER_OWNER));
  });
});
