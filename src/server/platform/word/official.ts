import { foldAccents } from '../../../domain/text';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';

/**
 * Word documents in the official layout of Decree 30/2020/NĐ-CP: the issuing body and the
 * national motto side by side, number and symbol, place and date, the title, the body, then
 * recipients ("Nơi nhận") and the signature block. Times New Roman 13–14 pt, A4.
 */
export const WORD_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const FONT = 'Times New Roman';
/** Half-points: 13 pt body, 14 pt title. */
const BODY = 26;
const TITLE = 28;

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; italic?: boolean; bold?: boolean }
  | { kind: 'table'; header: string[]; rows: string[][] };

export interface OfficialDocument {
  /** Issuing bodies (one per line, e.g. each signing party), upper case as printed. */
  issuers: string[];
  number: string;
  place: string;
  /** YYYY-MM-DD */
  date: string;
  /** The document type (e.g. "CHƯƠNG TRÌNH PHỐI HỢP", "BÁO CÁO"). */
  kind: string;
  title: string;
  body: Block[];
  recipients: string[];
  /** One signature block per signing party. */
  signatures: { role: string; organisation: string }[];
}

const run = (text: string, opts: Omit<IRunOptions, 'text'> = {}) =>
  new TextRun({ text, font: FONT, size: BODY, ...opts });
const centred = (children: TextRun[], after = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children });
const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};
const cell = (children: Paragraph[], width: number) =>
  new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE } });
const layoutTable = (cells: TableCell[]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({ children: cells })],
  });

/** "Hà Tĩnh, ngày 09 tháng 05 năm 2023" */
export const placeAndDate = (place: string, iso: string) =>
  `${place}, ngày ${iso.slice(8, 10)} tháng ${iso.slice(5, 7)} năm ${iso.slice(0, 4)}`;

function header(doc: OfficialDocument) {
  const left = [
    ...doc.issuers.map((i) => centred([run(i.toUpperCase(), { bold: true, size: 24 })])),
    centred([run('_______', { size: 24 })]),
    centred([run(`Số: ${doc.number}`, { size: 24 })]),
  ];
  const right = [
    centred([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 })]),
    centred([run('Độc lập – Tự do – Hạnh phúc', { bold: true })]),
    centred([run('_______________________', { size: 24 })]),
    centred([run(placeAndDate(doc.place, doc.date), { italics: true })]),
  ];
  return layoutTable([cell(left, 42), cell(right, 58)]);
}

function block(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ spacing: { before: 120, after: 60 }, children: [run(b.text, { bold: true })] })];
    case 'paragraph':
      return b.text.split('\n').map(
        (line) =>
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            indent: { firstLine: 567 },
            spacing: { after: 60 },
            children: [run(line, { italics: b.italic, bold: b.bold })],
          }),
      );
    case 'table': {
      const row = (cells: string[], bold: boolean) =>
        new TableRow({
          children: cells.map(
            (c) => new TableCell({ children: [new Paragraph({ children: [run(c, { bold, size: 24 })] })] }),
          ),
        });
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [row(b.header, true), ...b.rows.map((r) => row(r, false))],
        }),
        new Paragraph({ children: [] }),
      ];
    }
  }
}

function closing(doc: OfficialDocument) {
  const recipients = [
    new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: 24 })] }),
    ...doc.recipients.map((r) => new Paragraph({ children: [run(`- ${r};`, { size: 22 })] })),
  ];
  const signatures = doc.signatures.map((s) =>
    cell(
      [
        centred([run(s.organisation.toUpperCase(), { bold: true })]),
        centred([run(s.role.toUpperCase(), { bold: true })], 1200),
      ],
      Math.floor(100 / doc.signatures.length),
    ),
  );
  return [
    new Paragraph({ children: [] }),
    layoutTable(signatures.length ? signatures : [cell([new Paragraph({ children: [] })], 100)]),
    new Paragraph({ children: [] }),
    layoutTable([cell(recipients, 100)]),
  ];
}

export function officialDocument(doc: OfficialDocument): Document {
  return new Document({
    creator: 'Chung Tay',
    title: `${doc.kind} ${doc.number}`,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1701, right: 851 },
          },
        },
        children: [
          header(doc),
          new Paragraph({ spacing: { before: 240 }, children: [] }),
          centred([run(doc.kind.toUpperCase(), { bold: true, size: TITLE })]),
          centred([run(doc.title, { bold: true, size: TITLE })], 240),
          ...doc.body.flatMap(block),
          ...closing(doc),
        ],
      },
    ],
  });
}

export const officialDocx = (doc: OfficialDocument): Promise<Buffer> => Packer.toBuffer(officialDocument(doc));

/** An ASCII file name from a prefix and a document number ("02/CTPH-SLĐTBXH-MTTQ" → "02-ctph-sldtbxh-mttq"). */
export const fileName = (prefix: string, number: string) =>
  `${prefix}-${foldAccents(number)
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '')}.docx`;
