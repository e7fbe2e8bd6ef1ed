import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../test/helpers/app';
import { rowsOf, type Db, type Tx } from './database';
import { transactionInGroup } from './grouped-transaction';

describe('transactions shared by work on the same rows', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase();
    await database.db.execute(sql`create table grouped_work (name text primary key, txid bigint not null)`);
    // A check at COMMIT, as the ledger's balanced lines are: a name starting with "unbalanced" is refused then.
    await database.db.execute(sql`
      create function grouped_work_checked() returns trigger language plpgsql as $$
      begin
        if new.name like 'unbalanced%' then raise exception 'refused at commit'; end if;
        return null;
      end $$`);
    await database.db.execute(sql`
      create constraint trigger grouped_work_checked after insert on grouped_work
      deferrable initially deferred for each row execute function grouped_work_checked()`);
  });
  afterAll(() => database.dispose());

  /** Writes `name` with the id of the transaction it ran in; a name written twice fails. */
  const write = (name: string) => async (tx: Tx) => {
    const [row] = rowsOf<{ txid: string }>(
      await tx.execute(sql`insert into grouped_work values (${name}, txid_current()) returning txid::text`),
    );
    return row!.txid;
  };
  const written = async (prefix: string) =>
    rowsOf<{ name: string; txid: string }>(
      await database.db.execute(
        sql`select name, txid::text from grouped_work where name like ${`${prefix}%`} order by name`,
      ),
    );
  const inGroup = (db: Db, rows: string, names: readonly string[], failing?: string, refused?: Error) =>
    Promise.allSettled(
      names.map((name) =>
        transactionInGroup(
          db,
          rows,
          name === failing
            ? async (tx) => {
                await write(name)(tx);
                throw refused;
              }
            : write(name),
        ),
      ),
    );

  it('work arriving while the rows are held joins one next transaction; other rows run apart', async () => {
    const db = database.db;
    const [first, ...rest] = await Promise.all([
      transactionInGroup(db, 'fund-a', write('a1')),
      transactionInGroup(db, 'fund-a', write('a2')),
      transactionInGroup(db, 'fund-a', write('a3')),
      transactionInGroup(db, 'fund-a', write('a4')),
      transactionInGroup(db, 'fund-b', write('b1')),
    ]);
    const [a2, a3, a4, b1] = rest;
    // The first found the rows free and ran at once; the three behind it shared one transaction.
    expect(new Set([a2, a3, a4]).size).toBe(1);
    expect(a2).not.toBe(first);
    expect(b1).not.toBe(first);
    expect(b1).not.toBe(a2);
    expect((await written('')).map((r) => r.name)).toEqual(['a1', 'a2', 'a3', 'a4', 'b1']);
  });

  it('a failing piece fails alone, with its own error; those before it and after it are kept', async () => {
    const refused = new Error('Số dư của quỹ không đủ');
    // c0 runs alone at once; c1 … c5 wait for it and form one group, in which c3 fails.
    const results = await inGroup(database.db, 'fund-c', ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'], 'c3', refused);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect((results[3] as PromiseRejectedResult).reason).toBe(refused);
    const rows = await written('c');
    // c3 wrote its row before failing: nothing of it is kept. Those before it ran again together,
    // and so did those after it.
    expect(rows.map((r) => r.name)).toEqual(['c0', 'c1', 'c2', 'c4', 'c5']);
    const txid = new Map(rows.map((r) => [r.name, r.txid]));
    expect(txid.get('c1')).toBe(txid.get('c2'));
    expect(txid.get('c4')).toBe(txid.get('c5'));
    expect(txid.get('c1')).not.toBe(txid.get('c4'));
  });

  it('a database error in one piece fails that piece alone, with the database’s error', async () => {
    const results = await inGroup(database.db, 'fund-d', ['d1', 'd2', 'd2', 'd3']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(((results[2] as PromiseRejectedResult).reason as Error).cause).toMatchObject({ code: '23505' });
    expect((await written('d')).map((r) => r.name)).toEqual(['d1', 'd2', 'd3']);
  });

  it('a COMMIT the server refuses is run again piece by piece: only the refused piece fails', async () => {
    const results = await inGroup(database.db, 'fund-e', ['e1', 'e2', 'unbalanced-e3', 'e4']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((await written('e')).map((r) => r.name)).toEqual(['e1', 'e2', 'e4']);
    expect(await written('unbalanced-e')).toEqual([]);
  });

  it('a COMMIT whose outcome is unknown is not run again: its pieces fail, nothing is written twice', async () => {
    const lost = new Error('Connection terminated unexpectedly');
    // The group's COMMIT goes through, then the connection is lost before the answer arrives.
    let transactions = 0;
    const cutOff = new Proxy(database.db, {
      get(target, property, receiver) {
        if (property !== 'transaction') return Reflect.get(target, property, receiver) as unknown;
        return async (work: (tx: Tx) => Promise<unknown>) => {
          const result = await target.transaction(work);
          if (++transactions === 2) throw lost;
          return result;
        };
      },
    });
    const results = await inGroup(cutOff, 'fund-f', ['f1', 'f2', 'f3', 'f4']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'rejected']);
    expect(results.slice(1).map((r) => (r as PromiseRejectedResult).reason)).toEqual([lost, lost, lost]);
    // What was committed stays once; nothing was written again (a second f2 would have failed).
    expect((await written('f')).map((r) => r.name)).toEqual(['f1', 'f2', 'f3', 'f4']);
    expect(transactions).toBe(2);
  });
});
