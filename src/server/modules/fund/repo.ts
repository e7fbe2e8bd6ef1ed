import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  inArray,
  isNull,
  sql,
  type SQL,
  type SQLWrapper,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AreaScope } from '../../../domain/access';
import { insideOrAboveScope, insideScope } from '../../platform/access';
import { executePrepared, rowsOf, type Executor } from '../../platform/db/database';
import { matchesText, orderBy } from '../../platform/list';
import type { PostingListReq } from './schemas';
import { fundCampaigns, fundDonors, fundIdempotencyKeys, fundPostingLines, fundPostings, funds } from './tables';

export type FundRow = typeof funds.$inferSelect;
/**
 * A fund as a posting's lock reads it: its area, money and chain head, with its Peak Months'
 * campaigns by year (read in the same statement).
 */
export type LockedFund = Pick<
  FundRow,
  'id' | 'provinceCode' | 'communeCode' | 'balance' | 'lastSeq' | 'lastHash' | 'receiptCounters'
> & { peakMonths?: Record<string, string> };
export type CampaignRow = typeof fundCampaigns.$inferSelect;
export type DonorRow = typeof fundDonors.$inferSelect;
export type PostingRow = typeof fundPostings.$inferSelect;
export type NewPostingRow = typeof fundPostings.$inferInsert;
export type LineRow = typeof fundPostingLines.$inferSelect;

/** Funds a user may read: their own area's and the levels above (a commune sees its province's fund). */
const readable = (scope: AreaScope) =>
  insideOrAboveScope(scope, { province: funds.provinceCode, commune: funds.communeCode });

export async function listFunds(
  db: Executor,
  scope: AreaScope,
  query: { q?: string; limit: number; offset: number; sort: 'name' | 'balance'; order: 'asc' | 'desc' },
) {
  const where = and(readable(scope), matchesText(funds.name, query.q));
  const sortColumn = query.sort === 'balance' ? funds.balance : funds.name;
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(funds)
      .where(where)
      .orderBy(sql`${funds.communeCode} nulls first`, orderBy(sortColumn, query.order), asc(funds.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(funds).where(where),
  ]);
  return { items, total: total!.n };
}

export async function findFund(db: Executor, id: string, scope: AreaScope) {
  const [row] = await db
    .select()
    .from(funds)
    .where(and(eq(funds.id, id), readable(scope)));
  return row;
}

export async function findFundByUnit(db: Executor, provinceCode: string, communeCode: string | null) {
  const [row] = await db
    .select()
    .from(funds)
    .where(and(eq(funds.provinceCode, provinceCode), sql`coalesce(${funds.communeCode}, '') = ${communeCode ?? ''}`));
  return row;
}

/**
 * Claim a posting request's Idempotency-Key (if it has one) and lock the funds it may move, in one
 * statement, the funds always in id order (two postings touching the same funds never deadlock).
 * `claimed` is false when the key was already used: the request is a retry. Each fund says whether
 * `scope` may read it, so the posting is authorised on the row it locked, without a read before.
 */
export async function claimAndLockFunds(
  tx: Executor,
  ids: readonly string[],
  claim: { userId: string; key: string; requestHash: string; postingId: string } | null,
  scope: AreaScope,
): Promise<{ claimed: boolean; funds: (LockedFund & { readable: boolean })[] }> {
  // Written out rather than built: its text is the same for every posting of a scope's level (the
  // claim and the ids are parameters), and building drizzle's select was a third of Node's time
  // per posting (bench/fund-postings.ts).
  const key = claim?.key ?? null;
  const rows = await executePrepared<
    Omit<LockedFund, 'balance'> & { balance: string; claimed: boolean; readable: boolean }
  >(
    tx,
    sql`
    with key as (
      insert into fund_idempotency_keys (user_id, key, request_hash, posting_id)
      select ${claim?.userId ?? null}::uuid, ${key}::text, ${claim?.requestHash ?? null}::text,
        ${claim?.postingId ?? null}::uuid
      where ${key}::text is not null
      on conflict do nothing
      returning key
    )
    select funds.id, funds.province_code as "provinceCode", funds.commune_code as "communeCode",
      funds.balance::text as balance, funds.last_seq as "lastSeq", funds.last_hash as "lastHash",
      funds.receipt_counters as "receiptCounters",
      (${key}::text is null or exists (select 1 from key)) as claimed,
      coalesce(${readable(scope) ?? sql`true`}, false) as readable,
      (select coalesce(jsonb_object_agg(c.year, c.id), '{}') from fund_campaigns c
        where c.fund_id = funds.id and c.kind = 'peak_month') as "peakMonths"
    from funds where funds.id = any(${sql.param([...ids])}::uuid[])
    order by funds.id
    for update of funds`,
  );
  return {
    claimed: rows[0]?.claimed ?? false,
    funds: rows.map(({ claimed: _, ...fund }) => ({ ...fund, balance: Number(fund.balance) })),
  };
}

