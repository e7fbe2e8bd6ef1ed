import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type Executor } from './database';

/**
 * Backups are plain SQL: a header, the rows of every table as INSERT statements in foreign-key
 * order, and a SHA-256 of everything before it. `psql -f` loads one into a freshly migrated
 * PostgreSQL database (`chungtay migrate`); `chungtay restore` loads it on either engine,
 * after checking the checksum and the schema version, in one transaction that leaves the
 * current data untouched when anything fails.
 */
const FORMAT = 'chungtay-backup/1';
// Values are written as text: fix the formats so they read back the same on any server.
const SESSION_FORMATS = [
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL IntervalStyle = 'postgres'",
];
// Sessions are not data: a restored database starts with everyone signed out.
const NOT_BACKED_UP = new Set(['sessions']);
const BEGIN_DATA = '-- begin data';
const END_DATA = '-- end data';

export class BackupError extends Error {}

interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
}

/** The schema version: how many migrations ran and when the last was generated. */
async function schemaVersion(db: Executor): Promise<string> {
  const rows = rowsOf<{ n: number; last: string }>(
    await db.execute(sql`select count(*)::int as n, max(created_at)::text as last from drizzle.__drizzle_migrations`),
  );
  return `${rows[0]!.n}:${rows[0]!.last}`;
}

