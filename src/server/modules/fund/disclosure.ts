import { sql } from 'drizzle-orm';
import { UNNAMED_DONOR, type Purpose } from '../../../domain/fund';
import { rowsOf, type Db } from '../../platform/db/database';
import { errors } from '../../platform/errors';
import { unitNames } from '../admin-units/service';
import { presentCampaign } from './presenter';
import * as repo from './repo';
import type { PublicFund } from './schemas';
import { donationQr } from './vietqr';

const NATIONAL = { level: 'national' } as const;
const notReversed = sql`not exists (select 1 from fund_postings r where r.reversal_of = p.id)`;

/** Every fund, for the public list of disclosures. */
export async function publicFunds(db: Db) {
  const { items } = await repo.listFunds(db, NATIONAL, { limit: 500, offset: 0, sort: 'name', order: 'asc' });
  const names = await unitNames(
    db,
    items.map((f) => f.communeCode ?? f.provinceCode),
  );
  return {
    items: items.map((f) => ({ id: f.id, name: f.name, unitName: names.get(f.communeCode ?? f.provinceCode) ?? null })),
    total: items.length,
  };
}

/**
 * What a fund discloses to anyone (no login): campaigns and their progress, receipts (the names
 * of donors who consented, others as "Nhà hảo tâm"; a merged duplicate's receipts under its
 * survivor, by the survivor's consent), spending by purpose and by commune, how many
 * households were supported — never who they are — and the QR code to donate. Reversed postings
 * and what they cancelled are left out.
 */
export async function publicDisclosure(db: Db, id: string): Promise<PublicFund> {
  const fund = await repo.findFund(db, id, NATIONAL);
  if (!fund) throw errors.notFound('quỹ', 'Fund');
  const [receipts, byPurpose, byCommune, [supported], campaigns, names] = await Promise.all([
    db.execute(sql`
      select p.date::text as date, p.amount::bigint as amount, p.campaign_id as "campaignId",
             case when s.publish_name and s.name is not null then s.name else null end as name
      from fund_postings p ${repo.countedDonorJoin}
      where p.fund_id = ${id} and p.kind = 'receipt' and ${notReversed}
      order by p.date desc, p.seq desc limit 200`),
    db.execute(sql`
      select p.purpose, sum(p.amount)::bigint as amount, count(*)::int as count
      from fund_postings p where p.fund_id = ${id} and p.kind = 'expenditure' and ${notReversed}
      group by p.purpose order by 2 desc`),
    db.execute(sql`
      select p.beneficiary_commune_code as code, sum(p.amount)::bigint as amount, count(*)::int as count
      from fund_postings p where p.fund_id = ${id} and p.kind = 'expenditure' and ${notReversed}
      group by p.beneficiary_commune_code order by 2 desc`),
    db
      .execute(
        sql`select count(distinct p.household_id)::int as n from fund_postings p
            where p.fund_id = ${id} and p.kind = 'expenditure' and p.household_id is not null and ${notReversed}`,
      )
      .then((r) => rowsOf<{ n: number }>(r)),
    repo.campaignsOf(db, id),
    unitNames(db, [fund.communeCode ?? fund.provinceCode]),
  ]);
  const communes = rowsOf<{ code: string | null; amount: string; count: number }>(byCommune);
  const communeNames = await unitNames(
    db,
    communes.map((c) => c.code),
  );
  const totals = await repo.accountTotals(db, id);
  return {
    id: fund.id,
    name: fund.name,
    unitName: names.get(fund.communeCode ?? fund.provinceCode) ?? null,
    bankName: fund.bankName,
    accountNumber: fund.accountNumber,
    accountHolder: fund.accountHolder,
    balance: fund.balance,
    receiptsTotal: -(totals.get('donations') ?? 0),
    spentTotal: totals.get('spending') ?? 0,
    allocationsIn: -(totals.get('allocations_in') ?? 0),
    allocationsOut: totals.get('allocations_out') ?? 0,
    householdsSupported: supported?.n ?? 0,
    campaigns: campaigns.map(presentCampaign),
    receipts: rowsOf<{ date: string; amount: string; campaignId: string | null; name: string | null }>(receipts).map(
      (r) => ({ date: r.date, amount: Number(r.amount), campaignId: r.campaignId, donor: r.name ?? UNNAMED_DONOR }),
    ),
    spendingByPurpose: rowsOf<{ purpose: Purpose; amount: string; count: number }>(byPurpose).map((r) => ({
      purpose: r.purpose,
      amount: Number(r.amount),
      count: r.count,
    })),
    spendingByCommune: communes.map((c) => ({
      communeCode: c.code,
      name: c.code ? (communeNames.get(c.code) ?? c.code) : null,
      amount: Number(c.amount),
      count: c.count,
    })),
    qr: fund.bankBin && fund.accountNumber ? await donationQr(fund, null) : null,
  };
}