export async function insertFund(tx: Executor, row: typeof funds.$inferInsert) {
  const [created] = await tx.insert(funds).values(row).returning();
  return created!;
}

// ——— campaigns

const campaignTotals = {
  raised:
    sql<number>`coalesce((select -sum(l.amount) from fund_posting_lines l where l.campaign_id = fund_campaigns.id and l.account = 'donations'), 0)::bigint`.mapWith(
      Number,
    ),
  spent:
    sql<number>`coalesce((select sum(l.amount) from fund_posting_lines l where l.campaign_id = fund_campaigns.id and l.account = 'spending'), 0)::bigint`.mapWith(
      Number,
    ),
  receipts:
    sql<number>`(select count(*) from fund_postings p where p.campaign_id = fund_campaigns.id and p.kind = 'receipt' and not exists (select 1 from fund_postings r where r.reversal_of = p.id))::int`.mapWith(
      Number,
    ),
};

export async function campaignsOf(db: Executor, fundId: string) {
  return db
    .select({ ...getTableColumns(fundCampaigns), ...campaignTotals })
    .from(fundCampaigns)
    .where(eq(fundCampaigns.fundId, fundId))
    .orderBy(desc(fundCampaigns.startDate), asc(fundCampaigns.id));
}

/** The fund a campaign belongs to (without its totals, which a posting does not need). */
export async function campaignFundId(db: Executor, id: string) {
  const [row] = await db.select({ fundId: fundCampaigns.fundId }).from(fundCampaigns).where(eq(fundCampaigns.id, id));
  return row?.fundId;
}

export async function findCampaign(db: Executor, id: string) {
  const [row] = await db
    .select({ ...getTableColumns(fundCampaigns), ...campaignTotals })
    .from(fundCampaigns)
    .where(eq(fundCampaigns.id, id));
  return row;
}

