import { sql } from 'drizzle-orm';
import ExcelJS from '../../src/server/modules/registry-excel/exceljs';
import type { Db } from '../../src/server/platform/db/database';

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
