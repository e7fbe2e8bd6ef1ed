import { foldAccents, vietnameseSortKey } from '../../../domain/text';
import type { OrganisationKind } from '../../../domain/reference';
import type { Area } from '../../../domain/access';
import { requireInScope, type Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import { changeRecord, type VersionedRecord } from '../../platform/changes';
import type { Db, Executor } from '../../platform/db/database';
import { errors } from '../../platform/errors';
import { requireCurrentUnit, unitNames } from '../admin-units/service';
import { organisationPolicy } from './policy';
import * as repo from './repo';
import type { OrganisationCreateReq, OrganisationListReq, OrganisationUpdateReq, OrganisationView } from './schemas';

const ENTITY = 'organisation';
const notFound = () => errors.notFound('tổ chức', 'Organisation');
const keys = (name: string, shortName: string | null | undefined) => ({
  sortKey: vietnameseSortKey(name),
  searchKey: foldAccents(`${name} ${shortName ?? ''}`),
});

async function present(db: Executor, rows: repo.OrganisationRow[]): Promise<OrganisationView[]> {
  const names = await unitNames(
    db,
    rows.map((r) => r.unitCode),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    shortName: r.shortName,
    kind: r.kind as OrganisationKind,
    unitCode: r.unitCode,
    unitName: r.unitCode ? (names.get(r.unitCode) ?? r.unitCode) : 'Trung ương',
    provinceCode: r.provinceCode,
    communeCode: r.communeCode,
    archived: r.archivedAt !== null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  }));
}
const presentOne = async (db: Executor, row: repo.OrganisationRow) => (await present(db, [row]))[0]!;

function requireManage(actor: Actor, area: Area) {
  requireInScope(actor, area);
  if (!organisationPolicy.manage(actor, area)) throw errors.forbidden();
}

export async function listOrganisations(db: Db, actor: Actor, query: OrganisationListReq) {
  const { items, total } = await repo.list(db, actor.scope, query);
  return { items: await present(db, items), total };
}

export async function getOrganisation(db: Db, actor: Actor, id: string) {
  const row = await repo.findVisible(db, id, actor.scope);
  if (!row) throw notFound();
  return presentOne(db, row);
}

export async function createOrganisation(db: Db, actor: Actor, input: OrganisationCreateReq) {
  const area: Area = input.unitCode
    ? (await requireCurrentUnit(db, input.unitCode, 'unitCode')).area
    : { provinceCode: null, communeCode: null };
  requireManage(actor, area);
  return db.transaction(async (tx) => {
    const row = await repo.insert(tx, {
      name: input.name,
      shortName: input.shortName ?? null,
      kind: input.kind,
      unitCode: input.unitCode,
      ...area,
      ...keys(input.name, input.shortName),
    });
    const view = await presentOne(tx, row);
    await recordAudit(tx, actor, {
      action: 'organisation.create',
      entity: ENTITY,
      entityId: row.id,
      area,
      after: view,
    });
    return view;
  });
}

const ORGANISATION_RECORD: VersionedRecord<repo.OrganisationRow, Partial<repo.NewOrganisationRow>, OrganisationView> = {
  entity: ENTITY,
  notFound,
  findForUpdate: repo.findForUpdate,
  update: repo.update,
  present: presentOne,
  areaOf: (row) => row,
};

export function updateOrganisation(db: Db, actor: Actor, id: string, input: OrganisationUpdateReq) {
  return changeRecord(db, actor, ORGANISATION_RECORD, {
    id,
    version: input.version,
    action: 'organisation.update',
    check: (row) => requireManage(actor, row),
    apply: (_tx, row) => {
      const name = input.name ?? row.name;
      const shortName = input.shortName === undefined ? row.shortName : input.shortName;
      return { name, shortName, kind: input.kind ?? row.kind, ...keys(name, shortName) };
    },
  });
}

export function archiveOrganisation(db: Db, actor: Actor, id: string, version: number) {
  return changeRecord(db, actor, ORGANISATION_RECORD, {
    id,
    version,
    action: 'organisation.archive',
    check: (row) => {
      requireManage(actor, row);
      if (row.archivedAt) throw errors.conflict('already_archived', 'Tổ chức đã được lưu trữ.', 'Already archived.');
    },
    apply: () => ({ archivedAt: new Date() }),
  });
}

/** An organisation the actor can see, or a 400 naming the field (for references from other records). */
export async function requireOrganisation(db: Executor, actor: Actor, id: string, field: string) {
  const row = await repo.findVisible(db, id, actor.scope);
  if (!row || row.archivedAt) {
    throw errors.invalid(
      field,
      'Tổ chức không tồn tại hoặc nằm ngoài địa bàn của bạn.',
      'Unknown or out-of-scope organisation.',
    );
  }
  return row;
}

export async function organisationNames(db: Executor, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => !!id))];
  const rows = await repo.namesByIds(db, wanted);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function organisationKinds(db: Executor, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => !!id))];
  const rows = await repo.kindsByIds(db, wanted);
  return new Map(rows.map((r) => [r.id, r.kind]));
}
