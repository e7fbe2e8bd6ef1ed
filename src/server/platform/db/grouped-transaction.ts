import type { Db, Tx } from './database';

/**
 * Work on the same rows that arrives while a transaction of this process holds them joins the
 * next transaction on them: one BEGIN, one COMMIT and one flush of the write-ahead log for the
 * group, instead of each piece queueing for the rows' locks with its own. Work that finds its
 * rows free starts at once, alone. Each piece's promise settles only when its group has committed
 * (or failed). When any piece of a group fails, nothing of the group is kept and each piece runs
 * again in a transaction of its own, in the same order: only the failing pieces fail, with the
 * error they raise alone. A piece may therefore run twice, so it must have no effect outside the
 * transaction it is given.
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
  for (;;) {
    await runGroup(db, group);
    const waiting = waitingByRows.get(rows)!;
    if (waiting.length === 0) {
      waitingByRows.delete(rows);
      return;
    }
    group = waiting.splice(0, GROUP_SIZE);
  }
}

async function runGroup(db: Db, group: readonly Piece[]) {
  if (group.length > 1) {
    const results = await db
      .transaction(async (tx) => {
        const done: unknown[] = [];
        for (const piece of group) done.push(await piece.work(tx));
        return done;
      })
      .catch(() => null);
    if (results) {
      group.forEach((piece, i) => piece.resolve(results[i]));
      return;
    }
  }
  for (const piece of group) await db.transaction((tx) => piece.work(tx)).then(piece.resolve, piece.reject);
}
