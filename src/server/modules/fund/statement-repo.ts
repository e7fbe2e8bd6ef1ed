import { and, asc, count, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { AreaScope } from '../../../domain/access';
import type { StatementLineStatus } from '../../../domain/fund';
import { insideOrAboveScope } from '../../platform/access';
import type { Executor } from '../../platform/db/database';
import { matchesText } from '../../platform/list';
import { fundPledges, fundPostings, fundStatementLines } from './tables';

export type NewStatementLine = typeof fundStatementLines.$inferInsert;

const lineColumns = {
  ...getTableColumns(fundStatementLines),
  receiptYear: fundPostings.receiptYear,
  receiptSeq: fundPostings.receiptSeq,
  pledgeReference: fundPledges.reference,
};
export type StatementLineRow = typeof fundStatementLines.$inferSelect & {
  receiptYear: number | null;
  receiptSeq: number | null;
  pledgeReference: string | null;
};

function linesQuery(db: Executor) {
  return db
    .select(lineColumns)
    .from(fundStatementLines)
    .leftJoin(fundPostings, eq(fundPostings.id, fundStatementLines.postingId))
    .leftJoin(fundPledges, eq(fundPledges.id, fundStatementLines.pledgeId));
}

/** Which of these bank transaction ids the fund already holds. */
export async function importedIds(db: Executor, fundId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: fundStatementLines.bankTransactionId })
    .from(fundStatementLines)
    .where(and(eq(fundStatementLines.fundId, fundId), inArray(fundStatementLines.bankTransactionId, [...ids])));
  return new Set(rows.map((r) => r.id));
}

/** A line matched as it is imported, unrun: written in its receipt's statement. */
export function lineInsert(tx: Executor, row: NewStatementLine) {
  return tx.insert(fundStatementLines).values(row);
}

/**
 * Rows per insert: eleven bound values each, well under PGlite's limit of 32,767 per statement
 * (beyond it PGlite 0.5 answers nothing and every later query of the connection comes back empty:
 * re-importing a statement of 5,000 unmatched transfers then said "fund not found").
 */
const ROWS_PER_INSERT = 1000;

/** Lines left for the manual matching screen; those another import stored first are skipped. */
export async function insertUnmatched(tx: Executor, rows: readonly NewStatementLine[]) {
  const stored: { id: string; bankTransactionId: string }[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    stored.push(
      ...(await tx
        .insert(fundStatementLines)
        .values(chunk)
        .onConflictDoNothing({ target: [fundStatementLines.fundId, fundStatementLines.bankTransactionId] })
        .returning({ id: fundStatementLines.id, bankTransactionId: fundStatementLines.bankTransactionId })),
    );
  }
  return stored;
}

export async function findLine(db: Executor, id: string, scope: AreaScope): Promise<StatementLineRow | undefined> {
  const [row] = await linesQuery(db).where(
    and(
      eq(fundStatementLines.id, id),
      insideOrAboveScope(scope, { province: fundStatementLines.provinceCode, commune: fundStatementLines.communeCode }),
    ),
  );
  return row;
}

export async function listLines(
  db: Executor,
  fundId: string,
  query: { q?: string; status?: StatementLineStatus; limit: number; offset: number; order: 'asc' | 'desc' },
) {
  const where = and(
    eq(fundStatementLines.fundId, fundId),
    query.status ? eq(fundStatementLines.status, query.status) : undefined,
    matchesText(sql`concat_ws(' ', ${fundStatementLines.content}, ${fundStatementLines.bankTransactionId})`, query.q),
  );
  const order = query.order === 'desc' ? desc : asc;
  const [items, [total]] = await Promise.all([
    linesQuery(db)
      .where(where)
      .orderBy(order(fundStatementLines.transactionDate), asc(fundStatementLines.bankTransactionId))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(fundStatementLines).where(where),
  ]);
  return { items, total: total!.n };
}

/**
 * Settle a line still waiting: matched to a receipt or set aside. False when it was settled
 * meanwhile (the row lock makes a concurrent second attempt wait, then find nothing to settle).
 */
export async function settleLine(
  tx: Executor,
  id: string,
  set: Pick<NewStatementLine, 'status' | 'matchedBy' | 'postingId' | 'pledgeId' | 'reason'>,
): Promise<boolean> {
  const updated = await tx
    .update(fundStatementLines)
    .set({ ...set, updatedAt: new Date(), version: sql`${fundStatementLines.version} + 1` })
    .where(and(eq(fundStatementLines.id, id), eq(fundStatementLines.status, 'unmatched')))
    .returning({ id: fundStatementLines.id });
  return updated.length === 1;
}
