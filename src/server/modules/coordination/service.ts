import type { Area } from '../../../domain/access';
import type { ProgrammeLevel } from '../../../domain/coordination';
import { foldAccents, vietnameseSortKey } from '../../../domain/text';
import { requireInScope, type Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import type { Db, Executor } from '../../platform/db/database';
import { errors, whenUniqueViolated } from '../../platform/errors';
import { requireCurrentUnit, unitNames } from '../admin-units/service';
import { legalDocumentsByIds, requireLegalDocuments } from '../legal-documents/service';
import { organisationNames, requireOrganisation } from '../organisations/service';
import { coordinationPolicy } from './policy';
import * as repo from './repo';
import type {
  ProgrammeCreateReq,
  ProgrammeListReq,
  ProgrammeSummaryView,
  ProgrammeUpdateReq,
  ProgrammeView,
} from './schemas';

const ENTITY = 'coordination_programme';
export const programmeNotFound = () => errors.notFound('chương trình phối hợp', 'Coordination programme');
const duplicateNumber = () =>
  errors.conflict(
    'duplicate_programme_number',
    'Tỉnh đã có chương trình phối hợp mang số, ký hiệu này.',
    'The province already has a programme with this number.',
    'number',
  );
const keys = (number: string, title: string) => ({
  sortKey: vietnameseSortKey(number),
  searchKey: foldAccents(`${number} ${title}`),
});

export const canManageProgramme = (actor: Actor, area: Area) => coordinationPolicy.manage(actor, area);

export function requireManageProgramme(actor: Actor, area: Area) {
  requireInScope(actor, area);
  if (!coordinationPolicy.manage(actor, area)) throw errors.forbidden();
}

const ref = (names: Map<string, string>) => (id: string) => ({ id, name: names.get(id) ?? '—' });

async function presentSummaries(
  db: Executor,
  actor: Actor,
  rows: repo.ProgrammeRow[],
): Promise<ProgrammeSummaryView[]> {
  const [units, names] = await Promise.all([
    unitNames(
      db,
      rows.map((r) => r.unitCode),
    ),
    organisationNames(
      db,
      rows.flatMap((r) => r.partyIds),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    title: r.title,
    level: r.level as ProgrammeLevel,
    signedOn: r.signedOn,
    signedPlace: r.signedPlace,
    unitCode: r.unitCode,
    unitName: units.get(r.unitCode) ?? r.unitCode,
    provinceCode: r.provinceCode,
    communeCode: r.communeCode,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    parties: r.partyIds.map(ref(names)),
    canManage: canManageProgramme(actor, r),
    version: r.version,
  }));
}

export async function presentProgramme(db: Executor, actor: Actor, row: repo.ProgrammeRow): Promise<ProgrammeView> {
  const [summary] = await presentSummaries(db, actor, [row]);
  const contents = await repo.contentsOf(db, [row.id]);
  const names = await organisationNames(
    db,
    contents.flatMap((c) => [c.responsibleId, ...c.coordinatingIds]),
  );
  const legalBases = await legalDocumentsByIds(db, row.legalBasisIds);
  return {
    ...summary!,
    legalBases: legalBases.map((d) => ({
      id: d.id,
      number: d.number,
      issuedOn: d.issuedOn,
      issuer: d.issuer,
      kind: d.kind,
      title: d.title,
    })),
    purposes: row.purposes,
    requirements: row.requirements,
    implementation: row.implementation,
    contents: contents.map((c) => ({
      id: c.id,
      position: c.position,
      title: c.title,
      scope: c.scope,
      responsible: ref(names)(c.responsibleId),
      coordinating: c.coordinatingIds.map(ref(names)),
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listProgrammes(db: Db, actor: Actor, query: ProgrammeListReq) {
  const { items, total } = await repo.listProgrammes(db, actor.scope, query);
  return { items: await presentSummaries(db, actor, items), total };
}

/** A programme the actor can see (its own area's, or one above), or 404. */
export async function requireProgramme(db: Executor, actor: Actor, id: string, lock = false) {
  const row = await repo.findProgramme(db, id, actor.scope, lock);
  if (!row) throw programmeNotFound();
  return row;
}

export async function getProgramme(db: Db, actor: Actor, id: string) {
  return presentProgramme(db, actor, await requireProgramme(db, actor, id));
}

/** Every organisation named (parties, responsible and coordinating) must be one the actor can see. */
async function checkReferences(db: Executor, actor: Actor, input: ProgrammeUpdateReq | ProgrammeCreateReq) {
  for (const [i, id] of input.partyIds.entries()) await requireOrganisation(db, actor, id, `partyIds.${i}`);
  await requireLegalDocuments(db, actor, input.legalBasisIds, 'legalBasisIds');
  for (const [i, c] of input.contents.entries()) {
    await requireOrganisation(db, actor, c.responsibleId, `contents.${i}.responsibleId`);
    for (const [j, id] of c.coordinatingIds.entries()) {
      await requireOrganisation(db, actor, id, `contents.${i}.coordinatingIds.${j}`);
    }
  }
}

function levelMatchesUnit(level: ProgrammeLevel, area: Area) {
  if (level === 'province' && area.communeCode) {
    throw errors.invalid(
      'level',
      'Chương trình cấp tỉnh phải do tỉnh ký.',
      'A province-level programme is signed by a province.',
    );
  }
  if (level === 'commune' && !area.communeCode) {
    throw errors.invalid(
      'level',
      'Chương trình cấp xã phải do xã ký.',
      'A commune-level programme is signed by a commune.',
    );
  }
}

const programmeFields = (input: ProgrammeUpdateReq | ProgrammeCreateReq) => ({
  title: input.title,
  signedOn: input.signedOn,
  signedPlace: input.signedPlace,
  partyIds: input.partyIds,
  legalBasisIds: input.legalBasisIds,
  periodFrom: input.periodFrom,
  periodTo: input.periodTo,
  purposes: input.purposes,
  requirements: input.requirements,
  implementation: input.implementation ?? null,
});

export async function createProgramme(db: Db, actor: Actor, input: ProgrammeCreateReq) {
  const unit = await requireCurrentUnit(db, input.unitCode, 'unitCode');
  const area = unit.area as Area & { provinceCode: string };
  requireManageProgramme(actor, area);
  levelMatchesUnit(input.level, area);
  if (input.contents.some((c) => c.id)) {
    throw errors.invalid(
      'contents',
      'Chương trình mới chưa có nội dung nào để sửa.',
      'A new programme has no contents yet.',
    );
  }
  return db.transaction(async (tx) => {
    await checkReferences(tx, actor, input);
    if (await repo.findProgrammeByNumber(tx, area.provinceCode, input.number)) throw duplicateNumber();
    const row = await repo
      .insertProgramme(tx, {
        number: input.number,
        level: input.level,
        unitCode: input.unitCode,
        ...area,
        ...programmeFields(input),
        ...keys(input.number, input.title),
      })
      .catch(whenUniqueViolated('coordination_programmes_number', duplicateNumber));
    await repo.saveContents(tx, row.id, input.contents);
    const view = await presentProgramme(tx, actor, row);
    await recordAudit(tx, actor, { action: 'programme.create', entity: ENTITY, entityId: row.id, area, after: view });
    return view;
  });
}

export async function updateProgramme(db: Db, actor: Actor, id: string, input: ProgrammeUpdateReq) {
  return db.transaction(async (tx) => {
    const row = await requireProgramme(tx, actor, id, true);
    requireManageProgramme(actor, row);
    if (row.version !== input.version) throw errors.staleVersion();
    const current = await repo.contentsOf(tx, [row.id]);
    const currentIds = new Set(current.map((c) => c.id));
    for (const [i, c] of input.contents.entries()) {
      if (c.id && !currentIds.has(c.id)) {
        throw errors.invalid(
          `contents.${i}.id`,
          'Nội dung này không thuộc chương trình.',
          'Not a content of this programme.',
        );
      }
    }
    const kept = new Set(input.contents.flatMap((c) => (c.id ? [c.id] : [])));
    const removed = current.filter((c) => !kept.has(c.id)).map((c) => c.id);
    if ((await repo.contentsInUse(tx, removed)).length) {
      throw errors.conflict(
        'content_in_use',
        'Không thể bỏ nội dung phối hợp đã có nhiệm vụ trong kế hoạch.',
        'A coordination content with planned tasks cannot be removed.',
        'contents',
      );
    }
    await checkReferences(tx, actor, input);
    const before = await presentProgramme(tx, actor, row);
    const updated = await repo.updateProgramme(tx, id, input.version, {
      ...programmeFields(input),
      ...keys(row.number, input.title),
    });
    if (!updated) throw errors.staleVersion();
    await repo.saveContents(tx, id, input.contents);
    const after = await presentProgramme(tx, actor, updated);
    await recordAudit(tx, actor, {
      action: 'programme.update',
      entity: ENTITY,
      entityId: id,
      area: row,
      before,
      after,
    });
    return after;
  });
}

/** A content of a programme the actor can see, or a 400 naming the field. */
export async function requireContent(db: Executor, actor: Actor, contentId: string, field: string) {
  const content = await repo.findContent(db, contentId);
  const programme = content && (await repo.findProgramme(db, content.programmeId, actor.scope));
  if (!content || !programme) {
    throw errors.invalid(
      field,
      'Nội dung phối hợp không tồn tại hoặc nằm ngoài địa bàn.',
      'Unknown or out-of-scope content.',
    );
  }
  return { content, programme };
}

export const contentsOfProgrammes = (db: Executor, ids: string[]) => repo.contentsOf(db, ids);
