import type { Worksheet } from 'exceljs';
import { vietnameseDate } from '../../../domain/calendar';
import { cellValue, rollupTables, type RollupTable } from '../../../domain/review/rollup';
import ExcelJS from '../registry-excel/exceljs';
import type { RollupView } from './rollup-schemas';

/**
 * The roll-up as the workbook users know from the report forms: one sheet per table, a title,
 * the unit and year, a two-row header (merged groups over their columns) with the forms' column
 * numbers, a row per commune (two for the movement tables: households, persons) and the total.
 */

const BORDER = { style: 'thin' } as const;
const BORDERS = { top: BORDER, left: BORDER, bottom: BORDER, right: BORDER };
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const;
const SOURCE = { decision: 'Quyết định', assessments: 'Kết quả đánh giá (chưa có quyết định)' } as const;

export async function rollupWorkbook(view: RollupView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Chung Tay';
  const tables = rollupTables(
    view.indicators.map((i) => ({ key: i.key, name: { vi: i.vi, en: i.en } })),
    view.ethnicities,
  );
  for (const table of tables) writeTable(workbook.addWorksheet(table.name.vi), table, view);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Leading columns before the figures: STT, commune, source (and households/persons where split). */
function leading(table: RollupTable) {
  return table.householdsAndPersons
    ? ['STT', 'Đơn vị', 'Nguồn số liệu', 'Chỉ tiêu']
    : ['STT', 'Đơn vị', 'Nguồn số liệu'];
}

function writeTable(sheet: Worksheet, table: RollupTable, view: RollupView) {
  const lead = leading(table);
  const width = lead.length + table.columns.length;
  const title = (text: string, bold: boolean) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.font = { bold, size: bold ? 13 : 11 };
    row.alignment = { horizontal: 'center' };
  };
  title(`${table.title.vi} NĂM ${view.year}`, true);
  title(
    `(Rà soát định kỳ năm ${view.year}, danh sách năm ${view.listYear}; biến động so với danh sách năm ${view.previousListYear}) — ${view.provinceName}`,
    false,
  );
  title(`Số liệu ngày ${vietnameseDate(view.today)}`, false);
  // Two header rows: a group spans its run of columns; a column without a group spans both rows.
  const top = sheet.addRow([...lead, ...table.columns.map((c) => c.group?.vi ?? c.label.vi)]);
  const bottom = sheet.addRow([...lead, ...table.columns.map((c) => c.label.vi)]);
  const numbers = sheet.addRow([...lead.map(() => ''), ...table.columns.map((c) => c.number ?? '')]);
  lead.forEach((_, i) => sheet.mergeCells(top.number, i + 1, bottom.number, i + 1));
  for (let i = 0; i < table.columns.length;) {
    const group = table.columns[i]!.group?.vi;
    let end = i;
    while (group && table.columns[end + 1]?.group?.vi === group) end++;
    const column = lead.length + i + 1;
    if (!group) sheet.mergeCells(top.number, column, bottom.number, column);
    else if (end > i) sheet.mergeCells(top.number, column, top.number, lead.length + end + 1);
    i = end + 1;
  }
  for (const row of [top, bottom, numbers]) {
    row.font = { bold: row !== numbers, italic: row === numbers };
    row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    row.eachCell((cell) => {
      cell.border = BORDERS;
      cell.fill = HEADER_FILL;
    });
  }
  top.height = 32;
  bottom.height = 45;
  const weights = table.householdsAndPersons ? ([0, 1] as const) : ([0] as const);
  const body = (
    index: number | string,
    name: string,
    source: string,
    figures: RollupView['total']['figures'],
    deprivations: RollupView['total']['deprivations'],
  ) =>
    weights.forEach((w, i) => {
      const first = i === 0;
      const values = table.columns.map((c) => cellValue(c, figures, deprivations, w));
      const row = sheet.addRow([
        first ? index : '',
        first ? name : '',
        first ? source : '',
        ...(table.householdsAndPersons ? [w === 0 ? 'Hộ' : 'Khẩu'] : []),
        ...values,
      ]);
      row.eachCell({ includeEmpty: true }, (cell) => (cell.border = BORDERS));
      table.columns.forEach((c, j) => {
        if (c.rateOf) row.getCell(lead.length + j + 1).numFmt = '0.0';
      });
    });
  view.communes.forEach((c, i) => {
    const source = c.source === 'decision' ? `${SOURCE.decision} ${c.round?.decisionNumber ?? ''}` : SOURCE.assessments;
    body(i + 1, c.name, source, c.figures, c.deprivations);
  });
  const totalFirst = sheet.rowCount + 1;
  body('', 'Tổng cộng', '', view.total.figures, view.total.deprivations);
  for (let r = totalFirst; r <= sheet.rowCount; r++) sheet.getRow(r).font = { bold: true };
  sheet.getColumn(1).width = 6;
  sheet.getColumn(2).width = 24;
  sheet.getColumn(3).width = 22;
  for (let c = 4; c <= width; c++) sheet.getColumn(c).width = 12;
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: numbers.number }];
}
