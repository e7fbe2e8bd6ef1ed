/**
 * Poverty-reduction models (mô hình giảm nghèo): created in a commune with their budget by
 * source; households join with what they receive (recorded as the household's support records,
 * through the support module, and linked here); each household's outcome is read from its
 * assessments; a model copied to another commune keeps its origin, and the family compares.
 */
import { todayInVietnam } from '../../../domain/calendar';
import { modelResults, participantOutcome, type ModelKind, type ParticipantOutcome } from '../../../domain/models';
import { BUILT_IN_SOURCES } from '../../../domain/support';
import { foldAccents, vietnameseSortKey } from '../../../domain/text';
import { requireInScope, type Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import { changeRecord } from '../../platform/changes';
import type { Db, Executor } from '../../platform/db/database';
import { AppError, errors } from '../../platform/errors';
import { requireCurrentUnit, unitNames } from '../admin-units/service';
import { statusHistories } from '../assessments/service';
import { getHousehold } from '../households/service';
import { organisationNames, requireOrganisation } from '../organisations/service';
import { recordSupport, supportsByIds } from '../support/service';
import { requireVillage, villageNames } from '../villages/service';
import { modelPolicy } from './policy';
import * as repo from './repo';
import type {
  ModelCreateReq,
  ModelListReq,
  ModelReplicateReq,
  ModelSummaryView,
  ModelUpdateReq,
  ModelView,
  ParticipantAddReq,
  ParticipantView,
} from './schemas';

const ENTITY = 'poverty_model';
const notFound = () => errors.notFound('mô hình giảm nghèo', 'Poverty-reduction model');
const keys = (name: string) => ({ sortKey: vietnameseSortKey(name), searchKey: foldAccents(name) });

function requireManage(actor: Actor, area: { provinceCode: string; communeCode: string }) {
  requireInScope(actor, area);
  if (!modelPolicy.manage(actor, area)) throw errors.forbidden();
}

/** Each participant's outcome, read from its household's assessments. */
async function outcomesOf(db: Executor, participants: repo.ParticipantRow[]) {
  const histories = await statusHistories(
    db,
    participants.map((p) => p.householdId),
  );
  return new Map<string, ParticipantOutcome>(
    participants.map((p) => [p.id, participantOutcome(p.joinedOn, histories.get(p.householdId) ?? [])]),
  );
}

async function presentSummaries(db: Executor, actor: Actor, rows: repo.ModelRow[]): Promise<ModelSummaryView[]> {
  const participants = await repo.participantsOf(
    db,
    rows.map((r) => r.id),
  );
  const [communes, villages, organisations, outcomes] = await Promise.all([
    unitNames(
      db,
      rows.map((r) => r.communeCode),
    ),
    villageNames(
      db,
      rows.flatMap((r) => r.villageIds),
    ),
    organisationNames(
      db,
      rows.flatMap((r) => [r.leadOrganisationId, ...r.partnerOrganisationIds]),
    ),
    outcomesOf(db, participants),
  ]);
  const ref = (names: Map<string, string>) => (id: string) => ({ id, name: names.get(id) ?? '—' });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as ModelKind,
    provinceCode: r.provinceCode,
    communeCode: r.communeCode,
    communeName: communes.get(r.communeCode) ?? r.communeCode,
    villages: r.villageIds.map(ref(villages)),
    leadOrganisation: ref(organisations)(r.leadOrganisationId),
    partnerOrganisations: r.partnerOrganisationIds.map(ref(organisations)),
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    budget: r.budget,
    totalBudget: r.budget.reduce((sum, b) => sum + b.amount, 0),
    expectedResults: r.expectedResults,
    expectedIncomeIncrease: r.expectedIncomeIncrease,
    actualResults: r.actualResults,
    actualIncomeIncrease: r.actualIncomeIncrease,
    originId: r.originId,
    results: modelResults(participants.filter((p) => p.modelId === r.id).map((p) => outcomes.get(p.id)!)),
    canManage: modelPolicy.manage(actor, r),
    version: r.version,
  }));
}

