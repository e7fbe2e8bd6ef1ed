import { sql } from 'drizzle-orm';
import { DONOR_KIND_LABELS, formatVnd, PURPOSE_LABELS, type DonorKind, type Purpose } from '../../../domain/fund';
import { rowsOf, type Executor } from '../../platform/db/database';
import { unitNames } from '../admin-units/service';
import ExcelJS from '../registry-excel/exceljs';
import { officialHeader, renderPdf } from './pdf';
import { countedDonorJoin, type FundRow } from './repo';

/**
 * The fund's report for a period: opening balance, receipts by campaign and by kind of donor,
 * spending by purpose and by commune, allocations, closing balance. Read from the lines, so a
 * reversal counts on its own date, against the same campaign, donor kind, purpose and commune as
 * the posting it cancels; a merged duplicate's receipts count under its survivor's kind.
 */
export interface FundReport {
  fundName: string;
  unitName: string;
  from: string;
  to: string;
  opening: number;
  closing: number;
  receipts: number;
  spent: number;
  allocationsIn: number;
  allocationsOut: number;
  byCampaign: { name: string; amount: number }[];
  byDonorKind: { kind: DonorKind; amount: number }[];
  byPurpose: { purpose: Purpose; amount: number }[];
  byCommune: { name: string; amount: number }[];
}

export async function fundReport(db: Executor, fund: FundRow, from: string, to: string): Promise<FundReport> {
  const inPeriod = sql`p.fund_id = ${fund.id} and p.date between ${from}::date and ${to}::date`;
  const sum = (account: string, extra = sql``) => sql`
    select coalesce(sum(l.amount), 0)::bigint as amount ${extra}
    from fund_posting_lines l join fund_postings p on p.id = l.posting_id
    where l.fund_id = ${fund.id} and l.account = ${account} and p.date between ${from}::date and ${to}::date`;
  const results = await Promise.all(
    [
      db.execute(sql`select coalesce(sum(l.amount), 0)::bigint as amount from fund_posting_lines l
        join fund_postings p on p.id = l.posting_id where l.fund_id = ${fund.id} and l.account = 'cash' and p.date < ${from}::date`),
      db.execute(sql`select coalesce(sum(l.amount), 0)::bigint as amount from fund_posting_lines l
        join fund_postings p on p.id = l.posting_id where l.fund_id = ${fund.id} and l.account = 'cash' and p.date <= ${to}::date`),
      db.execute(sum('donations')),
      db.execute(sum('spending')),
      db.execute(sum('allocations_in')),
      db.execute(sum('allocations_out')),
      db.execute(sql`select coalesce(c.name, '') as key, -sum(l.amount)::bigint as amount
        from fund_posting_lines l join fund_postings p on p.id = l.posting_id left join fund_campaigns c on c.id = p.campaign_id
        where l.account = 'donations' and ${inPeriod} group by 1 order by 2 desc`),
      db.execute(sql`select coalesce(s.kind, p.donor_kind) as key, -sum(l.amount)::bigint as amount
        from fund_posting_lines l join fund_postings p on p.id = l.posting_id ${countedDonorJoin}
        where l.account = 'donations' and ${inPeriod} group by 1 order by 2 desc`),
      db.execute(sql`select p.purpose as key, sum(l.amount)::bigint as amount
        from fund_posting_lines l join fund_postings p on p.id = l.posting_id
        where l.account = 'spending' and ${inPeriod} group by 1 order by 2 desc`),
      db.execute(sql`select p.beneficiary_commune_code as key, sum(l.amount)::bigint as amount
        from fund_posting_lines l join fund_postings p on p.id = l.posting_id
        where l.account = 'spending' and ${inPeriod} group by 1 order by 2 desc`),
    ].map((q) => q.then((r) => rowsOf<{ key: string | null; amount: string }>(r))),
  );
  const at = (i: number) => results[i]!;
  const [byCampaign, byDonor, byPurpose, byCommune] = [at(6), at(7), at(8), at(9)];
  const [opening, closing, received, spent, allocIn, allocOut] = [0, 1, 2, 3, 4, 5].map((i) => at(i)[0]);
  const n = (row: { amount: string } | undefined) => Number(row?.amount ?? 0);
  const communes = byCommune.filter((r) => Number(r.amount) !== 0);
  const names = await unitNames(db, [fund.communeCode ?? fund.provinceCode, ...communes.map((c) => c.key)]);
  const unitName = names.get(fund.communeCode ?? fund.provinceCode) ?? '';
  const nonZero = <T extends { amount: string }>(rows: T[]) => rows.filter((r) => Number(r.amount) !== 0);
  return {
    fundName: fund.name,
    unitName,
    from,
    to,
    opening: n(opening),
    closing: n(closing),
    receipts: -n(received),
    spent: n(spent),
    allocationsIn: -n(allocIn),
    allocationsOut: n(allocOut),
    byCampaign: nonZero(byCampaign).map((r) => ({
      name: r.key || 'Không thuộc đợt vận động nào',
      amount: Number(r.amount),
    })),
    byDonorKind: nonZero(byDonor).map((r) => ({ kind: (r.key ?? 'anonymous') as DonorKind, amount: Number(r.amount) })),
    byPurpose: nonZero(byPurpose).map((r) => ({ purpose: (r.key ?? 'other') as Purpose, amount: Number(r.amount) })),
    byCommune: communes.map((r) => ({
      name: r.key ? (names.get(r.key) ?? r.key) : unitName,
      amount: Number(r.amount),
    })),
  };
}

