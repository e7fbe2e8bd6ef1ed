import { sqlStateOf } from '../errors';
import type { Db, Tx } from './database';

/**
 * Work on the same rows that arrives while a transaction of this process holds them joins the
 * next transaction on them: one BEGIN, one COMMIT and one flush of the write-ahead log for the
 * group, instead of each piece queueing for the rows' locks with its own. Work that finds its
 * rows free starts at once, alone. A piece's promise settles once its work is committed or has
 * failed for good. When a piece's work fails, nothing of the group is kept: the pieces before it
 * run again together, it runs again alone (and fails with the error it raises alone), and the
 * pieces after it go on together. A piece may therefore run twice, so it must have no effect
 * outside the transaction it is given.
 */
export function transactionInGroup<T>(db: Db, rows: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  let waitingByRows = groups.get(db);
  if (!waitingByRows) groups.set(db, (waitingByRows = new Map()));
  return new Promise<T>((resolve, reject) => {
    const piece = { work, resolve, reject } as Piece;
    const waiting = waitingByRows.get(rows);
    if (waiting) {
      waiting.push(piece);
      return;
    }
    waitingByRows.set(rows, []);
    void runGroups(db, waitingByRows, rows, [piece]);
  });
}

interface Piece {
  work(tx: Tx): Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** Pieces waiting, by the rows they work on, for each database handle. */
const groups = new WeakMap<Db, Map<string, Piece[]>>();

/**
 * The first piece of a group is answered only after the last one's work: a bound on that wait. The
 * benchmark's 8 clients on one fund make groups of up to 7.
 */
const GROUP_SIZE = 32;

async function runGroups(db: Db, waitingByRows: Map<string, Piece[]>, rows: string, first: Piece[]) {
  let group = first;
  try {
    for (;;) {
      await runGroup(db, group);
      const waiting = waitingByRows.get(rows)!;
      if (waiting.length === 0) return;
      group = waiting.splice(0, GROUP_SIZE);
    }
  } catch (error) {
    // Not expected (every piece's outcome is handled below), but no piece may wait for ever.
    for (const piece of [...group, ...waitingByRows.get(rows)!]) piece.reject(error);
  } finally {
    waitingByRows.delete(rows);
  }
}

/**
 * SQLSTATE classes of a COMMIT refused by the server, which then rolled the transaction back:
 * integrity (a deferred constraint), transaction rollback (serialization, deadlock), a trigger's
 * RAISE. Any other failure of a COMMIT (the connection lost, the server shutting down) leaves its
 * outcome unknown.
 */
const ROLLED_BACK = /^(23|40|P0)/u;

async function runGroup(db: Db, group: readonly Piece[]): Promise<void> {
  if (group.length === 0) return;
  if (group.length === 1) {
    const [piece] = group;
    return db.transaction((tx) => piece!.work(tx)).then(piece!.resolve, piece!.reject);
  }
  // Where the group was when it failed: before its first piece, at piece `at`, or at its COMMIT.
  let at = 'begin' as number | 'begin' | 'commit';
  let failure: unknown;
  const results = await db
    .transaction(async (tx) => {
      const done: unknown[] = [];
      for (at = 0; at < group.length; at++) done.push(await group[at]!.work(tx));
      at = 'commit';
      return done;
    })
    .catch((error: unknown) => {
      failure = error;
      return null;
    });
  if (results) {
    group.forEach((piece, i) => piece.resolve(results[i]));
  } else if (typeof at === 'number') {
    await runGroup(db, group.slice(0, at));
    await runGroup(db, [group[at]!]);
    await runGroup(db, group.slice(at + 1));
  } else if (at === 'commit' && !ROLLED_BACK.test(sqlStateOf(failure) ?? '')) {
    // Perhaps committed: running the pieces again could post them twice. Each fails as a lone
    // piece whose COMMIT was cut off would (a posting's Idempotency-Key tells, on retry).
    for (const piece of group) piece.reject(failure);
  } else {
    // Refused before its first piece or at its COMMIT: nothing was kept; each runs again alone.
    for (const piece of group) await runGroup(db, [piece]);
  }
}