async function presentModel(db: Executor, actor: Actor, row: repo.ModelRow): Promise<ModelView> {
  const [[summary], participants, family] = await Promise.all([
    presentSummaries(db, actor, [row]),
    repo.participantsOf(db, [row.id]),
    repo.familyOf(db, row.originId ?? row.id, actor.scope),
  ]);
  const [outcomes, links] = await Promise.all([
    outcomesOf(db, participants),
    repo.supportLinksOf(
      db,
      participants.map((p) => p.id),
    ),
  ]);
  const supports = new Map(
    (
      await supportsByIds(
        db,
        actor,
        links.map((l) => l.supportId),
      )
    ).map((s) => [s.id, s]),
  );
  const ref = (m: repo.ModelRow) => ({ id: m.id, name: m.name });
  const origin = row.originId ? family.find((m) => m.id === row.originId) : undefined;
  return {
    ...summary!,
    origin: origin ? ref(origin) : null,
    copies: row.originId ? [] : family.filter((m) => m.originId === row.id).map(ref),
    participants: participants.map((p): ParticipantView => {
      const outcome = outcomes.get(p.id)!;
      return {
        id: p.id,
        householdId: p.householdId,
        householdCode: p.householdCode,
        headName: p.headName,
        joinedOn: p.joinedOn,
        note: p.note,
        before: outcome.before,
        now: outcome.now,
        outcome: outcome.outcome,
        received: links.flatMap((l) => {
          const support = l.participantId === p.id ? supports.get(l.supportId) : undefined;
          return support ? [support] : [];
        }),
      };
    }),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listModels(db: Db, actor: Actor, query: ModelListReq) {
  if (query.commune) {
    const commune = await requireCurrentUnit(db, query.commune, 'querystring.commune', 'commune');
    requireInScope(actor, commune.area);
  }
  const { items, total } = await repo.listModels(db, actor.scope, query);
  return { items: await presentSummaries(db, actor, items), total };
}

async function requireModel(db: Executor, actor: Actor, id: string, lock = false) {
  const row = await repo.findModel(db, id, actor.scope, lock);
  if (!row) throw notFound();
  return row;
}

export async function getModel(db: Db, actor: Actor, id: string) {
  return presentModel(db, actor, await requireModel(db, actor, id));
}

type PlaceInput = Pick<
  ModelCreateReq,
  'villageIds' | 'leadOrganisationId' | 'partnerOrganisationIds' | 'budget' | 'startsOn' | 'endsOn'
>;

/** Villages of the commune, organisations the actor can see, sources of the catalog; each refusal names its field. */
async function checkPlace(db: Executor, actor: Actor, communeCode: string, input: PlaceInput) {
  for (const [i, id] of input.villageIds.entries()) {
    const village = await requireVillage(db, actor, id, `villageIds.${i}`);
    if (village.communeCode !== communeCode)
      throw errors.invalid(
        `villageIds.${i}`,
        'Thôn/tổ dân phố không thuộc xã thực hiện mô hình.',
        'The village is not in the model’s commune.',
      );
  }
  await requireOrganisation(db, actor, input.leadOrganisationId, 'leadOrganisationId');
  for (const [i, id] of input.partnerOrganisationIds.entries()) {
    if (id === input.leadOrganisationId)
      throw errors.invalid(
        `partnerOrganisationIds.${i}`,
        'Đơn vị chủ trì không đồng thời là đơn vị phối hợp.',
        'The lead organisation is not also a partner.',
      );
    await requireOrganisation(db, actor, id, `partnerOrganisationIds.${i}`);
  }
  const unknown = input.budget.findIndex((b) => !BUILT_IN_SOURCES.some((s) => s.code === b.sourceCode));
  if (unknown >= 0)
    throw errors.invalid(
      `budget.${unknown}.sourceCode`,
      `Không có nguồn kinh phí "${input.budget[unknown]!.sourceCode}".`,
      'Unknown source.',
    );
}

/** The commune a model is placed in, which the actor must manage. */
async function placeIn(db: Executor, actor: Actor, communeCode: string) {
  const commune = await requireCurrentUnit(db, communeCode, 'communeCode', 'commune');
  const area = { provinceCode: commune.area.provinceCode!, communeCode };
  requireManage(actor, area);
  return area;
}

const placeFields = (input: PlaceInput) => ({
  villageIds: input.villageIds,
  leadOrganisationId: input.leadOrganisationId,
  partnerOrganisationIds: input.partnerOrganisationIds,
  startsOn: input.startsOn,
  endsOn: input.endsOn,
  budget: input.budget,
});

export async function createModel(db: Db, actor: Actor, input: ModelCreateReq) {
  const area = await placeIn(db, actor, input.communeCode);
  return db.transaction(async (tx) => {
    await checkPlace(tx, actor, area.communeCode, input);
    const row = await repo.insertModel(tx, {
      ...area,
      ...placeFields(input),
      name: input.name,
      kind: input.kind,
      expectedResults: input.expectedResults,
      expectedIncomeIncrease: input.expectedIncomeIncrease,
      actualResults: input.actualResults,
      actualIncomeIncrease: input.actualIncomeIncrease,
      ...keys(input.name),
    });
    const view = await presentModel(tx, actor, row);
    await recordAudit(tx, actor, { action: 'model.create', entity: ENTITY, entityId: row.id, area, after: view });
    return view;
  });
}

export function updateModel(db: Db, actor: Actor, id: string, input: ModelUpdateReq) {
  return changeRecord(db, actor, modelRecord(actor), {
    id,
    version: input.version,
    action: 'model.update',
    check: (row) => requireManage(actor, row),
    apply: async (tx, row) => {
      await checkPlace(tx, actor, row.communeCode, input);
      const { version: _version, ...fields } = input;
      return { ...fields, ...keys(input.name) };
    },
  });
}

const modelRecord = (
  actor: Actor,
): Parameters<typeof changeRecord<repo.ModelRow, Partial<repo.NewModelRow>, ModelView>>[2] => ({
  entity: ENTITY,
  notFound,
  findForUpdate: (tx, id, scope) => repo.findModel(tx, id, scope, true),
  update: repo.updateModel,
  present: (tx, row) => presentModel(tx, actor, row),
  areaOf: (row) => row,
});

/** Copy a model to another commune (nhân rộng): its kind, name and expected results, linked to the original. */
export async function replicateModel(db: Db, actor: Actor, id: string, input: ModelReplicateReq) {
  const source = await requireModel(db, actor, id);
  const area = await placeIn(db, actor, input.communeCode);
  return db.transaction(async (tx) => {
    await checkPlace(tx, actor, area.communeCode, input);
    const name = input.name ?? source.name;
    const row = await repo.insertModel(tx, {
      ...area,
      ...placeFields(input),
      name,
      kind: source.kind,
      expectedResults: source.expectedResults,
      expectedIncomeIncrease: source.expectedIncomeIncrease,
      // A copy of a copy keeps the first original: the family has one root.
      originId: source.originId ?? source.id,
      ...keys(name),
    });
    const view = await presentModel(tx, actor, row);
    await recordAudit(tx, actor, { action: 'model.replicate', entity: ENTITY, entityId: row.id, area, after: view });
    return view;
  });
}

/** A field of one received support, as the request names it (`received.1.memberId`). */
function inReceived(i: number, error: unknown) {
  if (!(error instanceof AppError) || error.errors.length === 0) return error;
  return new AppError(
    error.status,
    error.code,
    error.vi,
    error.en,
    error.errors.map((e) => ({ ...e, field: `received.${i}.${e.field}` })),
  );
}

/** A household joins the model, with what it receives through it (recorded as its supports). */
export async function addParticipant(db: Db, actor: Actor, id: string, input: ParticipantAddReq) {
  return db.transaction(async (tx) => {
    const model = await requireModel(tx, actor, id, true);
    requireManage(actor, model);
    // A household the actor cannot see is a wrong field of this request, not a missing page.
    const household = await getHousehold(tx, actor, input.householdId).catch((error: unknown) => {
      if (!(error instanceof AppError) || error.status !== 404) throw error;
      throw errors.invalid(
        'householdId',
        'Không tìm thấy hộ trong địa bàn của bạn.',
        'Unknown or out-of-scope household.',
      );
    });
    if (household.communeCode !== model.communeCode)
      throw errors.invalid(
        'householdId',
        'Hộ không ở xã thực hiện mô hình.',
        'The household does not live in the model’s commune.',
      );
    if (input.joinedOn < model.startsOn || (model.endsOn && input.joinedOn > model.endsOn))
      throw errors.invalid(
        'joinedOn',
        'Ngày tham gia phải trong thời gian thực hiện mô hình.',
        'The joining date must fall within the model’s period.',
      );
    if (input.joinedOn > todayInVietnam())
      throw errors.invalid(
        'joinedOn',
        'Ngày tham gia không thể ở tương lai.',
        'The joining date cannot be in the future.',
      );
    if (await repo.findParticipant(tx, id, input.householdId))
      throw errors.conflict(
        'already_participant',
        'Hộ đã tham gia mô hình này.',
        'The household already takes part in this model.',
        'householdId',
      );
    const participant = await repo.insertParticipant(tx, {
      modelId: id,
      householdId: input.householdId,
      provinceCode: household.provinceCode,
      communeCode: household.communeCode,
      joinedOn: input.joinedOn,
      note: input.note,
    });
    const received = [];
    for (const [i, support] of input.received.entries()) {
      if (support.date < input.joinedOn)
        throw errors.invalid(
          `received.${i}.date`,
          'Hỗ trợ qua mô hình không thể trước ngày hộ tham gia.',
          'A support through the model cannot precede the joining.',
        );
      const note = support.note ?? `Mô hình giảm nghèo: ${model.name}`;
      received.push(
        await recordSupport(tx, actor, input.householdId, { ...support, note }).catch((error: unknown) => {
          throw inReceived(i, error);
        }),
      );
    }
    await repo.linkSupports(
      tx,
      participant.id,
      received.map((s) => s.id),
    );
    await recordAudit(tx, actor, {
      action: 'model.participant.add',
      entity: ENTITY,
      entityId: id,
      area: model,
      after: { participantId: participant.id, householdId: input.householdId, joinedOn: input.joinedOn, received },
    });
    return presentModel(tx, actor, model);
  });
}

/**
 * Take off a household added by mistake, with the reason, audited. What it received through the
 * model are its support records: while one is in force the household is not taken off (the
 * support would lose the model it was given for) — cancel those first, each with its reason.
 */
export async function removeParticipant(db: Db, actor: Actor, id: string, householdId: string, reason: string) {
  return db.transaction(async (tx) => {
    const model = await requireModel(tx, actor, id, true);
    requireManage(actor, model);
    const participant = await repo.findParticipant(tx, id, householdId);
    if (!participant) throw errors.notFound('hộ tham gia mô hình', 'Participant of the model');
    const links = await repo.supportLinksOf(tx, [participant.id]);
    const given = await supportsByIds(
      tx,
      actor,
      links.map((l) => l.supportId),
    );
    const inForce = given.filter((g) => !g.cancelled).length;
    if (inForce > 0)
      throw errors.conflict(
        'participant_has_supports',
        `Hộ đã nhận ${inForce} khoản hỗ trợ qua mô hình; hãy hủy các khoản đó (ghi lý do) trên trang hộ trước khi bỏ hộ khỏi mô hình.`,
        `The household received ${inForce} supports through the model; cancel them (with a reason) on the household page before taking it off the model.`,
      );
    await repo.deleteParticipant(tx, participant.id);
    await recordAudit(tx, actor, {
      action: 'model.participant.remove',
      entity: ENTITY,
      entityId: id,
      area: model,
      before: { participantId: participant.id, householdId, joinedOn: participant.joinedOn, note: participant.note },
      after: { reason },
    });
    return presentModel(tx, actor, model);
  });
}

/** The original and its copies side by side: budget, households, who escaped, income reached. */
export async function compareFamily(db: Db, actor: Actor, id: string) {
  const row = await requireModel(db, actor, id);
  const originId = row.originId ?? row.id;
  const family = await presentSummaries(db, actor, await repo.familyOf(db, originId, actor.scope));
  return {
    originId,
    items: family.map((m) => ({
      id: m.id,
      name: m.name,
      communeName: m.communeName,
      startsOn: m.startsOn,
      isOrigin: m.id === originId,
      totalBudget: m.totalBudget,
      budgetPerParticipant: m.results.participants ? Math.round(m.totalBudget / m.results.participants) : null,
      expectedIncomeIncrease: m.expectedIncomeIncrease,
      actualIncomeIncrease: m.actualIncomeIncrease,
      results: m.results,
    })),
  };
}

/** The models a household takes part in, with its outcome in each (the household page's card). */
export async function householdModels(db: Db, actor: Actor, householdId: string) {
  await getHousehold(db, actor, householdId);
  const rows = await repo.modelsOfHousehold(db, householdId, actor.scope);
  const histories = await statusHistories(db, [householdId]);
  return rows.map((r) => ({
    id: r.model.id,
    name: r.model.name,
    kind: r.model.kind as ModelKind,
    joinedOn: r.joinedOn,
    outcome: participantOutcome(r.joinedOn, histories.get(householdId) ?? []).outcome,
  }));
}
