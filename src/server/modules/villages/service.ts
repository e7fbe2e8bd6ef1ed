import { foldAccents, vietnameseSortKey } from '../../../domain/text';
import { scopeCovers, type Area } from '../../../domain/access';
import type { VillageKind } from '../../../domain/reference';
import type { Actor } from '../../platform/access';
import { requireInScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import { changeRecord, type VersionedRecord } from '../../platform/changes';
import type { Db, Executor } from '../../platform/db/database';
import { errors, whenUniqueViolated } from '../../platform/errors';
import { requireCurrentUnit } from '../admin-units/service';
import { villagePolicy } from './policy';
import * as repo from './repo';
import type { VillageCreateReq, VillageListReq, VillageUpdateReq, VillageView } from './schemas';

const ENTITY = 'village';
const notFound = () => errors.notFound('thôn/tổ dân phố', 'Village');

function present(r: repo.VillageRow): VillageView {
  return {
    id: r.id,
    provinceCode: r.provinceCode,
    communeCode: r.communeCode,
    name: r.name,
    kind: r.kind as VillageKind,
    archived: r.archivedAt !== null,
    archivedAt: r.archivedAt?.toISOString() ?? null,
    archiveReason: r.archiveReason,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

function requireManage(actor: Actor, area: Area) {
  requireInScope(actor, area);
  if (!villagePolicy.manage(actor, area)) throw errors.forbidden();
}

const nameTaken = (name: string) => () =>
  errors.conflict(
    'village_name_taken',
    `Xã đã có thôn/tổ dân phố tên "${name}".`,
    'The commune already has a village of that name.',
    'name',
  );

async function requireUniqueName(db: Executor, communeCode: string, name: string, exceptId?: string) {
  if (await repo.findNamesake(db, communeCode, foldAccents(name), exceptId)) throw nameTaken(name)();
}

export async function listVillages(db: Db, actor: Actor, query: VillageListReq) {
  if (query.commune) {
    const commune = await requireCurrentUnit(db, query.commune, 'querystring.commune', 'commune');
    if (!scopeCovers(actor.scope, commune.area)) throw errors.outOfScope();
  }
  const { items, total } = await repo.list(db, actor.scope, query);
  return { items: items.map(present), total };
}

export async function getVillage(db: Db, actor: Actor, id: string) {
  const row = await repo.findInScope(db, id, actor.scope);
  if (!row) throw notFound();
  return present(row);
}

export async function createVillage(db: Db, actor: Actor, input: VillageCreateReq) {
  const commune = await requireCurrentUnit(db, input.communeCode, 'communeCode', 'commune');
  requireManage(actor, commune.area);
  return db
    .transaction(async (tx) => {
      await requireUniqueName(tx, input.communeCode, input.name);
      const row = await repo.insert(tx, {
        provinceCode: commune.area.provinceCode!,
        communeCode: input.communeCode,
        name: input.name,
        kind: input.kind,
        sortKey: vietnameseSortKey(input.name),
        searchKey: foldAccents(input.name),
      });
      const view = present(row);
      await recordAudit(tx, actor, {
        action: 'village.create',
        entity: ENTITY,
        entityId: row.id,
        area: row,
        after: view,
      });
      return view;
    })
    .catch(whenUniqueViolated('villages_commune_name', nameTaken(input.name)));
}

const VILLAGE_RECORD: VersionedRecord<repo.VillageRow, Partial<repo.NewVillageRow>, VillageView> = {
  entity: ENTITY,
  notFound,
  findForUpdate: repo.findForUpdate,
  update: repo.update,
  present: async (_tx, row) => present(row),
  areaOf: (row) => row,
};

export function updateVillage(db: Db, actor: Actor, id: string, input: VillageUpdateReq) {
  const renamed = whenUniqueViolated('villages_commune_name', nameTaken(input.name ?? ''));
  return changeRecord(db, actor, VILLAGE_RECORD, {
    id,
    version: input.version,
    action: 'village.update',
    check: (row) => requireManage(actor, row),
    apply: async (tx, row) => {
      const name = input.name ?? row.name;
      if (input.name) await requireUniqueName(tx, row.communeCode, name, row.id);
      return { name, kind: input.kind ?? row.kind, sortKey: vietnameseSortKey(name), searchKey: foldAccents(name) };
    },
  }).catch(renamed);
}

export function archiveVillage(db: Db, actor: Actor, id: string, input: { reason: string; version: number }) {
  return changeRecord(db, actor, VILLAGE_RECORD, {
    id,
    version: input.version,
    action: 'village.archive',
    check: (row) => {
      requireManage(actor, row);
      if (row.archivedAt)
        throw errors.conflict('already_archived', 'Thôn/tổ dân phố đã được lưu trữ.', 'Already archived.');
    },
    apply: () => ({ archivedAt: new Date(), archiveReason: input.reason }),
  });
}

/** A village the actor works in, for placing records (households); a 400 naming the field otherwise. */
export async function requireVillage(db: Executor, actor: Actor, id: string, field: string) {
  const row = await repo.findInScope(db, id, actor.scope);
  if (!row || row.archivedAt) {
    throw errors.invalid(
      field,
      'Thôn/tổ dân phố không tồn tại hoặc nằm ngoài địa bàn của bạn.',
      'Unknown or out-of-scope village.',
    );
  }
  return row;
}

export async function villageNames(db: Executor, ids: Iterable<string>): Promise<Map<string, string>> {
  const rows = await repo.namesByIds(db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, r.name]));
}
