import { randomUUID } from 'node:crypto';
import type { SQLWrapper } from 'drizzle-orm';
import { peakMonthContaining, peakMonthOf, transferReference } from '../../../domain/fund';
import { requireInScope, type Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import type { Db, Executor } from '../../platform/db/database';
import { errors, whenUniqueViolated } from '../../platform/errors';
import { requireCurrentUnit, unitNames } from '../admin-units/service';
import { getHousehold } from '../households/service';
import { mergedInto } from './donor-merge-repo';
import { fundArea, fundNotFound, fundPolicy, requirePostingOn } from './policy';
import { writePosting, type PlannedLine, type PostingLink } from './posting';
import { presentCampaign, presentDonor, presentFunds, presentPosting } from './presenter';
import * as repo from './repo';
import { receiptPdf } from './receipt-pdf';
import { fundReport, reportPdf, reportWorkbook } from './report';
import { pledgePaidBy, type PledgePayment } from './pledge-payment';
import { verifyLedger } from './verify';
import { donationQr } from './vietqr';
import type {
  AllocationCreateReq,
  CampaignCreateReq,
  DonorInput,
  DonorUpdateReq,
  ExpenditureCreateReq,
  FundDonorListReq,
  FundDonorView,
  FundCreateReq,
  PostingListReq,
  ReceiptCreateReq,
  ReversalCreateReq,
} from './schemas';
import { todayInVietnam } from '../../../domain/calendar';

const postingNotFound = () => errors.notFound('bút toán', 'Posting');
const campaignNotFound = (field: string) =>
  errors.invalid(field, 'Không tìm thấy đợt vận động của quỹ này.', 'No such campaign of this fund.');

/** A fund the user may read (their area's or one above it); 404 otherwise. */
export async function requireFund(db: Executor, actor: Actor, id: string) {
  const fund = await repo.findFund(db, id, actor.scope);
  if (!fund) throw fundNotFound();
  return fund;
}

/** A fund the user may post on (a posting itself checks this on the fund it locks). */
export async function requirePostable(db: Executor, actor: Actor, id: string) {
  const fund = await requireFund(db, actor, id);
  requirePostingOn(actor, fund);
  return fund;
}

// ——— funds

export async function listFunds(db: Db, actor: Actor, query: Parameters<typeof repo.listFunds>[2]) {
  const { items, total } = await repo.listFunds(db, actor.scope, query);
  return { items: await presentFunds(db, items, actor), total };
}

export async function getFund(db: Db, actor: Actor, id: string) {
  const [view] = await presentFunds(db, [await requireFund(db, actor, id)], actor);
  return view!;
}

export async function createFund(db: Db, actor: Actor, input: FundCreateReq) {
  const unit = await requireCurrentUnit(db, input.unitCode, 'unitCode');
  requireInScope(actor, unit.area);
  if (!fundPolicy.create(actor, unit.area)) throw errors.forbidden();
  const taken = () =>
    errors.conflict(
      'fund_exists',
      'Đơn vị này đã có Quỹ "Vì người nghèo".',
      'This unit already has a fund.',
      'unitCode',
    );
  return db
    .transaction(async (tx) => {
      if (await repo.findFundByUnit(tx, unit.area.provinceCode!, unit.area.communeCode)) throw taken();
      const fund = await repo.insertFund(tx, {
        provinceCode: unit.area.provinceCode!,
        communeCode: unit.area.communeCode,
        organisationId: input.organisationId ?? null,
        name: input.name,
        bankBin: input.bankBin ?? null,
        bankName: input.bankName ?? null,
        accountNumber: input.accountNumber ?? null,
        accountHolder: input.accountHolder ?? null,
      });
      const [view] = await presentFunds(tx, [fund], actor);
      await recordAudit(tx, actor, {
        action: 'fund.create',
        entity: 'fund',
        entityId: fund.id,
        area: fundArea(fund),
        after: view,
      });
      return view!;
    })
    .catch(whenUniqueViolated('funds_unit', taken));
}

export async function fundBalance(db: Db, actor: Actor, id: string) {
  const fund = await requireFund(db, actor, id);
  const totals = await repo.accountTotals(db, id);
  return {
    fundId: id,
    balance: fund.balance,
    receipts: -(totals.get('donations') ?? 0),
    expenditures: totals.get('spending') ?? 0,
    allocationsIn: -(totals.get('allocations_in') ?? 0),
    allocationsOut: totals.get('allocations_out') ?? 0,
    currency: 'VND' as const,
  };
}

// ——— campaigns

/**
 * The Peak Month for the Poor of `year` for the fund: it exists every year without anyone
 * creating it, so it is created the first time it is needed (idempotently, audited as the system).
 */
export async function ensurePeakMonth(tx: Executor, fund: repo.LockedFund, year: number) {
  // Every receipt of the Peak Month comes here, and only the first one creates it: the posting's
  // lock has read the fund's Peak Months already; else read first.
  const locked = fund.peakMonths?.[year];
  if (locked) return locked;
  const existing = await repo.findPeakMonth(tx, fund.id, year);
  if (existing) return existing.id;
  const peak = peakMonthOf(year);
  const created = await repo.insertPeakMonthIfMissing(tx, {
    fundId: fund.id,
    provinceCode: fund.provinceCode,
    communeCode: fund.communeCode,
    kind: 'peak_month',
    year,
    name: peak.name,
    startDate: peak.startDate,
    endDate: peak.endDate,
    reference: `TCD${year}`,
  });
  if (!created) return (await repo.findPeakMonth(tx, fund.id, year))!.id;
  await recordAudit(tx, null, {
    action: 'fund.campaign.create',
    entity: 'fund_campaign',
    entityId: created.id,
    area: fundArea(fund),
    after: { name: created.name, startDate: created.startDate, endDate: created.endDate },
  });
  return created.id;
}

export async function listCampaigns(db: Db, actor: Actor, fundId: string) {
  const fund = await requireFund(db, actor, fundId);
  const year = Number(todayInVietnam().slice(0, 4));
  await db.transaction((tx) => ensurePeakMonth(tx, fund, year));
  const items = (await repo.campaignsOf(db, fund.id)).map(presentCampaign);
  return { items, total: items.length };
}

export async function createCampaign(db: Db, actor: Actor, fundId: string, input: CampaignCreateReq) {
  const fund = await requirePostable(db, actor, fundId);
  return db.transaction(async (tx) => {
    const created = await repo.insertCampaign(tx, {
      fundId: fund.id,
      provinceCode: fund.provinceCode,
      communeCode: fund.communeCode,
      kind: 'other',
      year: null,
      name: input.name,
      startDate: input.startDate,
      endDate: input.endDate,
      targetAmount: input.targetAmount ?? null,
      reference: transferReference(input.name, input.startDate),
    });
    const view = presentCampaign({ ...created, raised: 0, spent: 0, balance: 0, receipts: 0 });
    await recordAudit(tx, actor, {
      action: 'fund.campaign.create',
      entity: 'fund_campaign',
      entityId: created.id,
      area: fundArea(fund),
      after: view,
    });
    return view;
  });
}

export async function getCampaign(db: Db, actor: Actor, id: string) {
  const campaign = await repo.findCampaign(db, id);
  if (!campaign) throw errors.notFound('đợt vận động', 'Campaign');
  await requireFund(db, actor, campaign.fundId);
  return presentCampaign(campaign);
}

/**
 * The campaign a posting names: one of this fund's. A receipt that names none (the field absent,
 * not null) and falls in a Peak Month joins that year's Peak Month.
 */
async function campaignFor(tx: Executor, fund: repo.LockedFund, id: string | null | undefined, date: string | null) {
  if (id) {
    if ((await repo.campaignFundId(tx, id)) !== fund.id) throw campaignNotFound('campaignId');
    return id;
  }
  const year = id === undefined && date ? peakMonthContaining(date) : null;
  if (year === null) return null;
  return ensurePeakMonth(tx, fund, year);
}

// ——— donors

export async function listDonors(db: Db, actor: Actor, query: Parameters<typeof repo.listDonors>[2]) {
  const { items, total } = await repo.listDonors(db, actor.scope, query);
  return { items: items.map(presentDonor), total };
}

/** The units a fund belongs to: a donor entered with its receipt belongs to them, a beneficiary is checked against them. */
type FundUnits = Pick<repo.FundRow, 'provinceCode' | 'communeCode'>;

/** A new donor's row, its id chosen here so that a receipt can write it in its own statement. */
export function donorRow(fund: FundUnits, input: DonorInput): repo.NewDonorRow {
  return {
    id: randomUUID(),
    provinceCode: fund.provinceCode,
    communeCode: fund.communeCode,
    kind: input.kind,
    name: input.kind === 'anonymous' ? null : (input.name ?? null),
    phone: input.phone ?? null,
    email: input.email ?? null,
    address: input.address ?? null,
    publishName: input.kind !== 'anonymous' && (input.publishName ?? false),
  };
}

export async function createDonor(db: Db, actor: Actor, input: DonorInput & { fundId: string }) {
  const fund = await requirePostable(db, actor, input.fundId);
  return db.transaction(async (tx) => {
    const donor = presentDonor(await repo.insertDonor(tx, donorRow(fund, input)));
    await recordAudit(tx, actor, {
      action: 'fund.donor.create',
      entity: 'fund_donor',
      entityId: donor.id,
      area: fundArea(fund),
      after: donor,
    });
    return donor;
  });
}

/** The donors of a fund's unit, searchable by name, phone or e-mail, with what each gave. */
export async function listFundDonors(db: Db, actor: Actor, fundId: string, query: FundDonorListReq) {
  const fund = await requireFund(db, actor, fundId);
  const { items, total } = await repo.listFundDonors(db, fund, query);
  return { items: await presentFundDonors(db, items), total };
}

/** Donors with what they gave, each with the duplicates merged into it (to be split off again if wrong). */
export async function presentFundDonors(
  db: Executor,
  rows: { donor: repo.DonorRow; receipts: number; given: number; lastDate: string | null }[],
): Promise<FundDonorView[]> {
  const merged = await mergedInto(
    db,
    rows.map((r) => r.donor.id),
  );
  return rows.map((r) => ({
    ...presentDonor(r.donor),
    receipts: r.receipts,
    given: r.given,
    lastDate: r.lastDate,
    merged: merged.filter((m) => m.mergedInto === r.donor.id).map(({ id, name, version }) => ({ id, name, version })),
  }));
}

/**
 * Correct a donor's contact details or consent to be named, by the officers who keep the fund of
 * the donor's unit. The public page names donors by their consent as it is now; the receipts
 * already written keep the name they were written with (the ledger never changes).
 */
export async function updateDonor(db: Db, actor: Actor, id: string, input: DonorUpdateReq) {
  return db.transaction(async (tx) => {
    const row = await repo.lockDonor(tx, id, actor.scope);
    if (!row) throw errors.notFound('nhà hảo tâm', 'Donor');
    requirePostingOn(actor, row);
    if (row.version !== input.version) throw errors.staleVersion();
    const anonymous = row.kind === 'anonymous';
    if (anonymous && (input.name || input.publishName)) {
      throw errors.invalid(
        'name',
        'Nhà hảo tâm ẩn danh không có tên để ghi hay công khai.',
        'An anonymous donor has no name to record or publish.',
      );
    }
    if (!anonymous && !input.name) {
      throw errors.invalid('name', 'Cần tên nhà hảo tâm (trừ ẩn danh)', 'The donor’s name is required.');
    }
    const updated = await repo.updateDonor(tx, id, input.version, {
      name: input.name ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      address: input.address ?? null,
      publishName: input.publishName,
    });
    if (!updated) throw errors.staleVersion();
    const view = presentDonor(updated);
    await recordAudit(tx, actor, {
      action: 'fund.donor.update',
      entity: 'fund_donor',
      entityId: id,
      area: fundArea(row),
      before: presentDonor(row),
      after: view,
    });
    return view;
  });
}

// ——— postings

/** Lock a fund in a caller's transaction ahead of the postings it will make there (as each posting locks it). */
export async function lockFund(tx: Executor, actor: Actor, fundId: string) {
  await repo.claimAndLockFunds(tx, [fundId], null, actor.scope);
}

export async function postReceipt(
  db: Db,
  actor: Actor,
  fundId: string,
  input: ReceiptCreateReq,
  idempotencyKey?: string,
  linked?: PostingLink,
) {
  // The fund is authorised by the posting, on the row it locks: a receipt costs no read before.
  const known = input.donorId ? await repo.findDonor(db, input.donorId, actor.scope) : undefined;
  if (input.donorId && !known) throw errors.invalid('donorId', 'Không tìm thấy nhà hảo tâm.', 'Donor not found.');
  const pledge = input.pledgeId ? await pledgePaidBy(db, fundId, input) : null;
  return writeReceipt(db, actor, fundId, {
    input,
    donor: known ?? { entered: input.donor! },
    pledge,
    campaignId: (tx, locked) => campaignFor(tx, locked, input.campaignId ?? pledge?.campaignId, input.date),
    idempotencyKey,
    linked,
  });
}

/** A receipt whose fund, donor, pledge and campaign are settled (by the receipts API or, a file at once, the statement import). */
export interface SettledReceipt {
  input: Pick<ReceiptCreateReq, 'amount' | 'date' | 'method' | 'items' | 'description'>;
  /** A donor on record, or one entered with the receipt (written in its statement, recorded in its audit event). */
  donor: Pick<repo.DonorRow, 'id' | 'kind' | 'name'> | { entered: DonorInput };
  pledge: PledgePayment | null;
  /** Its campaign, given the fund as the posting's lock read it (with its Peak Months). */
  campaignId(tx: Executor, locked: repo.LockedFund): Promise<string | null>;
  /** Rows written in the posting's statement besides it (the statement line it records). */
  alongside?(tx: Executor, postingId: string): SQLWrapper[];
  idempotencyKey?: string;
  linked?: PostingLink;
}

/** A settled receipt through the one posting path. */
export function writeReceipt(db: Db, actor: Actor, fundId: string, receipt: SettledReceipt) {
  const { input, pledge } = receipt;
  return writePosting(db, actor, {
    action: 'fund.receipt',
    fundId,
    fundIds: [fundId],
    idempotencyKey: receipt.idempotencyKey,
    request: { fundId, input },
    linked: receipt.linked,
    plan: async (tx, locked, postingId) => {
      const fund = locked.get(fundId)!;
      const entered = 'entered' in receipt.donor ? donorRow(fund, receipt.donor.entered) : null;
      const donor = 'entered' in receipt.donor ? entered! : receipt.donor;
      const campaignId = await receipt.campaignId(tx, fund);
      await pledge?.check(tx, input.amount);
      return {
        kind: 'receipt',
        inserts: [
          ...(entered ? [repo.donorInsert(tx, entered)] : []),
          ...(pledge ? [pledge.link(tx, postingId)] : []),
          ...(receipt.alongside?.(tx, postingId) ?? []),
        ],
        date: input.date,
        amount: input.amount,
        lines: [
          { fundId, account: 'cash', campaignId, amount: input.amount },
          { fundId, account: 'donations', campaignId, amount: -input.amount },
        ],
        fields: {
          method: input.method,
          inKindItems: input.method === 'in_kind' ? input.items : null,
          campaignId,
          donorId: donor.id,
          donorKind: donor.kind,
          donorName: donor.name,
          description: input.description ?? null,
        },
      };
    },
  });
}

export async function postExpenditure(
  db: Db,
  actor: Actor,
  fundId: string,
  input: ExpenditureCreateReq,
  idempotencyKey?: string,
  linked?: PostingLink,
) {
  // The fund is authorised by the posting, on the row it locks: a spending costs no read before.
  return writePosting(db, actor, {
    action: 'fund.expenditure',
    fundId,
    fundIds: [fundId],
    idempotencyKey,
    linked,
    request: { fundId, input },
    plan: async (tx, locked) => {
      const fund = locked.get(fundId)!;
      const campaignId = await campaignFor(tx, fund, input.campaignId ?? null, null);
      return {
        kind: 'expenditure',
        date: input.date,
        amount: input.amount,
        lines: [
          { fundId, account: 'spending', campaignId, amount: input.amount },
          { fundId, account: 'cash', campaignId, amount: -input.amount },
        ],
        fields: {
          purpose: input.purpose,
          householdId: input.householdId ?? null,
          beneficiaryCommuneCode: input.householdId
            ? await beneficiaryCommune(tx, actor, fund, input.householdId)
            : fund.communeCode,
          campaignId,
          decisionNumber: input.decisionNumber,
          description: input.description ?? null,
        },
      };
    },
  });
}

/** The commune of a household a fund spends on: one of the fund's area, or the request names no household. */
async function beneficiaryCommune(tx: Executor, actor: Actor, fund: FundUnits, householdId: string) {
  const household = await getHousehold(tx, actor, householdId).catch(() => null);
  if (
    !household ||
    household.provinceCode !== fund.provinceCode ||
    (fund.communeCode && household.communeCode !== fund.communeCode)
  ) {
    throw errors.invalid(
      'householdId',
      'Không tìm thấy hộ này trong địa bàn của quỹ.',
      'No such household in the fund’s area.',
    );
  }
  return household.communeCode;
}

export async function postAllocation(
  db: Db,
  actor: Actor,
  fundId: string,
  input: AllocationCreateReq,
  idempotencyKey?: string,
) {
  const fund = await requirePostable(db, actor, fundId);
  const to = await repo.findFund(db, input.toFundId, { level: 'province', provinceCode: fund.provinceCode });
  if (!to || to.id === fund.id) {
    throw errors.invalid(
      'toFundId',
      'Quỹ nhận phải là một quỹ khác trong cùng tỉnh.',
      'The receiving fund must be another fund of the same province.',
    );
  }
  return writePosting(db, actor, {
    action: 'fund.allocation',
    fundId: fund.id,
    fundIds: [fund.id, to.id],
    idempotencyKey,
    request: { fundId, input },
    plan: async () => ({
      kind: 'allocation',
      date: input.date,
      amount: input.amount,
      lines: [
        { fundId: fund.id, account: 'allocations_out', campaignId: null, amount: input.amount },
        { fundId: fund.id, account: 'cash', campaignId: null, amount: -input.amount },
        { fundId: to.id, account: 'cash', campaignId: null, amount: input.amount },
        { fundId: to.id, account: 'allocations_in', campaignId: null, amount: -input.amount },
      ],
      fields: {
        toFundId: to.id,
        beneficiaryCommuneCode: to.communeCode,
        decisionNumber: input.decisionNumber,
        description: input.description ?? null,
      },
    }),
  });
}

/**
 * Cancel a posting by its mirror image (the only correction there is): never a reversal, never
 * twice, and not when it would take a fund or campaign below zero (a spent receipt).
 */
export async function reversePosting(
  db: Db,
  actor: Actor,
  id: string,
  input: ReversalCreateReq,
  idempotencyKey?: string,
  linked?: PostingLink,
) {
  const original = await repo.findPosting(db, id, actor.scope);
  if (!original) throw postingNotFound();
  const fund = await requirePostable(db, actor, original.fundId);
  const lines = await repo.linesOf(db, [original.id]);
  const reversed = () =>
    errors.conflict('already_reversed', 'Bút toán này đã bị hủy trước đó.', 'This posting was already reversed.');
  return writePosting(db, actor, {
    action: 'fund.reversal',
    fundId: fund.id,
    fundIds: [...new Set(lines.map((l) => l.fundId))],
    idempotencyKey,
    linked,
    request: { id, input },
    plan: async (tx) => {
      const current = await repo.findPosting(tx, id, actor.scope);
      if (current!.kind === 'reversal') {
        throw errors.conflict(
          'reversal_of_reversal',
          'Không thể hủy một bút toán hủy; hãy ghi bút toán mới.',
          'A reversal cannot be reversed; post anew.',
        );
      }
      if (current!.reversedBy) throw reversed();
      return {
        kind: 'reversal',
        date: input.date ?? todayInVietnam(),
        amount: original.amount,
        lines: lines.map((l): PlannedLine => ({
          fundId: l.fundId,
          account: l.account as PlannedLine['account'],
          campaignId: l.campaignId,
          amount: -l.amount,
        })),
        fields: {
          reversalOf: original.id,
          reason: input.reason,
          campaignId: original.campaignId,
          purpose: original.purpose,
          householdId: original.householdId,
          beneficiaryCommuneCode: original.beneficiaryCommuneCode,
          toFundId: original.toFundId,
          donorId: original.donorId,
          donorKind: original.donorKind,
          donorName: original.donorName,
        },
      };
    },
  }).catch(whenUniqueViolated('fund_postings_reversal_of', reversed));
}

export async function listPostings(db: Db, actor: Actor, fundId: string, query: PostingListReq) {
  const fund = await requireFund(db, actor, fundId);
  const { items, total } = await repo.listPostings(db, fund.id, query);
  return { items: items.map(presentPosting), total };
}

export async function getPosting(db: Db, actor: Actor, id: string) {
  const row = await repo.findPosting(db, id, actor.scope);
  if (!row) throw postingNotFound();
  return presentPosting(row);
}

export async function fundVietQr(
  db: Db,
  actor: Actor | null,
  fundId: string,
  query: { campaignId?: string; amount?: number },
) {
  const fund = await repo.findFund(db, fundId, actor?.scope ?? { level: 'national' });
  if (!fund) throw fundNotFound();
  let campaign = null;
  if (query.campaignId) {
    campaign = await repo.findCampaign(db, query.campaignId);
    if (!campaign || campaign.fundId !== fund.id) throw campaignNotFound('querystring.campaignId');
  }
  return donationQr(fund, campaign, query.amount);
}

export async function ledgerVerification(db: Db, actor: Actor) {
  if (!fundPolicy.verify(actor)) throw errors.forbidden();
  return verifyLedger(db, actor.scope);
}

/** The receipt (biên lai) of a receipt posting, as PDF; a reversed one says "ĐÃ HỦY". */
export async function receiptDocument(db: Db, actor: Actor, id: string) {
  const row = await repo.findPosting(db, id, actor.scope);
  if (!row) throw postingNotFound();
  if (row.kind !== 'receipt') {
    throw errors.conflict(
      'not_a_receipt',
      'Bút toán này không phải khoản thu, không có biên lai.',
      'This posting is not a receipt.',
    );
  }
  const fund = await requireFund(db, actor, row.fundId);
  const names = await unitNames(db, [fund.communeCode ?? fund.provinceCode]);
  const unit = names.get(fund.communeCode ?? fund.provinceCode) ?? '';
  const campaign = row.campaignId ? await repo.findCampaign(db, row.campaignId) : undefined;
  const reversal = row.reversedBy ? await repo.findPosting(db, row.reversedBy, { level: 'national' }) : undefined;
  const pdf = await receiptPdf({
    posting: presentPosting(row),
    fundName: fund.name,
    place: unit.replace(/^(Xã|Phường|Tỉnh|Thành phố)/u, (w) => w.toLowerCase()),
    campaignName: campaign?.name ?? null,
    reversal: reversal ? { date: reversal.date, reason: reversal.reason } : null,
  });
  return { pdf, fileName: `bien-lai-${presentPosting(row).receiptNumber}.pdf` };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The fund's report for a period, as PDF or Excel. */
export async function fundReportDocument(
  db: Db,
  actor: Actor,
  id: string,
  query: { from: string; to: string; format: 'pdf' | 'xlsx' },
) {
  const fund = await requireFund(db, actor, id);
  const report = await fundReport(db, fund, query.from, query.to);
  const name = `bao-cao-quy-${query.from}-${query.to}.${query.format}`;
  return query.format === 'xlsx'
    ? { body: await reportWorkbook(report), type: XLSX, name }
    : { body: await reportPdf(report), type: 'application/pdf', name };
}
