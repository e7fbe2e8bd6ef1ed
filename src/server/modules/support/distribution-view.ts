/**
 * Distributions (đợt phát) read back as one thing: the list of the caller's area, one
 * distribution with who received what, and its recipients as an Excel list. Its households and
 * value are those of its supports still in force, so a support cancelled afterwards no longer
 * counts here either.
 */
import { scopeCovers } from '../../../domain/access';
import { vietnameseDate } from '../../../domain/calendar';
import { BUILT_IN_SOURCES, distributionTitle, SUPPORT_KIND_LABELS, type SupportKind } from '../../../domain/support';
import type { Actor } from '../../platform/access';
import type { Db } from '../../platform/db/database';
import { AppError, errors } from '../../platform/errors';
import { requireCurrentUnit, unitNames } from '../admin-units/service';
import { getCampaign, getFund } from '../fund/service';
import { XLSX_TYPE } from '../registry-excel/schemas';
import { tableWorkbook } from '../registry-excel/table-workbook';
import { supportPolicy } from './policy';
import * as repo from './repo';
import type { DistributionDetail, DistributionListReq, DistributionSummary } from './schemas';

const notFound = () => errors.notFound('đợt phát', 'Distribution');

function summary(r: repo.ListedDistribution, communes: ReadonlyMap<string, string>): DistributionSummary {
  const d = r.distribution;
  const facts = { kind: d.kind as SupportKind, date: d.date, households: r.inForce, totalValue: r.inForceValue };
  return {
    id: d.id,
    provinceCode: d.provinceCode,
    communeCode: d.communeCode,
    communeName: communes.get(d.communeCode) ?? d.communeCode,
    ...facts,
    sourceCode: d.sourceCode,
    decisionNumber: d.decisionNumber,
    fundId: d.fundId,
    campaignId: d.campaignId,
    cancelled: r.cancelled,
    title: distributionTitle(facts, 'vi'),
  };
}

export async function listDistributions(db: Db, actor: Actor, query: DistributionListReq) {
  if (query.commune) {
    const commune = await requireCurrentUnit(db, query.commune, 'querystring.commune', 'commune');
    if (!scopeCovers(actor.scope, commune.area)) throw errors.outOfScope();
  }
  const { items, total } = await repo.listDistributions(db, actor.scope, query);
  const communes = await unitNames(
    db,
    items.map((r) => r.distribution.communeCode),
  );
  return { items: items.map((r) => summary(r, communes)), total };
}

/** The name of the paying fund or campaign; null where the caller may not read it. */
const nameOr = (read: Promise<{ name: string }>) =>
  read.then(
    (r) => r.name,
    (e: unknown) => {
      if (e instanceof AppError && e.code === 'not_found') return null;
      throw e;
    },
  );

async function requireDistribution(db: Db, actor: Actor, id: string) {
  const row = await repo.findDistributionInScope(db, id, actor.scope);
  if (!row) throw notFound();
  return row;
}

/** One distribution inside the caller's area as the list shows it, without its recipients (a task's evidence). */
export async function getDistributionSummary(db: Db, actor: Actor, id: string): Promise<DistributionSummary> {
  const row = await requireDistribution(db, actor, id);
  return summary(row, await unitNames(db, [row.distribution.communeCode]));
}

/** One distribution inside the caller's area, with every household it reached (cancelled ones marked). */
export async function getDistribution(db: Db, actor: Actor, id: string): Promise<DistributionDetail> {
  const row = await requireDistribution(db, actor, id);
  const d = row.distribution;
  const [communes, recipients, fundName, campaignName] = await Promise.all([
    unitNames(db, [d.communeCode]),
    repo.distributionRecipients(db, id, actor.scope),
    d.fundId ? nameOr(getFund(db, actor, d.fundId)) : null,
    d.campaignId ? nameOr(getCampaign(db, actor, d.campaignId)) : null,
  ]);
  const details = supportPolicy.seeDetails(actor);
  return {
    ...summary(row, communes),
    fundName,
    campaignName,
    recipients: recipients.map((r) => ({
      supportId: r.record.id,
      householdId: r.record.householdId,
      householdCode: r.householdCode,
      headName: r.headName,
      memberName: r.memberName,
      value: r.record.value,
      note: details ? r.record.note : null,
      cancelled: r.record.cancelledAt !== null,
    })),
  };
}

/** The recipients as an Excel list headed by what was handed out, where, when and on whose decision. */
export async function distributionSheet(db: Db, actor: Actor, id: string) {
  const d = await getDistribution(db, actor, id);
  const source = BUILT_IN_SOURCES.find((s) => s.code === d.sourceCode)?.name.vi ?? d.sourceCode;
  const paidBy = [d.fundName, d.campaignName].filter(Boolean).join(' — ');
  const body = await tableWorkbook([
    {
      name: 'Danh sách nhận',
      title: `Danh sách hộ nhận: ${d.title}`,
      lines: [
        `Xã/phường: ${d.communeName}. Ngày phát: ${vietnameseDate(d.date)}.`,
        `Nguồn: ${source}${paidBy ? ` (${paidBy})` : ''}. Quyết định: ${d.decisionNumber ?? 'không ghi'}.`,
      ],
      header: ['STT', 'Mã hộ', 'Chủ hộ', 'Người nhận', 'Giá trị (đồng)', 'Ghi chú', 'Tình trạng'],
      rows: d.recipients.map((r, i) => [
        i + 1,
        r.householdCode,
        r.headName,
        r.memberName ?? r.headName,
        r.value,
        r.note,
        r.cancelled ? 'Đã hủy' : 'Đã nhận',
      ]),
      widths: [6, 16, 26, 26, 16, 30, 12],
    },
  ]);
  const kind = SUPPORT_KIND_LABELS[d.kind].vi;
  return { name: `Danh sách nhận ${kind} ${d.date}.xlsx`, type: XLSX_TYPE, body };
}
