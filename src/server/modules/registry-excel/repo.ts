/**
 * SQL of the import: rows are staged in temporary tables (dropped at commit) in batches, checked
 * across the whole file set-wise (duplicates, references, heads), then merged into the registry
 * with a few set-based statements, all inside the caller's transaction.
 */
import { and, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { copyRows, rowsOf, type Executor } from '../../platform/db/database';
import { householdMembers } from '../households/tables';

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

const STAGED = {
  import_households: [
    ['row', 'int'],
    ['valid', 'boolean'],
    ['code', 'text'],
    // The folded "code address" that starts the household's search key.
    ['search_prefix', 'text'],
    ...HOUSEHOLD_DATA,
  ] as Columns,
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

/** Columns the import fills in after staging: the household's id (new, or the existing one's), members' matches. */
const STAGED_EXTRA: Record<StagedTable, string> = {
  import_households:
    ', household_id uuid default gen_random_uuid(), created boolean default true, next_position int default 0',
  import_members: ', member_id uuid, position int',
  import_assessments: '',
};

/**
 * The staging tables, and settings for the bulk statements of this transaction: no JIT (its
 * compile time, hundreds of ms a statement, is never won back here) and room to sort in memory.
 */
export async function createStaging(tx: Executor) {
  await tx.execute(sql`set local jit = off`);
  await tx.execute(sql`set local work_mem = '64MB'`);
  // The audit documents (hundreds of MB for a province) compress several times faster with lz4.
  await tx.execute(sql`
    select set_config('default_toast_compression', 'lz4', true) from pg_settings
    where name = 'default_toast_compression' and 'lz4' = any(enumvals)`);
  for (const [table, cols] of Object.entries(STAGED) as [StagedTable, Columns][])
    await tx.execute(
      sql.raw(
        `create temporary table ${table} (${cols.map(([n, t]) => `${n} ${t}`).join(', ')}${STAGED_EXTRA[table]}) on commit drop`,
      ),
    );
}

/** A batch of rows: by COPY on PostgreSQL, else one multi-row insert with the batch as one JSON parameter. */
export async function stage(tx: Executor, table: StagedTable, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return;
  const cols = STAGED[table];
  if (
    await copyRows(
      tx,
      table,
      cols.map(([n]) => n),
      rows,
    )
  )
    return;
  await tx.execute(
    sql`insert into ${sql.raw(table)} (${names(cols)})
        select ${names(cols)} from json_to_recordset(${JSON.stringify(rows)}::json) as x(${recordType(cols)})`,
  );
}

/** Indexes for the checks and the merge, and statistics so that the planner knows the sizes. */
export async function indexStaging(tx: Executor) {
  await tx.execute(sql`create index on import_households (code)`);
  await tx.execute(sql`create index on import_households (row)`);
  await tx.execute(sql`create index on import_members (household_code)`);
  await tx.execute(sql`create index on import_assessments (household_code)`);
  await analyzeStaging(tx);
}

async function analyzeStaging(tx: Executor) {
  for (const table of Object.keys(STAGED)) await tx.execute(sql.raw(`analyze ${table}`));
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
 * Then the existing members the file does not name (kept as they are, a head among them demoted)
 * and where each existing household's new members start.
 */
export async function matchExisting(tx: Executor, communeCode: string) {
  await tx.execute(sql`
    update import_households s set household_id = h.id, created = false
    from households h where h.commune_code = ${communeCode} and h.code = s.code`);
  await tx.execute(sql`analyze import_households`);
  const existing = sql`import_households h, household_members m
    where h.code = s.household_code and not h.created and m.household_id = h.household_id and m.left_at is null`;
  await tx.execute(sql`
    update import_members s set member_id = m.id, position = m.position from ${existing}
      and s.citizen_id is not null and m.citizen_id = s.citizen_id`);
  await tx.execute(sql`
    update import_members s set member_id = m.id, position = m.position from ${existing}
      and s.member_id is null and m.name_key = s.name_key and m.date_of_birth = s.date_of_birth
      and (m.citizen_id is null or s.citizen_id is null)`);
  await tx.execute(sql`
    update import_households h set next_position =
      (select coalesce(max(position) + 1, 0) from household_members x where x.household_id = h.household_id)
    where not h.created`);
  await tx.execute(sql`
    create temporary table import_kept on commit drop as
    select m.id, h.code, m.full_name, m.citizen_id, m.search_key, m.position, m.relation = 'head' as was_head,
      case when m.relation = 'head' then 'other' else m.relation end as relation
    from import_households h join household_members m on m.household_id = h.household_id and m.left_at is null
    where not h.created and not exists (select 1 from import_members s where s.member_id = m.id)`);
  await tx.execute(sql`create index on import_kept (code)`);
  await analyzeStaging(tx);
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

/**
 * A member as the audit keeps it: what the registry says of the person (not the household, area
 * and time stamps the audit row already holds, nor the search keys). Built column by column,
 * which is a third cheaper than a whole row's JSON less some keys, at 400,000 members an import.
 */
const MEMBER_DOCUMENT = [
  'id',
  'position',
  ...MEMBER_DATA.map(([n]) => n).filter((n) => !n.endsWith('_key')),
  'left_at',
  'left_reason',
  'version',
];
const memberDocument = sql.raw(`jsonb_build_object(${MEMBER_DOCUMENT.map((n) => `'${n}', m.${n}`).join(', ')})`);

/**
 * A household and its members as the audit keeps them. The members are read per household through
 * its index (not by joining the whole table: a province holds millions of members).
 */
const householdDocument = sql`jsonb_build_object(
  'household', to_jsonb(h) - 'search_key' - 'search_words' - 'sort_key',
  'members', coalesce((select jsonb_agg(${memberDocument} order by m.position) from household_members m
                       where m.household_id = h.id), '[]'::jsonb))`;

/** The households the import updates, as they were, for the audit's before (set-wise, one statement). */
export async function keepBefore(tx: Executor) {
  await tx.execute(sql`
    create temporary table import_before on commit drop as
    select h.id, ${householdDocument} as doc
    from import_households s join households h on h.id = s.household_id
    where not s.created`);
  await tx.execute(sql`create index on import_before (id)`);
}

/**
 * Each household's head name and search keys as `keysFrom` (households service) computes them,
 * here set-wise from keys already folded per member: the search key is the folded code and
 * address, then each member's folded "name ID" — existing members in their order, then the
 * file's new ones in its order — and its words, each once, in order of first appearance.
 * (Folding joins piece by piece equals folding the joined text: it works per character and
 * collapses spaces.) A test holds the two equal.
 */
export async function stageKeys(tx: Executor) {
  await tx.execute(sql`
    create temporary table import_keys on commit drop as
    with member as (
      select household_code as code, search_key, coalesce(position, 2147483647) as position, row,
        case when relation = 'head' then full_name end as head_name,
        case when relation = 'head' then sort_key end as sort_key,
        case when relation = 'head' then ethnicity end as head_ethnicity
      from import_members
      union all
      select code, search_key, position, 0, null, null, null from import_kept),
    joined as (
      select code, string_agg(search_key, ' ' order by position, row) as members,
        min(head_name) as head_name, min(sort_key) as sort_key,
        count(*)::int as persons, min(head_ethnicity) as head_ethnicity
      from member group by code)
    select h.row, j.head_name, j.sort_key, concat_ws(' ', nullif(h.search_prefix, ''), j.members) as search_key,
      j.persons, j.head_ethnicity
    from import_households h join joined j on j.code = h.code`);
  await tx.execute(sql`alter table import_keys add column search_words text[]`);
  await tx.execute(sql`
    update import_keys set search_words = array(
      select word from unnest(string_to_array(search_key, ' ')) with ordinality as w(word, n)
      group by word order by min(n))`);
  await tx.execute(sql`create index on import_keys (row)`);
}

/** Households inserted or updated from the staged rows, with their keys, in one statement. */
export async function mergeHouseholds(tx: Executor, area: { provinceCode: string; communeCode: string }) {
  // Its current members' number and head's ethnicity too (the members kept are never the head):
  // written with the household, the members' trigger then finds nothing to rewrite.
  const keys = ['head_name', 'sort_key', 'search_key', 'search_words', 'persons', 'head_ethnicity'];
  const assignments = sql.raw(
    [...HOUSEHOLD_DATA.map(([n]) => n), ...keys].map((n) => `${n} = excluded.${n}`).join(', '),
  );
  await tx.execute(sql`
    insert into households (id, province_code, commune_code, code, ${sql.raw(keys.join(', '))}, ${names(HOUSEHOLD_DATA)})
    select s.household_id, ${area.provinceCode}, ${area.communeCode}, s.code, ${sql.raw(keys.map((k) => `k.${k}`).join(', '))},
      ${names(HOUSEHOLD_DATA, 's.')}
    from import_households s join import_keys k on k.row = s.row
    order by s.row
    on conflict (commune_code, code) do update
      set ${assignments}, version = households.version + 1, updated_at = now()`);
}

/**
 * Members updated or added; a head the file no longer names becomes "other". The households were
 * written with their members' number and head's ethnicity (`stageKeys`), so the members' trigger
 * that keeps those figures is told, for these statements only, not to count them again.
 */
export async function mergeMembers(tx: Executor, area: { provinceCode: string; communeCode: string }) {
  await tx.execute(sql`select set_config('chungtay.household_people_written', 'on', true)`);
  await tx.execute(sql`
    update household_members m set relation = 'other', version = m.version + 1, updated_at = now()
    from import_kept k where k.id = m.id and k.was_head`);
  const assignments = sql.raw(MEMBER_DATA.map(([n]) => `${n} = s.${n}`).join(', '));
  await tx.execute(sql`
    update household_members m set ${assignments}, version = m.version + 1, updated_at = now()
    from import_members s where s.member_id = m.id`);
  await tx.execute(sql`
    insert into household_members (household_id, province_code, commune_code, position, ${names(MEMBER_DATA)})
    select h.household_id, ${area.provinceCode}, ${area.communeCode},
      h.next_position + row_number() over (partition by s.household_code order by s.row) - 1,
      ${names(MEMBER_DATA, 's.')}
    from import_members s join import_households h on h.code = s.household_code
    where s.member_id is null`);
  await tx.execute(sql`select set_config('chungtay.household_people_written', 'off', true)`);
}

type AuditActor = { id: string; username: string; ip: string | null; requestId: string | null };

/**
 * One audit row per household written. A household the import creates is recorded by its code,
 * its row in the file and the import (whose own row keeps the file's SHA-256 and counts): what it
 * held at creation is what the registry holds until its next change, whose audit row keeps it as
 * "before" (docs/decisions/0001-import-audit-of-created-households.md). A household the import
 * updates keeps its whole document before and after, as the service's own updates do — built
 * set-wise a range of rows at a time, so that the documents being built fit in memory.
 */
export async function auditHouseholds(
  tx: Executor,
  actor: AuditActor,
  area: { provinceCode: string; communeCode: string },
  importId: string,
  rowsAtOnce = 20_000,
) {
  await tx.execute(sql`
    insert into audit_events (actor_id, actor_username, action, entity, entity_id, province_code, commune_code,
                              after, ip, request_id)
    select ${actor.id}::uuid, ${actor.username}, 'household.import_create', 'household', s.household_id::text,
      ${area.provinceCode}, ${area.communeCode},
      jsonb_build_object('code', s.code, 'row', s.row, 'importId', ${importId}::text), ${actor.ip}, ${actor.requestId}
    from import_households s where s.created`);
  const [range] = rowsOf<{ first: number; last: number }>(
    await tx.execute(sql`select min(row) as first, max(row) as last from import_households where not created`),
  );
  for (let from = range?.first ?? 0; range && from <= range.last; from += rowsAtOnce)
    await tx.execute(sql`
      insert into audit_events (actor_id, actor_username, action, entity, entity_id, province_code, commune_code,
                                before, after, ip, request_id)
      select ${actor.id}::uuid, ${actor.username}, 'household.import_update', 'household', s.household_id::text,
        ${area.provinceCode}, ${area.communeCode},
        b.doc, ${householdDocument} || jsonb_build_object('importId', ${importId}::text), ${actor.ip}, ${actor.requestId}
      from import_households s join households h on h.id = s.household_id
      join import_before b on b.id = s.household_id
      where not s.created and s.row >= ${from} and s.row < ${from + rowsAtOnce}`);
}

export async function anyAssessments(tx: Executor) {
  return rowsOf(await tx.execute(sql`select 1 from import_assessments limit 1`)).length > 0;
}

/** The staged results by household and year (a page at a time), with the household's id. */
export async function* stagedAssessments(tx: Executor, pageSize = 1000) {
  let after: { household_code: string; year: number; row: number } | null = null;
  for (;;) {
    const page: { household_code: string; year: number; row: number; householdId: string; payload: unknown }[] = rowsOf(
      await tx.execute(sql`
          select a.household_code, a.year, a.row, h.household_id as "householdId", a.payload
          from import_assessments a join import_households h on h.code = a.household_code
          where ${after ? sql`(a.household_code, a.year, a.row) > (${after.household_code}, ${after.year}, ${after.row})` : sql`true`}
          order by a.household_code, a.year, a.row limit ${pageSize}`),
    );
    yield* page;
    if (page.length < pageSize) return;
    after = page.at(-1)!;
  }
}

export async function anyStaged(tx: Executor) {
  return rowsOf(await tx.execute(sql`select 1 from import_households limit 1`)).length > 0;
}

/** The current members of these households (ids already scoped by the list), for the export. */
export async function currentMembers(db: Executor, householdIds: string[]) {
  if (householdIds.length === 0) return [];
  return db
    .select()
    .from(householdMembers)
    .where(and(inArray(householdMembers.householdId, householdIds), isNull(householdMembers.leftAt)))
    .orderBy(householdMembers.householdId, householdMembers.position);
}
