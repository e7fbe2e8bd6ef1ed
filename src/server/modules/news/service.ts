import type { Area } from '../../../domain/access';
import type { NewsStatus } from '../../../domain/coordination';
import { foldAccents, vietnameseSortKey } from '../../../domain/text';
import { requireInScope, type Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import { changeRecord, type VersionedRecord } from '../../platform/changes';
import type { Db, Executor } from '../../platform/db/database';
import { AppError, errors } from '../../platform/errors';
import { activityPolicy } from '../activities/policy';
import { getActivity } from '../activities/service';
import { requireCurrentUnit, unitNames } from '../admin-units/service';
import { photosOf } from '../attachments/service';
import { organisationNames, requireOrganisation } from '../organisations/service';
import * as repo from './repo';
import type { NewsCreateReq, NewsListReq, NewsUpdateReq, NewsView } from './schemas';

const ENTITY = 'news';
const notFound = () => errors.notFound('tin bài', 'News item');
const keys = (title: string, summary: string) => ({
  sortKey: vietnameseSortKey(title),
  searchKey: foldAccents(`${title} ${summary}`),
});

// News is communication: whoever records the area's activities writes its news.
const canManage = (actor: Actor, area: Area) => activityPolicy.manage(actor, area);
function requireManage(actor: Actor, area: Area) {
  requireInScope(actor, area);
  if (!canManage(actor, area)) throw errors.forbidden();
}

async function present(db: Executor, actor: Actor, rows: repo.NewsRow[]): Promise<NewsView[]> {
  const [units, names] = await Promise.all([
    unitNames(
      db,
      rows.map((r) => r.unitCode),
    ),
    organisationNames(
      db,
      rows.flatMap((r) => r.organisationIds),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    unitCode: r.unitCode,
    unitName: units.get(r.unitCode) ?? r.unitCode,
    provinceCode: r.provinceCode,
    communeCode: r.communeCode,
    title: r.title,
    summary: r.summary,
    body: r.body,
    happenedOn: r.happenedOn,
    activityId: r.activityId,
    organisations: r.organisationIds.map((id) => ({ id, name: names.get(id) ?? '—' })),
    activityPhotoIds: r.activityPhotoIds,
    status: r.status as NewsStatus,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
    withdrawReason: r.withdrawReason,
    canManage: canManage(actor, r),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  }));
}
const presentOne = async (db: Executor, actor: Actor, row: repo.NewsRow) => (await present(db, actor, [row]))[0]!;

export async function listNews(db: Db, actor: Actor, query: NewsListReq) {
  const { items, total } = await repo.list(db, actor.scope, query);
  return { items: await present(db, actor, items), total };
}

export async function getNews(db: Db, actor: Actor, id: string) {
  const row = await repo.find(db, id, actor.scope);
  if (!row) throw notFound();
  return presentOne(db, actor, row);
}

/** The item's fields, its references checked: the activity the actor sees, its own live photos. */
async function fieldsOf(db: Db, actor: Actor, input: NewsCreateReq | NewsUpdateReq) {
  for (const [i, id] of input.organisationIds.entries())
    await requireOrganisation(db, actor, id, `organisationIds.${i}`);
  const activityId = input.activityId ?? null;
  if (activityId)
    await getActivity(db, actor, activityId).catch((error: unknown) => {
      // Only "not found" (outside the area or not at all) is the caller's bad input.
      if (!(error instanceof AppError && error.status === 404)) throw error;
      throw errors.invalid(
        'activityId',
        'Không tìm thấy hoạt động này trong địa bàn của bạn.',
        'No such activity in your area.',
      );
    });
  if (input.activityPhotoIds.length > 0) {
    const photos = new Set((await photosOf(db, 'activity', activityId ? [activityId] : [])).map((p) => p.id));
    for (const [i, id] of input.activityPhotoIds.entries())
      if (!photos.has(id))
        throw errors.invalid(
          `activityPhotoIds.${i}`,
          'Ảnh này không phải ảnh (còn hiệu lực) của hoạt động mà tin kể lại.',
          'This is not a (live) photo of the activity the item tells of.',
        );
  }
  return {
    title: input.title,
    summary: input.summary,
    body: input.body ?? null,
    happenedOn: input.happenedOn,
    activityId,
    organisationIds: input.organisationIds,
    activityPhotoIds: [...new Set(input.activityPhotoIds)],
    ...keys(input.title, input.summary),
  };
}

async function areaOf(db: Db, unitCode: string) {
  return (await requireCurrentUnit(db, unitCode, 'unitCode')).area as Area & { provinceCode: string };
}

/** Write a news item as a draft. */
export async function createNews(db: Db, actor: Actor, input: NewsCreateReq) {
  const area = await areaOf(db, input.unitCode);
  requireManage(actor, area);
  const fields = await fieldsOf(db, actor, input);
  return db.transaction(async (tx) => {
    const row = await repo.insert(tx, { unitCode: input.unitCode, ...area, ...fields });
    const view = await presentOne(tx, actor, row);
    await recordAudit(tx, actor, { action: 'news.create', entity: ENTITY, entityId: row.id, area, after: view });
    return view;
  });
}

const record = (actor: Actor): VersionedRecord<repo.NewsRow, Partial<repo.NewNewsRow>, NewsView> => ({
  entity: ENTITY,
  notFound,
  findForUpdate: (tx, id, scope) => repo.find(tx, id, scope, true),
  update: repo.update,
  present: (tx, row) => presentOne(tx, actor, row),
  areaOf: (row) => row,
});

export async function updateNews(db: Db, actor: Actor, id: string, input: NewsUpdateReq) {
  const area = await areaOf(db, input.unitCode);
  requireManage(actor, area);
  const fields = await fieldsOf(db, actor, input);
  return changeRecord(db, actor, record(actor), {
    id,
    version: input.version,
    action: 'news.update',
    check: (row) => requireManage(actor, row),
    apply: () => ({ unitCode: input.unitCode, ...area, ...fields }),
  });
}

/** Put a draft (or a withdrawn item, corrected) on the public site. */
export async function publishNews(db: Db, actor: Actor, id: string, version: number) {
  return changeRecord(db, actor, record(actor), {
    id,
    version,
    action: 'news.publish',
    check: (row) => {
      requireManage(actor, row);
      if (row.status === 'published')
        throw errors.conflict('already_published', 'Tin này đã được đăng.', 'This item is already published.');
    },
    apply: () => ({ status: 'published', publishedAt: new Date(), withdrawnAt: null, withdrawReason: null }),
  });
}

/** Take a published item off the public site, saying why. */
export async function withdrawNews(db: Db, actor: Actor, id: string, input: { reason: string; version: number }) {
  return changeRecord(db, actor, record(actor), {
    id,
    version: input.version,
    action: 'news.withdraw',
    check: (row) => {
      requireManage(actor, row);
      if (row.status !== 'published')
        throw errors.conflict('not_published', 'Chỉ gỡ được tin đang đăng.', 'Only a published item can be withdrawn.');
    },
    apply: () => ({ status: 'withdrawn', withdrawnAt: new Date(), withdrawReason: input.reason }),
  });
}
