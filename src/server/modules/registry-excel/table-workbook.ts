/**
 * A report as Excel: one sheet per table, each a bold title (and lines under it, e.g. the rule a
 * list was ranked by), a bold header row in Vietnamese, then the rows. Whole numbers get thousands
 * separators (money, counts); other numbers (percentages) are left as they are.
 */
import ExcelJS from './exceljs';

export type Cell = string | number | null;

export interface TableSheet {
  /** The sheet's tab (Excel allows 31 characters). */
  name: string;
  title: string;
  lines?: string[];
  header: string[];
  rows: Cell[][];
  /** Column widths (characters); by default a narrow first column (the row's number), then 22. */
  widths?: number[];
}

export async function tableWorkbook(sheets: TableSheet[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name.slice(0, 31));
    sheet.addRow([s.title]).font = { bold: true, size: 13 };
    for (const line of s.lines ?? []) sheet.addRow([line]);
    sheet.addRow(s.header).font = { bold: true };
    for (const values of s.rows) {
      const row = sheet.addRow(values);
      row.eachCell((cell) => {
        if (typeof cell.value === 'number' && Number.isInteger(cell.value)) cell.numFmt = '#,##0';
      });
    }
    sheet.columns.forEach((c, i) => (c.width = s.widths?.[i] ?? (i === 0 ? 8 : 22)));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
