import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type FileChild,
} from 'docx';

/**
 * Word building blocks for administrative documents in the layout of Decree 30/2020/NĐ-CP:
 * Times New Roman 13–14 pt, A4, the issuing body and number on the left, the national motto on
 * the right, the place and date in italics, the signature block on the right.
 */
export const FONT = 'Times New Roman';
const SIZE = 26; // half-points: 13 pt

interface RunOptions {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size?: number;
}

export const run = (text: string, o: RunOptions = {}) =>
  new TextRun({
    text,
    font: FONT,
    size: o.size ?? SIZE,
    bold: o.bold,
    italics: o.italics,
    ...(o.underline ? { underline: {} } : {}),
  });

export function para(
  text: string | TextRun[],
  o: RunOptions & { align?: 'left' | 'center' | 'right' | 'both'; indent?: boolean; after?: number } = {},
) {
  const alignment = {
    left: AlignmentType.LEFT,
    center: AlignmentType.CENTER,
    right: AlignmentType.RIGHT,
    both: AlignmentType.JUSTIFIED,
  }[o.align ?? 'both'];
  return new Paragraph({
    alignment,
    spacing: { after: o.after ?? 80 },
    indent: o.indent ? { firstLine: 567 } : undefined,
    children: typeof text === 'string' ? [run(text, o)] : text,
  });
}

const cell = (children: Paragraph[], width?: number) =>
  new TableCell({
    children,
    width: width ? { size: width, type: WidthType.PERCENTAGE } : undefined,
    verticalAlign: VerticalAlign.TOP,
  });

/** A date as the document writes it: "ngày 10 tháng 12 năm 2026". */
export function longDate(iso: string) {
  const [y, m, d] = iso.split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
}

export interface Heading {
  /** The body above the issuer (e.g. none for a commune), then the issuer, upper case. */
  issuer: string[];
  /** "Số: 245/QĐ-UBND" — omitted for minutes without a number. */
  number?: string;
  place: string;
  date: string;
}

/** The two-column heading: issuing body and number | national motto, place and date. */
export function heading(h: Heading) {
  const left = [
    ...h.issuer.map((line, i) => para(line, { bold: i === h.issuer.length - 1, align: 'center', after: 0 })),
    para('———', { align: 'center', after: 60 }),
    ...(h.number ? [para(h.number, { align: 'center' })] : []),
  ];
  const right = [
    para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, align: 'center', after: 0, size: 24 }),
    para('Độc lập - Tự do - Hạnh phúc', { bold: true, align: 'center', after: 0 }),
    para('———————————', { align: 'center', after: 60 }),
    para(`${h.place}, ${longDate(h.date)}`, { italics: true, align: 'center' }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(left, 40), cell(right, 60)] })],
  });
}

/** The recipients (bottom left) and the signature block (bottom right). */
export function signature(recipients: string[] | null, capacity: string[], signer: string) {
  const left = recipients
    ? [
        para('Nơi nhận:', { bold: true, italics: true, align: 'left', after: 0, size: 24 }),
        ...recipients.map((r) => para(`- ${r}`, { align: 'left', after: 0, size: 22 })),
      ]
    : [para('')];
  const right = [
    ...capacity.map((line) => para(line, { bold: true, align: 'center', after: 0 })),
    para('(Ký, ghi rõ họ tên, đóng dấu)', { italics: true, align: 'center', after: 1200, size: 22 }),
    para(signer, { bold: true, align: 'center' }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(left, 50), cell(right, 50)] })],
  });
}

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const gridBorders = { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };

/** A bordered table with a bold header row. */
export function grid(header: string[], rows: (string | number)[][], widths?: number[]) {
  const row = (cells: (string | number)[], bold: boolean) =>
    new TableRow({
      tableHeader: bold,
      children: cells.map(
        (c, i) =>
          new TableCell({
            width: widths ? { size: widths[i]!, type: WidthType.PERCENTAGE } : undefined,
            children: [
              para(String(c), { bold, align: typeof c === 'number' || bold ? 'center' : 'left', after: 0, size: 24 }),
            ],
          }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: gridBorders,
    rows: [row(header, true), ...rows.map((r) => row(r, false))],
  });
}

export interface Section {
  children: FileChild[];
  landscape?: boolean;
}

/** The document: A4, margins of Decree 30/2020 (top/bottom 20 mm, left 30 mm, right 15 mm). */
export function wordDocument(title: string, sections: Section[]) {
  const doc = new Document({
    title,
    creator: 'Chung Tay',
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: sections.map((s) => ({
      properties: {
        page: {
          size: {
            orientation: s.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            width: 11906,
            height: 16838,
          },
          margin: { top: 1134, bottom: 1134, left: 1701, right: 850 },
        },
      },
      children: s.children,
    })),
  });
  return Packer.toBuffer(doc);
}
