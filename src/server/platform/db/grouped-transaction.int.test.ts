import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../test/helpers/app';
import { rowsOf, type Tx } from './database';
import { transactionInGroup } from './grouped-transaction';

describe('transactions shared by work on the same rows', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase();
    await database.db.execute(sql`create table grouped_work (name text primary key, txid bigint not null)`);
  });
  afterAll(() => database.dispose());

  /** Writes `name` with the id of the transaction it ran in; a name written twice fails. */
  const write = (name: string) => async (tx: Tx) => {
    const [row] = rowsOf<{ txid: string }>(
      await tx.execute(sql`insert into grouped_work values (${name}, txid_current()) returning txid::text`),
    );
    return row!.txid;
  };
  const written = async () =>
    rowsOf<{ name: string; txid: string }>(
      await database.db.execute(sql`select name, txid::text from grouped_work order by name`),
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
    expect((await written()).map((r) => r.name)).toEqual(['a1', 'a2', 'a3', 'a4', 'b1']);
  });

  it('a failing piece fails alone, with its own error; the others of its group are kept', async () => {
    const db = database.db;
    const refused = new Error('Số dư của quỹ không đủ');
    const results = await Promise.allSettled([
      transactionInGroup(db, 'fund-c', write('c1')),
      transactionInGroup(db, 'fund-c', write('c2')),
      transactionInGroup(db, 'fund-c', async (tx) => {
        await write('c3')(tx);
        throw refused;
      }),
      // A database error aborts the group's transaction: written twice, c2 fails, alone.
      transactionInGroup(db, 'fund-c', write('c2')),
      transactionInGroup(db, 'fund-c', write('c4')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((results[2] as PromiseRejectedResult).reason).toBe(refused);
    expect(((results[3] as PromiseRejectedResult).reason as Error).cause).toMatchObject({ code: '23505' });
    const names = (await written()).map((r) => r.name).filter((n) => n.startsWith('c'));
    // c3 wrote its row before failing: nothing of it is kept.
    expect(names).toEqual(['c1', 'c2', 'c4']);
  });
});