const dmy = (date: string) => date.split('-').reverse().join('/');

/** The report's rows, as both the workbook and the PDF lay them out: [label, amount, bold?]. */
function reportRows(r: FundReport): [string, number | null, boolean][] {
  return [
    ['I. Số dư đầu kỳ', r.opening, true],
    ['II. Thu trong kỳ', r.receipts, true],
    ...r.byCampaign.map((c): [string, number, boolean] => [`   Theo đợt vận động: ${c.name}`, c.amount, false]),
    ...r.byDonorKind.map((d): [string, number, boolean] => [
      `   Theo nhà hảo tâm: ${DONOR_KIND_LABELS[d.kind].vi}`,
      d.amount,
      false,
    ]),
    ['III. Nhận điều chuyển từ quỹ khác', r.allocationsIn, true],
    ['IV. Chi trong kỳ', r.spent, true],
    ...r.byPurpose.map((p): [string, number, boolean] => [
      `   Theo mục đích: ${PURPOSE_LABELS[p.purpose].vi}`,
      p.amount,
      false,
    ]),
    ...r.byCommune.map((c): [string, number, boolean] => [`   Theo địa bàn: ${c.name}`, c.amount, false]),
    ['V. Điều chuyển sang quỹ khác', r.allocationsOut, true],
    ['VI. Số dư cuối kỳ (I + II + III − IV − V)', r.closing, true],
  ];
}

const TITLE = 'BÁO CÁO THU, CHI QUỸ "VÌ NGƯỜI NGHÈO"';
const period = (r: FundReport) => `Từ ngày ${dmy(r.from)} đến ngày ${dmy(r.to)}`;

export async function reportWorkbook(r: FundReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Báo cáo');
  sheet.columns = [{ width: 70 }, { width: 22 }];
  sheet.addRow([r.fundName]).font = { bold: true };
  sheet.addRow([TITLE]).font = { bold: true, size: 14 };
  sheet.addRow([period(r)]);
  sheet.addRow([]);
  sheet.addRow(['Nội dung', 'Số tiền (đồng)']).font = { bold: true };
  for (const [label, amount, bold] of reportRows(r)) {
    const row = sheet.addRow([label, amount]);
    row.getCell(2).numFmt = '#,##0';
    if (bold) row.font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function reportPdf(r: FundReport): Promise<Buffer> {
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [56, 40, 40, 40],
    info: { title: `${TITLE} ${period(r)}`, creator: 'Chung Tay' },
    content: [
      officialHeader(`Ủy ban MTTQ Việt Nam ${r.unitName}`, r.fundName),
      { text: TITLE, bold: true, fontSize: 14, alignment: 'center', margin: [0, 20, 0, 2] },
      { text: period(r), italics: true, alignment: 'center', margin: [0, 0, 0, 12] },
      {
        table: {
          headerRows: 1,
          widths: ['*', 'auto'],
          body: [
            [
              { text: 'Nội dung', bold: true },
              { text: 'Số tiền', bold: true, alignment: 'right' },
            ],
            ...reportRows(r).map(([label, amount, bold]) => [
              { text: label, bold, preserveLeadingSpaces: true },
              { text: amount === null ? '' : formatVnd(amount), bold, alignment: 'right' as const },
            ]),
          ],
        },
        layout: 'lightHorizontalLines',
      },
    ],
  });
}
