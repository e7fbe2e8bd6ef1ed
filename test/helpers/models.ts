import type { ModelCreateReq } from '../../src/server/modules/models/schemas';
import { addParticipant, createModel } from '../../src/server/modules/models/service';
import { modelParticipants, modelSupports, povertyModels } from '../../src/server/modules/models/tables';
import type { Db } from '../../src/server/platform/db/database';
import { buildHousehold, buildOrganisation, buildVillage, systemAdmin, THACH_HA } from './factories';

/** A model's request body in a commune: a new village and lead organisation there. */
export async function modelInput(db: Db, communeCode: string = THACH_HA): Promise<ModelCreateReq> {
  const village = await buildVillage(db, { communeCode });
  const lead = await buildOrganisation(db, { unitCode: communeCode });
  return {
    name: 'Nuôi bò sinh sản',
    kind: 'livestock',
    communeCode,
    villageIds: [village.id],
    leadOrganisationId: lead.id,
    partnerOrganisationIds: [],
    startsOn: '2024-03-01',
    endsOn: null,
    budget: [{ sourceCode: 'ntp2021_project_2', amount: 200_000_000 }],
    expectedResults: 'Mỗi hộ có 2 con bò sinh sản',
    expectedIncomeIncrease: 15_000_000,
    actualResults: null,
    actualIncomeIncrease: null,
  };
}

/** A model of a commune with one participating household, and another household of the commune to add. */
export async function modelFixture(db: Db, communeCode: string = THACH_HA) {
  const admin = await systemAdmin(db);
  const input = await modelInput(db, communeCode);
  const created = await createModel(db, admin, input);
  const participant = await buildHousehold(db, { communeCode, villageId: input.villageIds[0] });
  const model = await addParticipant(db, admin, created.id, {
    householdId: participant.id,
    joinedOn: '2024-04-01',
    note: null,
    received: [],
  });
  const newcomer = await buildHousehold(db, { communeCode, villageId: input.villageIds[0] });
  return { model, input, participant, newcomer, communeCode };
}
export type ModelFixture = Awaited<ReturnType<typeof modelFixture>>;

export const MODEL_PATHS = /^\/api\/models(\/|$)/u;
export const MODEL_TABLES = [povertyModels, modelParticipants, modelSupports];

/** A request each model write would accept, on the fixture's records. */
export const MODEL_WRITES: Record<string, (f: ModelFixture, db: Db) => unknown> = {
  'POST /api/models': (f, db) => modelInput(db, f.communeCode),
  'PUT /api/models/{id}': (f) => {
    const { communeCode: _commune, ...fields } = f.input;
    return { ...fields, actualResults: 'Đã có 10 hộ thoát nghèo', version: f.model.version };
  },
  'POST /api/models/{id}/participants': (f) => ({ householdId: f.newcomer.id, joinedOn: '2024-05-01' }),
  'POST /api/models/{id}/participants/{householdId}/removal': () => ({ reason: 'Thêm nhầm hộ' }),
  'POST /api/models/{id}/replication': (f) => {
    const { communeCode, villageIds, leadOrganisationId, partnerOrganisationIds, startsOn, budget } = f.input;
    return { communeCode, villageIds, leadOrganisationId, partnerOrganisationIds, startsOn, budget };
  },
};

/** Every model read, on the fixture's records. */
export const modelReads = (f: () => ModelFixture): [string, 'GET', () => string][] => [
  ['read its model', 'GET', () => `/api/models/${f().model.id}`],
  ['export its model to Excel', 'GET', () => `/api/models/${f().model.id}/export`],
  ['export its models to Excel', 'GET', () => `/api/models/export?commune=${f().communeCode}`],
  ['compare its model', 'GET', () => `/api/models/${f().model.id}/comparison`],
  ['list its models', 'GET', () => `/api/models?commune=${f().communeCode}`],
  ['read its household’s models', 'GET', () => `/api/households/${f().participant.id}/models`],
];
