import type { Db } from '../../platform/db/database';
import { errors } from '../../platform/errors';
import { unitNames } from '../admin-units/service';
import { contentOf, photosOf } from '../attachments/service';
import { organisationNames } from '../organisations/service';
import * as repo from './repo';
import type { PublicNewsListReq } from './schemas';

const notFound = () => errors.notFound('tin bài', 'News item');

/**
 * What the public site shows of published news: no drafts, no withdrawn items, no officer
 * fields. Photos are the activity's chosen ones and those uploaded to the item, and only those.
 */
async function present(db: Db, rows: repo.NewsRow[]) {
  const [units, names, own, ofActivities] = await Promise.all([
    unitNames(db, [...rows.map((r) => r.unitCode), ...rows.map((r) => r.provinceCode)]),
    organisationNames(
      db,
      rows.flatMap((r) => r.organisationIds),
    ),
    photosOf(
      db,
      'news',
      rows.map((r) => r.id),
    ),
    photosOf(
      db,
      'activity',
      rows.flatMap((r) => (r.activityId ? [r.activityId] : [])),
    ),
  ]);
  return rows.map((r) => {
    const chosen = new Set(r.activityPhotoIds);
    const photos = [
      ...ofActivities.filter((p) => p.ownerId === r.activityId && chosen.has(p.id)),
      ...own.filter((p) => p.ownerId === r.id),
    ].map((p) => ({ id: p.id, caption: p.caption }));
    return {
      id: r.id,
      title: r.title,
      summary: r.summary,
      body: r.body,
      happenedOn: r.happenedOn,
      publishedAt: r.publishedAt!.toISOString(),
      unitName: units.get(r.unitCode) ?? r.unitCode,
      provinceName: units.get(r.provinceCode) ?? r.provinceCode,
      organisations: r.organisationIds.map((id) => names.get(id) ?? '—'),
      photos,
    };
  });
}

export async function publicNewsList(db: Db, query: PublicNewsListReq) {
  const { items, total } = await repo.listPublished(db, query);
  return { items: (await present(db, items)).map(({ body: _body, ...item }) => item), total };
}

export async function publicNews(db: Db, id: string) {
  const row = await repo.findPublished(db, id);
  if (!row) throw notFound();
  return (await present(db, [row]))[0]!;
}

/** A photo of a published item, and nothing else. */
export async function publicNewsPhoto(db: Db, id: string, photoId: string) {
  const item = await publicNews(db, id);
  if (!item.photos.some((p) => p.id === photoId)) throw errors.notFound('ảnh', 'Photo');
  return contentOf(db, photoId);
}
