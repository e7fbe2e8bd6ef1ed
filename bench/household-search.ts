/**
 * Household search at province scale (issue 3): N households (default 1,000,000) with 4 members
 * each, spread over the 69 communes of Hà Tĩnh and a few of another province, generated in SQL;
 * then accent-insensitive searches through the households service, scoped to the province.
 *   DATABASE_URL=… npx tsx bench/household-search.ts [households]   (the database is emptied)
 * Prints p50/p95 per kind of search. Results: docs/benchmarks.md.
 */
import { sql } from 'drizzle-orm';
import os from 'node:os';
import { foldAccents } from '../src/domain/text';
import { ensureAdminUnits } from '../src/server/modules/admin-units/reference-data';
import { listHouseholds } from '../src/server/modules/households/service';
import type { Actor } from '../src/server/platform/access';
import { loadConfig } from '../src/server/platform/config';
import { openDatabase } from '../src/server/platform/db/database';

const total = Number(process.argv[2] ?? 1_000_000);
const config = loadConfig();
if (config.engine !== 'postgres') throw new Error('Set DATABASE_URL: this benchmark targets PostgreSQL.');
const database = await openDatabase({ engine: 'postgres', url: config.databaseUrl! });
const db = database.db;
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const report = (what: string, value: string) => console.log(`${what.padEnd(52)} ${value}`);

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quang'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hà',
  'Hải',
  'Hoa',
  'Hùng',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Phúc',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vân',
  'Yến',
];
const arr = (xs: string[]) => sql.raw(`array[${xs.map((x) => `'${x}'`).join(',')}]`);

try {
  await db.execute(sql`drop schema if exists public cascade`);
  await db.execute(sql`drop schema if exists drizzle cascade`);
  await db.execute(sql`create schema public`);
  await database.migrate();
  await ensureAdminUnits(db);
  console.log(
    `PostgreSQL, ${total.toLocaleString('en')} households, node ${process.version}, ${os.cpus().length} cores`,
  );

  let t = process.hrtime.bigint();
  // One village per commune of Hà Tĩnh (42) and of Vĩnh Long (86), so scope predicates have something to exclude.
  await db.execute(sql`
    insert into villages (province_code, commune_code, name, kind, sort_key, search_key)
    select parent_code, code, 'Thôn 1', 'thon', 'x', 'thon 1' from admin_units
    where valid_to is null and level = 'commune' and parent_code in ('42', '86')`);
  await db.execute(sql`
    create temporary table names as
    select g as i,
      (${arr(FAMILY)})[1 + (g::bigint * 7919) % ${FAMILY.length}] || ' ' || (${arr(MIDDLE)})[1 + (g::bigint * 104729) % ${MIDDLE.length}]
        || ' ' || (${arr(GIVEN)})[1 + (g::bigint * 1299709) % ${GIVEN.length}] as name
    from generate_series(0, ${total * 4 - 1}) g`);
  await db.execute(sql`
    insert into households (province_code, commune_code, village_id, code, head_name, address, area, sort_key, search_key)
    select v.province_code, v.commune_code, v.id, 'HO' || g, n.name, 'Thôn 1', 'rural', n.name, ''
    from generate_series(0, ${total - 1}) g
    join lateral (select * from villages order by id offset (g % (select count(*) from villages)) limit 1) v on true
    join names n on n.i = g * 4`);
  report('generate households', `${ms(t).toFixed(0)} ms`);
  t = process.hrtime.bigint();
  await db.execute(sql`
    insert into household_members (household_id, province_code, commune_code, position, full_name, date_of_birth, sex,
      citizen_id, relation, ethnicity, sort_key, search_key, name_key)
    select h.id, h.province_code, h.commune_code, k, n.name, date '1960-01-01' + (n.i % 20000), 'male',
      '042' || lpad(((n.i::bigint * 7) % 1000000000)::text, 9, '0'), case when k = 0 then 'head' else 'child' end, 'Kinh', n.name, '',
      lower(unaccent(n.name))
    from households h
    cross join generate_series(0, 3) k
    join names n on n.i = substring(h.code from 3)::int * 4 + k`);
  report('generate members (4 per household)', `${ms(t).toFixed(0)} ms`);
  // Same folding as the service (foldAccents), done in SQL for speed: unaccent + lower is identical for these names.
  t = process.hrtime.bigint();
  await db.execute(sql`
    update households h set search_key = lower(unaccent(h.code || ' Thôn 1 ' || m.names)),
      search_words = string_to_array(lower(unaccent(h.code || ' Thôn 1 ' || m.names)), ' ')
    from (select household_id, string_agg(full_name || ' ' || citizen_id, ' ') names from household_members group by household_id) m
    where m.household_id = h.id`);
  await db.execute(sql`analyze`);
  report('fold search keys and analyse', `${ms(t).toFixed(0)} ms`);
  // Search for things that exist: a household of Thạch Hà, its head's name and a member's ID.
  const sample = (await db.execute(sql`
    select h.code, h.head_name, h.search_key, m.citizen_id from households h
    join household_members m on m.household_id = h.id and m.position = 2
    where h.commune_code = '18562' limit 1`)) as unknown as {
    rows: { code: string; head_name: string; search_key: string; citizen_id: string }[];
  };
  const one = sample.rows[0]!;
  if (one.search_key !== foldAccents(one.search_key)) throw new Error('SQL folding differs from foldAccents');

  const province: Actor = {
    id: 'bench',
    username: 'bench',
    fullName: 'bench',
    roles: ['officer'],
    scope: { level: 'province', provinceCode: '42' },
  };
  const commune: Actor = { ...province, scope: { level: 'commune', provinceCode: '42', communeCode: '18562' } };
  const time = async (what: string, actor: Actor, q: string | undefined, n = 40) => {
    const samples: number[] = [];
    let found = 0;
    for (let i = 0; i < n; i++) {
      const s = process.hrtime.bigint();
      const res = await listHouseholds(db, actor, { q, limit: 20, offset: 0, sort: 'head', order: 'asc' });
      samples.push(ms(s));
      found = res.total;
    }
    samples.sort((a, b) => a - b);
    const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!.toFixed(1);
    report(what, `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, ${found.toLocaleString('en')} found`);
  };
  const name = foldAccents(one.head_name);
  await time(`province: full name "${name}"`, province, name);
  await time('province: given name only "thao"', province, 'thao');
  await time(`province: household code "${one.code}"`, province, one.code);
  await time(`province: citizen ID of a member`, province, one.citizen_id);
  await time('province: first page, no search', province, undefined);
  await time(`commune: full name "${name}"`, commune, name);
  const tail = name.split(' ').slice(1).join(' ');
  await time(`province: end of a name "${tail}" (phrase search)`, province, tail, 10);
} finally {
  await database.close();
}