/** Application tables, parents before children. */
async function tablesInDependencyOrder(db: Executor): Promise<TableInfo[]> {
  const columns = rowsOf<{ table_name: string; column_name: string }>(
    await db.execute(sql`
      select c.table_name, c.column_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      order by c.table_name, c.ordinal_position`),
  );
  const keys = rowsOf<{ table_name: string; column_name: string }>(
    await db.execute(sql`
      select k.table_name, k.column_name from information_schema.table_constraints tc
      join information_schema.key_column_usage k on k.constraint_name = tc.constraint_name and k.table_schema = tc.table_schema
      where tc.table_schema = 'public' and tc.constraint_type = 'PRIMARY KEY'
      order by k.table_name, k.ordinal_position`),
  );
  const deps = rowsOf<{ child: string; parent: string }>(
    await db.execute(sql`
      select conrelid::regclass::text as child, confrelid::regclass::text as parent
      from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace`),
  );
  const tables = new Map<string, TableInfo>();
  for (const c of columns) {
    const t = tables.get(c.table_name) ?? { name: c.table_name, columns: [], primaryKey: [] };
    t.columns.push(c.column_name);
    tables.set(c.table_name, t);
  }
  for (const k of keys) tables.get(k.table_name)?.primaryKey.push(k.column_name);
  const unquote = (n: string) => n.replace(/^"|"$/gu, '');
  const ordered: TableInfo[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (ordered.some((t) => t.name === name) || path.has(name)) return;
    path.add(name);
    for (const d of deps) if (unquote(d.child) === name && unquote(d.parent) !== name) visit(unquote(d.parent), path);
    const table = tables.get(name);
    if (table) ordered.push(table);
  };
  for (const name of [...tables.keys()].sort()) visit(name, new Set());
  return ordered;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** Write a backup of the whole database to `file`; returns the number of rows written. */
export async function writeBackup(database: Database, file: string): Promise<{ rows: number; tables: number }> {
  const hash = createHash('sha256');
  const tmp = `${file}.partial`;
  // The file holds password hashes and personal data: readable by its owner only.
  const out = fs.openSync(tmp, 'w', 0o600);
  const write = (text: string) => {
    hash.update(text);
    fs.writeSync(out, text);
  };
  let rows = 0;
  try {
    const tables = await database.db.transaction(async (tx) => {
      if (database.engine === 'postgres')
        await tx.execute(sql`set transaction isolation level repeatable read, read only`);
      for (const statement of SESSION_FORMATS) await tx.execute(sql.raw(statement));
      const all = (await tablesInDependencyOrder(tx)).filter((t) => !NOT_BACKED_UP.has(t.name));
      write(`-- Chung Tay backup\n-- format: ${FORMAT}\n-- schema: ${await schemaVersion(tx)}\n`);
      write(`-- created: ${new Date().toISOString()}\n-- engine: ${database.engine}\n`);
      write(`-- tables: ${all.map((t) => t.name).join(',')}\nBEGIN;\n${BEGIN_DATA}\n${SESSION_FORMATS.join(';\n')};\n`);
      for (const table of all) {
        const list = table.columns.map(ident).join(', ');
        const tuple = sql.raw(
          `'(' || concat_ws(', ', ${table.columns.map((c) => `quote_nullable(${ident(c)}::text)`).join(', ')}) || ')'`,
        );
        const order = sql.raw((table.primaryKey.length ? table.primaryKey : table.columns).map(ident).join(', '));
        for (let offset = 0; ; offset += 5000) {
          const chunk = rowsOf<{ t: string }>(
            await tx.execute(
              sql`select ${tuple} as t from ${sql.raw(ident(table.name))} order by ${order} limit 5000 offset ${offset}`,
            ),
          );
          if (chunk.length === 0) break;
          write(`INSERT INTO ${ident(table.name)} (${list}) VALUES\n${chunk.map((r) => r.t).join(',\n')};\n`);
          rows += chunk.length;
          if (chunk.length < 5000) break;
        }
      }
      const sequences = rowsOf<{ seq: string; tbl: string; col: string }>(
        await tx.execute(sql`
          select s.relname as seq, t.relname as tbl, a.attname as col from pg_class s
          join pg_depend d on d.objid = s.oid and d.deptype = 'a'
          join pg_class t on t.oid = d.refobjid
          join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
          where s.relkind = 'S' and s.relnamespace = 'public'::regnamespace`),
      );
      for (const s of sequences) {
        write(
          `SELECT setval('${s.seq}', coalesce((select max(${ident(s.col)}) from ${ident(s.tbl)}), 0) + 1, false);\n`,
        );
      }
      write(`${END_DATA}\nCOMMIT;\n`);
      fs.writeSync(out, `-- sha256: ${hash.digest('hex')}\n`);
      return all.length;
    });
    fs.closeSync(out);
    fs.renameSync(tmp, file);
    return { rows, tables };
  } catch (error) {
    fs.closeSync(out);
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}

/** Check a backup file and return its data section; throws BackupError with a Vietnamese reason. */
export function readBackup(file: string): { schema: string; created: string; tables: string[]; data: string } {
  if (!fs.existsSync(file)) throw new BackupError(`Không tìm thấy tệp ${file}.`);
  const text = fs.readFileSync(file, 'utf8');
  const match = /\n-- sha256: ([0-9a-f]{64})\n$/u.exec(text);
  if (!text.startsWith('-- Chung Tay backup\n') || !text.includes(`-- format: ${FORMAT}\n`) || !match) {
    throw new BackupError('Tệp không phải bản sao lưu của Chung Tay (thiếu phần đầu hoặc mã kiểm tra).');
  }
  const body = text.slice(0, match.index + 1);
  if (createHash('sha256').update(body).digest('hex') !== match[1]) {
    throw new BackupError('Tệp sao lưu bị hỏng hoặc đã bị sửa (mã kiểm tra SHA-256 không khớp).');
  }
  const schema = /^-- schema: (.+)$/mu.exec(body)?.[1] ?? '';
  const created = /^-- created: (.+)$/mu.exec(body)?.[1] ?? '';
  const tables = (/^-- tables: (.*)$/mu.exec(body)?.[1] ?? '').split(',').filter(Boolean);
  const start = body.indexOf(`${BEGIN_DATA}\n`);
  const end = body.lastIndexOf(`${END_DATA}\n`);
  if (start < 0 || end < start) throw new BackupError('Tệp sao lưu thiếu phần dữ liệu.');
  return { schema, created, tables, data: body.slice(start + BEGIN_DATA.length + 1, end) };
}

/** Replace all data with the backup's, atomically. */
export async function restoreBackup(database: Database, file: string): Promise<void> {
  const backup = readBackup(file);
  const current = await schemaVersion(database.db);
  if (backup.schema !== current) {
    throw new BackupError(
      `Bản sao lưu thuộc phiên bản cơ sở dữ liệu ${backup.schema}, khác phiên bản hiện tại ${current}. ` +
        'Hãy khôi phục bằng đúng phiên bản phần mềm đã tạo bản sao lưu.',
    );
  }
  const tables = (await tablesInDependencyOrder(database.db)).map((t) => t.name);
  const unknown = backup.tables.filter((t) => !tables.includes(t));
  if (unknown.length) throw new BackupError(`Bản sao lưu có bảng lạ: ${unknown.join(', ')}.`);
  const all = tables.map(ident).join(', ');
  const note = JSON.stringify({ file: path.basename(file), schema: backup.schema, created: backup.created });
  await database.script(async (exec) => {
    // User triggers (the append-only guards) are off only inside this transaction.
    for (const t of tables) await exec(`ALTER TABLE ${ident(t)} DISABLE TRIGGER USER`);
    await exec(`TRUNCATE ${all} RESTART IDENTITY CASCADE`);
    await exec(backup.data);
    for (const t of tables) await exec(`ALTER TABLE ${ident(t)} ENABLE TRIGGER USER`);
    // The restore itself is the first event of the restored log.
    await exec(
      `INSERT INTO audit_events (action, entity, entity_id, actor_username, after) VALUES ` +
        `('system.restore', 'database', 'restore', 'system', ${quoteLiteral(note)}::jsonb)`,
    );
  });
}
