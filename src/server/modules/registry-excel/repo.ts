/**
 * SQL of the import: rows are staged in temporary tables (dropped at commit) in batches, checked
 * across the whole file set-wise (duplicates, references, heads), then merged into the registry
 * with a few set-based statements, all inside the caller's transaction.
 */
import { and, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../platform/db/database';
import { householdMembers, households as householdTable } from '../households/tables';

type Columns = readonly (readonly [string, string])[];

/** Fields of a household row as staged and as written (besides codes, keys and ids). */
const HOUSEHOLD_DATA: Columns = [
  ['village_id', 'uuid'],
  ['address', 'text'],
  ['area', 'text'],
  ['ethnic_minority', 'boolean'],
  ['phone', 'text'],
  ['policy_flags', 'text[]'],
  ['walls', 'text'],
  ['frame', 'text'],
  ['roof', 'text'],
  ['floor_area', 'numeric'],
  ['clean_water', 'boolean'],
  ['hygienic_latrine', 'boolean'],
  ['telecom_subscription', 'boolean'],
  ['devices', 'text[]'],
  ['hears_loudspeaker', 'boolean'],
  ['internet_use', 'boolean'],
  ['waste_handled_hygienically', 'boolean'],
];
const MEMBER_DATA: Columns = [
  ['full_name', 'text'],
  ['date_of_birth', 'date'],
  ['sex', 'text'],
  ['citizen_id', 'text'],
  ['relation', 'text'],
  ['ethnicity', 'text'],
  ['disability', 'boolean'],
  ['health_insurance', 'boolean'],
  ['attending', 'text'],
  ['education', 'text'],
  ['in_training', 'boolean'],
  ['work', 'text'],
  ['able_to_work', 'boolean'],
  ['monthly_social_allowance', 'boolean'],
  ['stunted', 'boolean'],
  ['underweight', 'boolean'],
  ['name_key', 'text collate "C"'],
  ['sort_key', 'text collate "C"'],
  ['search_key', 'text'],
];

export const STAGED = {
  import_households: [['row', 'int'], ['valid', 'boolean'], ['code', 'text'], ...HOUSEHOLD_DATA] as Columns,
  import_members: [['row', 'int'], ['valid', 'boolean'], ['household_code', 'text'], ...MEMBER_DATA] as Columns,
  import_assessments: [
    ['row', 'int'],
    ['valid', 'boolean'],
    ['household_code', 'text'],
    ['year', 'int'],
    ['payload', 'jsonb'],
  ] as Columns,
};
export type StagedTable = keyof typeof STAGED;

const names = (cols: Columns, prefix = '') => sql.raw(cols.map(([n]) => `${prefix}${n}`).join(', '));
const recordType = (cols: Columns) => sql.raw(cols.map(([n, t]) => `${n} ${t.replace(/ collate.*/u, '')}`).join(', '));

export async function createStaging(tx: Executor) {
  for (const [table, cols] of Object.entries(STAGED)) {
    const extra =
      table === 'import_households'
        ? ', household_id uuid, created boolean'
        : table === 'import_members'
          ? ', household_id uuid, member_id uuid'
          : '';
    await tx.execute(
      sql.raw(
        `create temporary table ${table} (${cols.map(([n, t]) => `${n} ${t}`).join(', ')}${extra}) on commit drop`,
      ),
    );
  }
}

/** One multi-row insert: the batch travels as one JSON parameter. */
export async function stage(tx: Executor, table: StagedTable, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return;
  const cols = STAGED[table];
  await tx.execute(
    sql`insert into ${sql.raw(table)} (${names(cols)})
        select ${names(cols)} from json_to_recordset(${JSON.stringify(rows)}::json) as x(${recordType(cols)})`,
  );
}

export async function indexStaging(tx: Executor) {
  await tx.execute(sql`create index on import_households (code)`);
  await tx.execute(sql`create index on import_members (household_code)`);
  await tx.execute(sql`analyze import_households`);
  await tx.execute(sql`analyze import_members`);
}

export interface Located {
  row: number;
  code: string;
  other: number | null;
}

const located = async (tx: Executor, query: SQL, limit: number) =>
  rowsOf<Located>(await tx.execute(sql`${query} order by row limit ${limit}`));

/** Problems only the whole file shows, each located at a row. */
export async function crossChecks(tx: Executor, communeCode: string, limit: number) {
  const repeated = (table: string, column: string) =>
    located(
      tx,
      sql`select row, code, other from (
            select row, ${sql.raw(column)} as code, min(row) over (partition by ${sql.raw(column)}) as other
            from ${sql.raw(table)} where ${sql.raw(column)} is not null) x
          where row <> other`,
      limit,
    );
  const unknownHousehold = (table: string) =>
    located(
      tx,
      sql`select row, household_code as code, null::int as other from ${sql.raw(table)} s
          where not exists (select 1 from import_households h where h.code = s.household_code)`,
      limit,
    );
  return {
    duplicateCodes: await repeated('import_households', 'code'),
    duplicateCitizenIds: await repeated('import_members', 'citizen_id'),
    unknownMemberHousehold: await unknownHousehold('import_members'),
    unknownAssessmentHousehold: await unknownHousehold('import_assessments'),
    noHead: await located(
      tx,
      sql`select row, code, null::int as other from import_households h where h.valid
          and not exists (select 1 from import_members m where m.household_code = h.code and m.relation = 'head')`,
      limit,
    ),
    secondHead: await located(
      tx,
      sql`select row, code, other from (
            select row, household_code as code, min(row) over (partition by household_code) as other
            from import_members where relation = 'head') x
          where row <> other`,
      limit,
    ),
    archived: await located(
      tx,
      sql`select s.row, s.code, null::int as other from import_households s
          join households h on h.commune_code = ${communeCode} and h.code = s.code
          where h.archived_at is not null`,
      limit,
    ),
  };
}

/**
 * Which staged households and members already exist: a household by commune and code; a member
 * of it by citizen ID, else by folded full name and date of birth (when one side has no ID).
 */
export async function matchExisting(tx: Executor, communeCode: string) {
  await tx.execute(sql`
    update import_households s set household_id = h.id, created = false
    from households h where h.commune_code = ${communeCode} and h.code = s.code`);
  await tx.execute(sql`update import_households set created = true where household_id is null`);
  await tx.execute(sql`
    update import_members s set household_id = h.household_id
    from import_households h where h.code = s.household_code and h.household_id is not null`);
  await tx.execute(sql`
    update import_members s set member_id = m.id from household_members m
    where m.household_id = s.household_id and m.left_at is null
      and s.citizen_id is not null and m.citizen_id = s.citizen_id`);
  await tx.execute(sql`
    update import_members s set member_id = m.id from household_members m
    where s.member_id is null and m.household_id = s.household_id and m.left_at is null
      and m.name_key = s.name_key and m.date_of_birth = s.date_of_birth
      and (m.citizen_id is null or s.citizen_id is null)`);
}

export async function counts(tx: Executor) {
  const [row] = rowsOf<{ hc: number; hu: number; mc: number; mu: number }>(
    await tx.execute(sql`
      select (select count(*) from import_households where created)::int as hc,
             (select count(*) from import_households where not created)::int as hu,
             (select count(*) from import_members where member_id is null)::int as mc,
             (select count(*) from import_members where member_id is not null)::int as mu`),
  );
  return {
    households: { created: row!.hc, updated: row!.hu },
    members: { created: row!.mc, updated: row!.mu },
  };
}

/** A household and its members as JSON, for the audit's before and after. */
const householdDocument = (id: SQL) => sql`(
  select jsonb_build_object(
    'household', to_jsonb(h) - 'search_key' - 'search_words' - 'sort_key',
    'members', coalesce((select jsonb_agg(to_jsonb(m) - 'name_key' - 'sort_key' - 'search_key' order by m.position)
                         from household_members m where m.household_id = h.id), '[]'::jsonb))
  from households h where h.id = ${id})`;

export async function keepBefore(tx: Executor) {
  await tx.execute(sql`
    create temporary table import_before on commit drop as
    select s.household_id as id, ${householdDocument(sql`s.household_id`)} as doc
    from import_households s where not s.created`);
  await tx.execute(sql`create index on import_before (id)`);
}

/** Households inserted or updated from the staged rows; keys are filled afterwards (fillKeys). */
export async function mergeHouseholds(tx: Executor, area: { provinceCode: string; communeCode: string }) {
  const assignments = sql.raw(HOUSEHOLD_DATA.map(([n]) => `${n} = excluded.${n}`).join(', '));
  await tx.execute(sql`
    with written as (
      insert into households (province_code, commune_code, code, head_name, sort_key, search_key, ${names(HOUSEHOLD_DATA)})
      select ${area.provinceCode}, ${area.communeCode}, code, '', '', '', ${names(HOUSEHOLD_DATA)}
      from import_households order by row
      on conflict (commune_code, code) do update
        set ${assignments}, version = households.version + 1, updated_at = now()
      returning id, code)
    update import_households s set household_id = w.id from written w where w.code = s.code`);
  await tx.execute(sql`
    update import_members s set household_id = h.household_id
    from import_households h where h.code = s.household_code and s.household_id is null`);
}

/** Members updated or added; a head the file no longer names becomes "other". */
export async function mergeMembers(tx: Executor, area: { provinceCode: string; communeCode: string }) {
  await tx.execute(sql`
    update household_members m set relation = 'other', version = m.version + 1, updated_at = now()
    where m.household_id in (select household_id from import_households)
      and m.left_at is null and m.relation = 'head'
      and not exists (select 1 from import_members s where s.member_id = m.id and s.relation = 'head')`);
  const assignments = sql.raw(MEMBER_DATA.map(([n]) => `${n} = s.${n}`).join(', '));
  await tx.execute(sql`
    update household_members m set ${assignments}, version = m.version + 1, updated_at = now()
    from import_members s where s.member_id = m.id`);
  await tx.execute(sql`
    insert into household_members (household_id, province_code, commune_code, position, ${names(MEMBER_DATA)})
    select s.household_id, ${area.provinceCode}, ${area.communeCode},
      coalesce((select max(position) + 1 from household_members x where x.household_id = s.household_id), 0)
        + row_number() over (partition by s.household_id order by s.row) - 1,
      ${names(MEMBER_DATA, 's.')}
    from import_members s where s.member_id is null`);
}

export interface KeySource {
  row: number;
  id: string;
  code: string;
  address: string;
  members: { fullName: string; citizenId: string | null; relation: string }[];
}

/** The next imported households (by row) with their current members, for computing keys in code. */
export async function keySources(tx: Executor, afterRow: number, limit: number): Promise<KeySource[]> {
  return rowsOf<KeySource>(
    await tx.execute(sql`
      select s.row, s.household_id as id, s.code, s.address,
        coalesce((select json_agg(json_build_object('fullName', m.full_name, 'citizenId', m.citizen_id,
                                                    'relation', m.relation) order by m.position)
                  from household_members m where m.household_id = s.household_id and m.left_at is null),
                 '[]'::json) as members
      from import_households s where s.row > ${afterRow} order by s.row limit ${limit}`),
  );
}

export async function writeKeys(
  tx: Executor,
  keys: { id: string; head_name: string; sort_key: string; search_key: string; search_words: string[] }[],
) {
  await tx.execute(sql`
    update households h set head_name = k.head_name, sort_key = k.sort_key, search_key = k.search_key,
      search_words = k.search_words
    from json_to_recordset(${JSON.stringify(keys)}::json)
      as k(id uuid, head_name text, sort_key text, search_key text, search_words text[])
    where h.id = k.id`);
}

/** One audit row per household written, as the service's own writes record them. */
export async function auditHouseholds(
  tx: Executor,
  actor: { id: string; username: string; ip: string | null; requestId: string | null },
  area: { provinceCode: string; communeCode: string },
  importId: string,
) {
  await tx.execute(sql`
    insert into audit_events (actor_id, actor_username, action, entity, entity_id, province_code, commune_code,
                              before, after, ip, request_id)
    select ${actor.id}::uuid, ${actor.username},
      case when s.created then 'household.import_create' else 'household.import_update' end,
      'household', s.household_id::text, ${area.provinceCode}, ${area.communeCode},
      b.doc, ${householdDocument(sql`s.household_id`)} || jsonb_build_object('importId', ${importId}::text),
      ${actor.ip}, ${actor.requestId}
    from import_households s left join import_before b on b.id = s.household_id
    order by s.row`);
}

export async function anyStaged(tx: Executor) {
  return rowsOf(await tx.execute(sql`select 1 from import_households limit 1`)).length > 0;
}

/** Households and their current members by id, for the export (ids already scoped by the list). */
export async function householdsWithMembers(db: Executor, ids: string[]) {
  if (ids.length === 0) return { households: [], members: [] };
  const [households, members] = await Promise.all([
    db.select().from(householdTable).where(inArray(householdTable.id, ids)),
    db
      .select()
      .from(householdMembers)
      .where(and(inArray(householdMembers.householdId, ids), isNull(householdMembers.leftAt)))
      .orderBy(householdMembers.householdId, householdMembers.position),
  ]);
  return { households, members };
}
