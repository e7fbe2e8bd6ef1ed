import { and, asc, count, desc, eq, getTableColumns, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AreaScope } from '../../../domain/access';
import type { PledgeStatus } from '../../../domain/fund';
import { insideOrAboveScope } from '../../platform/access';
import type { Executor } from '../../platform/db/database';
import { matchesText } from '../../platform/list';
import { fundCampaigns, fundDonors, fundPledgePayments, fundPledges } from './tables';

/** What its receipts paid: those not reversed. */
const paid = sql<number>`coalesce((
  select sum(p.amount) from fund_pledge_payments pp join fund_postings p on p.id = pp.posting_id
  where pp.pledge_id = fund_pledges.id and not exists (select 1 from fund_postings r where r.reversal_of = p.id)
), 0)::bigint`.mapWith(Number);

/** The donor the pledge was recorded with; `fundDonors` joined beside it is the donor it counts for. */
const recorded = alias(fundDonors, 'recorded');

const pledgeColumns = {
  ...getTableColumns(fundPledges),
  paid,
  donorCountedId: fundDonors.id,
  donorKind: fundDonors.kind,
  donorName: fundDonors.name,
  campaignName: fundCampaigns.name,
};
export type PledgeRow = typeof fundPledges.$inferSelect & {
  paid: number;
  donorCountedId: string;
  donorKind: string;
  donorName: string | null;
  campaignName: string | null;
};

/** Pledges with their donor as it counts now: the donor kept when the one recorded was merged into it. */
function pledgesQuery(db: Executor) {
  return db
    .select(pledgeColumns)
    .from(fundPledges)
    .innerJoin(recorded, eq(recorded.id, fundPledges.donorId))
    .innerJoin(fundDonors, eq(fundDonors.id, sql`coalesce(${recorded.mergedInto}, ${recorded.id})`))
    .leftJoin(fundCampaigns, eq(fundCampaigns.id, fundPledges.campaignId));
}

const statusCondition: Record<PledgeStatus, SQL> = {
  paid: sql`${paid} >= ${fundPledges.amount}`,
  cancelled: sql`${fundPledges.cancelledAt} is not null and ${paid} < ${fundPledges.amount}`,
  partly_paid: sql`${fundPledges.cancelledAt} is null and ${paid} > 0 and ${paid} < ${fundPledges.amount}`,
  open: sql`${fundPledges.cancelledAt} is null and ${paid} = 0`,
};

export async function insertPledge(tx: Executor, row: typeof fundPledges.$inferInsert) {
  const [created] = await tx.insert(fundPledges).values(row).returning({ id: fundPledges.id });
  return created!.id;
}

/** A pledge on a fund the user may read. */
export async function findPledge(db: Executor, id: string, scope: AreaScope): Promise<PledgeRow | undefined> {
  const [row] = await pledgesQuery(db).where(
    and(
      eq(fundPledges.id, id),
      insideOrAboveScope(scope, { province: fundPledges.provinceCode, commune: fundPledges.communeCode }),
    ),
  );
  return row;
}

/** Lock a pledge while a receipt pays it (two payments never both fit in what is left). */
export async function lockPledge(tx: Executor, id: string) {
  await tx.select({ id: fundPledges.id }).from(fundPledges).where(eq(fundPledges.id, id)).for('update');
  return findPledge(tx, id, { level: 'national' });
}

export async function listPledges(
  db: Executor,
  fundId: string,
  query: { q?: string; status?: PledgeStatus; limit: number; offset: number; order: 'asc' | 'desc' },
) {
  const where = and(
    eq(fundPledges.fundId, fundId),
    query.status ? statusCondition[query.status] : undefined,
    matchesText(
      sql`concat_ws(' ', ${fundDonors.name}, ${recorded.name}, ${fundPledges.reference}, ${fundPledges.description})`,
      query.q,
    ),
  );
  const [items, [total]] = await Promise.all([
    pledgesQuery(db)
      .where(where)
      .orderBy(query.order === 'desc' ? desc(fundPledges.dueDate) : asc(fundPledges.dueDate), asc(fundPledges.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(pledgesQuery(db).where(where).as('listed')),
  ]);
  return { items, total: total!.n };
}

/** The pledges a transfer may still pay: not cancelled, not paid in full. */
export async function payablePledges(db: Executor, fundId: string) {
  return pledgesQuery(db).where(
    and(eq(fundPledges.fundId, fundId), isNull(fundPledges.cancelledAt), sql`${paid} < ${fundPledges.amount}`),
  );
}

export async function cancelPledge(tx: Executor, id: string, reason: string) {
  await tx
    .update(fundPledges)
    .set({
      cancelledAt: new Date(),
      cancelReason: reason,
      updatedAt: new Date(),
      version: sql`${fundPledges.version} + 1`,
    })
    .where(eq(fundPledges.id, id));
}

/** A receipt's payment of a pledge, unrun: written in the receipt's own statement. */
export function paymentInsert(tx: Executor, pledgeId: string, postingId: string) {
  return tx.insert(fundPledgePayments).values({ pledgeId, postingId });
}