/** Whether a campaign of the fund keeps a balance other than its cash lines' sum (the ledger verification). */
export async function campaignOffBalance(db: Executor, fundId: string) {
  const [row] = await db
    .select({ id: fundCampaigns.id })
    .from(fundCampaigns)
    .where(
      and(
        eq(fundCampaigns.fundId, fundId),
        sql`${fundCampaigns.balance} <> coalesce((select sum(l.amount) from ${fundPostingLines} l
              where l.campaign_id = ${fundCampaigns.id} and l.account = 'cash'), 0)`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Lock a campaign and read the money it holds. */
export async function lockCampaign(tx: Executor, id: string) {
  const [row] = await tx.select().from(fundCampaigns).where(eq(fundCampaigns.id, id)).for('update');
  return row;
}

export async function insertCampaign(tx: Executor, row: typeof fundCampaigns.$inferInsert) {
  const [created] = await tx.insert(fundCampaigns).values(row).returning();
  return created!;
}

/** The Peak Month of a year for a fund, created the first time anyone needs it (never twice). */
export async function insertPeakMonthIfMissing(tx: Executor, row: typeof fundCampaigns.$inferInsert) {
  const created = await tx
    .insert(fundCampaigns)
    .values(row)
    .onConflictDoNothing({ target: [fundCampaigns.fundId, fundCampaigns.year], where: sql`kind = 'peak_month'` })
    .returning();
  return created[0];
}

export async function findPeakMonth(db: Executor, fundId: string, year: number) {
  const [row] = await db
    .select()
    .from(fundCampaigns)
    .where(and(eq(fundCampaigns.fundId, fundId), eq(fundCampaigns.kind, 'peak_month'), eq(fundCampaigns.year, year)));
  return row;
}

// ——— donors

export const donorsReadable = (scope: AreaScope) =>
  insideOrAboveScope(scope, { province: fundDonors.provinceCode, commune: fundDonors.communeCode });

export type NewDonorRow = typeof fundDonors.$inferInsert & { id: string };

/**
 * For raw SQL over receipts `p`: `d` the donor recorded on the receipt, `s` the donor it counts
 * for — the survivor when `d` was merged into one, else `d` itself (whose consent and name apply).
 */
export const countedDonorJoin = sql`left join fund_donors d on d.id = p.donor_id
  left join fund_donors s on s.id = coalesce(d.merged_into, d.id)`;

/** A donor's insert, unrun: a receipt writes the donor entered with it in its own statement. */
export function donorInsert(tx: Executor, row: NewDonorRow) {
  return tx.insert(fundDonors).values(row);
}

export async function insertDonor(tx: Executor, row: NewDonorRow) {
  const [created] = await donorInsert(tx, row).returning();
  return created!;
}

const named = alias(fundDonors, 'named');

/**
 * A donor the user may read, named by id for a new receipt or pledge: a merged duplicate answers
 * with its survivor, so what is recorded from now on is recorded under the donor kept.
 */
export async function findDonor(db: Executor, id: string, scope: AreaScope) {
  const [row] = await db
    .select({ donor: fundDonors })
    .from(named)
    .innerJoin(fundDonors, eq(fundDonors.id, sql`coalesce(${named.mergedInto}, ${named.id})`))
    .where(
      and(eq(named.id, id), insideOrAboveScope(scope, { province: named.provinceCode, commune: named.communeCode })),
    );
  return row?.donor;
}

export async function listDonors(
  db: Executor,
  scope: AreaScope,
  query: { q?: string; limit: number; offset: number; order: 'asc' | 'desc' },
) {
  const where = and(
    donorsReadable(scope),
    isNull(fundDonors.mergedInto),
    matchesText(sql`coalesce(${fundDonors.name}, '')`, query.q),
  );
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(fundDonors)
      .where(where)
      .orderBy(orderBy(fundDonors.name, query.order), asc(fundDonors.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(fundDonors).where(where),
  ]);
  return { items, total: total!.n };
}

/** A donor the user may read, locked for an update. */
export async function lockDonor(tx: Executor, id: string, scope: AreaScope) {
  const [row] = await tx
    .select()
    .from(fundDonors)
    .where(and(eq(fundDonors.id, id), donorsReadable(scope)))
    .for('update');
  return row;
}

/** False when the version read is no longer the row's (someone saved meanwhile). */
export async function updateDonor(
  tx: Executor,
  id: string,
  version: number,
  set: Pick<DonorRow, 'name' | 'phone' | 'email' | 'address' | 'publishName'>,
) {
  const updated = await tx
    .update(fundDonors)
    .set({ ...set, updatedAt: new Date(), version: sql`${fundDonors.version} + 1` })
    .where(and(eq(fundDonors.id, id), eq(fundDonors.version, version)))
    .returning();
  return updated[0];
}

/** The donors recorded at a fund's unit (a donor is recorded at the fund that met them). */
export const donorsOfUnit = (fund: Pick<FundRow, 'provinceCode' | 'communeCode'>) =>
  and(
    eq(fundDonors.provinceCode, fund.provinceCode),
    sql`coalesce(${fundDonors.communeCode}, '') = ${fund.communeCode ?? ''}`,
  );

/**
 * What each donor gave to a fund: receipts not reversed, a merged duplicate's counted under its
 * survivor; a subquery computed once for all donors rather than per donor.
 */
export function givenToFund(db: Executor, fundId: string) {
  const counted = sql<string>`coalesce(${named.mergedInto}, ${fundPostings.donorId})`;
  return db
    .select({
      donorId: counted.as('donor_id'),
      receipts: sql<number>`count(*)::int`.as('receipts'),
      given: sql<number>`sum(${fundPostings.amount})::bigint`.as('given'),
      lastDate: sql<string>`max(${fundPostings.date})::text`.as('last_date'),
    })
    .from(fundPostings)
    .leftJoin(named, eq(named.id, fundPostings.donorId))
    .where(
      and(
        eq(fundPostings.fundId, fundId),
        eq(fundPostings.kind, 'receipt'),
        sql`not exists (select 1 from fund_postings r where r.reversal_of = ${fundPostings.id})`,
      ),
    )
    .groupBy(counted)
    .as('given');
}

/** What a donor gave, from `givenToFund` joined on the donor: zero when nothing. */
export function givenColumns(given: ReturnType<typeof givenToFund>) {
  return {
    receipts: sql<number>`coalesce(${given.receipts}, 0)::int`.mapWith(Number),
    given: sql<number>`coalesce(${given.given}, 0)::bigint`.mapWith(Number),
    lastDate: sql<string | null>`${given.lastDate}`,
  };
}

/** The donors of a fund's unit, merged duplicates left out, with what each gave to the fund. */
export async function listFundDonors(
  db: Executor,
  fund: Pick<FundRow, 'id' | 'provinceCode' | 'communeCode'>,
  query: { q?: string; kind?: string; limit: number; offset: number; sort: 'name' | 'given'; order: 'asc' | 'desc' },
) {
  const given = givenToFund(db, fund.id);
  const where = and(
    donorsOfUnit(fund),
    isNull(fundDonors.mergedInto),
    query.kind ? eq(fundDonors.kind, query.kind) : undefined,
    matchesText(sql`concat_ws(' ', ${fundDonors.name}, ${fundDonors.phone}, ${fundDonors.email})`, query.q),
  );
  const gave = givenColumns(given);
  const [items, [counted]] = await Promise.all([
    db
      .select({ donor: fundDonors, ...gave })
      .from(fundDonors)
      .leftJoin(given, eq(given.donorId, fundDonors.id))
      .where(where)
      .orderBy(orderBy(query.sort === 'given' ? gave.given : fundDonors.name, query.order), asc(fundDonors.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(fundDonors).where(where),
  ]);
  return { items, total: counted!.n };
}

// ——— postings

export async function findIdempotencyKey(db: Executor, userId: string, key: string) {
  const [row] = await db
    .select()
    .from(fundIdempotencyKeys)
    .where(and(eq(fundIdempotencyKeys.userId, userId), eq(fundIdempotencyKeys.key, key)));
  return row;
}

/** What a posting does to a fund's head: its new balance and, for the chain's fund, its last link. */
export interface FundHead {
  id: string;
  balance: number;
  lastSeq?: number;
  lastHash?: string;
  receiptCounters?: Record<string, number>;
}

/** A row as the table's columns name its fields (for jsonb_populate_record). */
function asColumns(table: typeof fundPostings | typeof fundPostingLines, row: Record<string, unknown>) {
  const record: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) if (key in row) record[column.name] = row[key];
  return record;
}

/**
 * Write a posting, its lines, the funds' new heads, its campaigns' balances and the inserts that
 * go with it (its audit row, a donor entered with a receipt) in one statement: the posting path's cost is its round trips.
 * The posting, its lines and the heads travel as three JSON parameters rather than sixty bound
 * values (building and binding those was a quarter of the server's time per posting). Foreign
 * keys are checked at the statement's end, the lines' balance at commit.
 */
export async function appendPosting(
  tx: Executor,
  p: NewPostingRow,
  lines: readonly LineRow[],
  heads: readonly FundHead[],
  alongside: readonly SQLWrapper[],
) {
  const posting = asColumns(fundPostings, p);
  const columns = sql.raw(Object.keys(posting).join(', '));
  await executePrepared(
    tx,
    sql`
    with p as (
      insert into fund_postings (${columns})
      select ${columns} from jsonb_populate_record(null::fund_postings, ${JSON.stringify(posting)}::jsonb)
      returning id
    ),
    planned as (
      select * from jsonb_populate_recordset(null::fund_posting_lines, ${JSON.stringify(lines.map((l) => asColumns(fundPostingLines, l)))}::jsonb)
    ),
    l as (
      insert into fund_posting_lines (posting_id, line, fund_id, account, campaign_id, amount)
      select posting_id, line, fund_id, account, campaign_id, amount from planned
    ),
    c as (
      update fund_campaigns set balance = fund_campaigns.balance + d.amount
      from (select campaign_id, sum(amount) as amount from planned
            where account = 'cash' and campaign_id is not null group by campaign_id) d
      where fund_campaigns.id = d.campaign_id
    )
    ${sql.join(
      alongside.map((insert, i) => sql`, ${sql.raw(`w${i}`)} as (${insert.getSQL()})`),
      sql``,
    )}
    update funds set balance = v.balance, last_seq = coalesce(v."lastSeq", funds.last_seq),
      last_hash = coalesce(v."lastHash", funds.last_hash),
      receipt_counters = coalesce(v."receiptCounters", funds.receipt_counters),
      updated_at = now(), version = funds.version + 1
    from jsonb_to_recordset(${JSON.stringify(heads)}::jsonb)
      as v(id uuid, balance bigint, "lastSeq" int, "lastHash" text, "receiptCounters" jsonb)
    where funds.id = v.id and exists (select 1 from p)`,
  );
}

const reversal = alias(fundPostings, 'reversal');
const postingColumns = { ...getTableColumns(fundPostings), reversedBy: reversal.id };
export type PostingWithReversal = PostingRow & { reversedBy: string | null };

function postingsQuery(db: Executor) {
  return db.select(postingColumns).from(fundPostings).leftJoin(reversal, eq(reversal.reversalOf, fundPostings.id));
}

/** A posting whose fund the user may read. */
export async function findPosting(
  db: Executor,
  id: string,
  scope: AreaScope,
): Promise<PostingWithReversal | undefined> {
  const [row] = await postingsQuery(db).where(
    and(
      eq(fundPostings.id, id),
      insideOrAboveScope(scope, { province: fundPostings.provinceCode, commune: fundPostings.communeCode }),
    ),
  );
  return row;
}

export async function listPostings(db: Executor, fundId: string, query: PostingListReq) {
  const where: SQL | undefined = and(
    eq(fundPostings.fundId, fundId),
    query.kind ? eq(fundPostings.kind, query.kind) : undefined,
    matchesText(
      sql`concat_ws(' ', ${fundPostings.donorName}, ${fundPostings.decisionNumber}, ${fundPostings.description}, ${fundPostings.reason}, ${fundPostings.receiptYear} || '-' || lpad(${fundPostings.receiptSeq}::text, 6, '0'))`,
      query.q,
    ),
  );
  const [items, [total]] = await Promise.all([
    postingsQuery(db)
      .where(where)
      .orderBy(orderBy(fundPostings.date, query.order), orderBy(fundPostings.seq, query.order))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(fundPostings).where(where),
  ]);
  return { items, total: total!.n };
}

export async function linesOf(db: Executor, postingIds: readonly string[]) {
  if (postingIds.length === 0) return [];
  return db
    .select()
    .from(fundPostingLines)
    .where(inArray(fundPostingLines.postingId, [...postingIds]))
    .orderBy(asc(fundPostingLines.postingId), asc(fundPostingLines.line));
}

/** A fund's chain, a page at a time in order. */
export async function chainPage(db: Executor, fundId: string, afterSeq: number, limit: number) {
  return db
    .select()
    .from(fundPostings)
    .where(and(eq(fundPostings.fundId, fundId), sql`${fundPostings.seq} > ${afterSeq}`))
    .orderBy(asc(fundPostings.seq))
    .limit(limit);
}

/** Totals of a fund's accounts from its lines (debit positive). */
export async function accountTotals(db: Executor, fundId: string) {
  const rows = await db
    .select({
      account: fundPostingLines.account,
      total: sql<number>`sum(${fundPostingLines.amount})::bigint`.mapWith(Number),
    })
    .from(fundPostingLines)
    .where(eq(fundPostingLines.fundId, fundId))
    .groupBy(fundPostingLines.account);
  return new Map(rows.map((r) => [r.account, r.total]));
}

export async function allFundIds(db: Executor, scope: AreaScope) {
  return db
    .select({
      id: funds.id,
      name: funds.name,
      balance: funds.balance,
      lastSeq: funds.lastSeq,
      lastHash: funds.lastHash,
      receiptCounters: funds.receiptCounters,
    })
    .from(funds)
    .where(insideScope(scope, { province: funds.provinceCode, commune: funds.communeCode }))
    .orderBy(asc(funds.provinceCode), sql`${funds.communeCode} nulls first`);
}

export { rowsOf };
