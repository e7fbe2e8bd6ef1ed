import { sql } from 'drizzle-orm';
import ExcelJS from '../../src/server/modules/registry-excel/exceljs';
import type { Db } from '../../src/server/platform/db/database';
import { buildFund, THACH_HA } from './factories';

/**
 * A household's assessment for a list year, written as the review would leave it: the category,
 * the deprived indicators and the income — enough for targeting views to read.
 */
export async function assess(
  db: Db,
  household: { id: string; provinceCode: string; communeCode: string },
  attrs: { year: number; category: string; deprivations?: string[]; income?: number },
) {
  const deprivations = attrs.deprivations ?? [];
  await db.execute(sql`insert into household_assessments (household_id, province_code, commune_code, year, standard_id,
      standard_version, source, survey_date, area, income_per_capita_monthly, indicators, deprivations, deprivation_count,
      category, rule)
    values (${household.id}, ${household.provinceCode}, ${household.communeCode}, ${attrs.year}, '2022-2025', 1,
      'import', ${`${attrs.year - 1}-11-15`}, 'rural', ${attrs.income ?? 1_200_000}, '{}'::jsonb,
      ${sql`array[${sql.join(
        deprivations.map((d) => sql`${d}`),
        sql`, `,
      )}]::text[]`}, ${deprivations.length}, ${attrs.category}, 'imported')`);
}

/** A distribution list as an officer types it in Excel: a header row, then one row per household. */
export async function distributionWorkbook(
  rows: (string | number | null)[][],
  header = ['Mã hộ', 'Giá trị (đồng)', 'Thành viên', 'Ghi chú'],
) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A commune fund of Thạch Hà holding `amount` given by a business on `date` (receipt posted by `officer`). */
export async function fundedCommuneFund(
  db: Db,
  officer: { post(url: string, payload?: unknown): Promise<{ statusCode: number; body: string }> },
  amount: number,
  date: string,
) {
  const fund = await buildFund(db, { unitCode: THACH_HA });
  const res = await officer.post(`/api/funds/${fund.id}/receipts`, {
    amount,
    date,
    method: 'bank',
    donor: { kind: 'business', name: 'Công ty TNHH Hồng Lĩnh', publishName: true },
  });
  if (res.statusCode !== 201) throw new Error(`receipt: ${res.statusCode} ${res.body}`);
  return fund.id;
}
