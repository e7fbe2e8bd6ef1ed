import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { DONOR_KIND_LABELS, formatVnd, METHOD_LABELS, type DonorKind, type ReceiptMethod } from '../../../domain/fund';
import { amountInWordsSentence } from '../../../domain/money-words';
import { officialHeader, renderPdf } from './pdf';
import type { PostingView } from './schemas';

export interface ReceiptDocument {
  posting: PostingView;
  fundName: string;
  /** "xã Thạch Hà", "tỉnh Hà Tĩnh". */
  place: string;
  campaignName: string | null;
  reversal: { date: string; reason: string | null } | null;
}

const dmy = (date: string) => date.split('-').reverse().join('/');
const longDate = (date: string) => {
  const [y, m, d] = date.split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
};

/** The receipt (biên lai) of a donation, A5: number, donor, purpose, amount in figures and words, signatures. */
export function receiptPdf(doc: ReceiptDocument): Promise<Buffer> {
  const p = doc.posting;
  const inKind = p.method === 'in_kind';
  const donor = p.donor?.name ?? `${DONOR_KIND_LABELS[(p.donor?.kind ?? 'anonymous') as DonorKind].vi} (nhà hảo tâm)`;
  const line = (label: string, value: string | Content): Content => ({
    text: [{ text: `${label}: ` }, typeof value === 'string' ? { text: value, bold: true } : value],
    margin: [0, 3, 0, 0],
  });
  const body: Content[] = [
    officialHeader(`Ủy ban MTTQ Việt Nam ${doc.place}`, doc.fundName),
    {
      text: inKind ? 'BIÊN LAI NHẬN HIỆN VẬT ỦNG HỘ' : 'BIÊN LAI THU TIỀN ỦNG HỘ',
      bold: true,
      fontSize: 15,
      alignment: 'center',
      margin: [0, 18, 0, 2],
    },
    { text: `Số: ${p.receiptNumber}`, alignment: 'center' },
    {
      text: `${doc.place.replace(/^(xã|phường|tỉnh|thành phố) /u, '')}, ${longDate(p.date)}`,
      italics: true,
      alignment: 'center',
      margin: [0, 2, 0, 12],
    },
    line('Người (đơn vị) ủng hộ', donor),
    line('Nội dung', `Ủng hộ ${doc.fundName}${doc.campaignName ? ` — ${doc.campaignName}` : ''}`),
    line('Hình thức', METHOD_LABELS[(p.method ?? 'cash') as ReceiptMethod].vi),
  ];
  if (inKind && p.inKindItems?.length) {
    body.push({
      margin: [0, 6, 0, 0],
      fontSize: 11,
      table: {
        headerRows: 1,
        widths: ['*', 'auto', 'auto', 'auto'],
        body: [
          ['Hiện vật', 'Số lượng', 'Đơn vị', 'Giá trị quy đổi'].map((text) => ({ text, bold: true })),
          ...p.inKindItems.map((i) => [
            i.name,
            String(i.quantity),
            i.unit,
            { text: formatVnd(i.value), alignment: 'right' as const },
          ]),
        ],
      },
    });
  }
  body.push(
    line(inKind ? 'Tổng giá trị' : 'Số tiền', `${formatVnd(p.amount).replace(' đ', '')} đồng`),
    line('Bằng chữ', { text: amountInWordsSentence(p.amount), italics: true, bold: true }),
  );
  if (p.description) body.push(line('Ghi chú', p.description));
  if (doc.reversal) {
    body.push({
      text: `Biên lai đã bị hủy ngày ${dmy(doc.reversal.date)}${doc.reversal.reason ? `: ${doc.reversal.reason}` : ''}.`,
      color: '#b91c1c',
      bold: true,
      margin: [0, 8, 0, 0],
    });
  }
  body.push({
    margin: [0, 20, 0, 0],
    columns: [
      {
        width: '50%',
        stack: [
          { text: 'Người nộp', bold: true },
          { text: '(Ký, ghi rõ họ tên)', italics: true, fontSize: 11 },
        ],
        alignment: 'center',
      },
      {
        width: '50%',
        stack: [
          { text: 'Người thu', bold: true },
          { text: '(Ký, ghi rõ họ tên)', italics: true, fontSize: 11 },
          { text: p.createdByName ?? '', margin: [0, 48, 0, 0] },
        ],
        alignment: 'center',
      },
    ],
  });
  const definition: TDocumentDefinitions = {
    pageSize: 'A5',
    pageMargins: [36, 32, 32, 32],
    info: { title: `Biên lai ${p.receiptNumber}`, creator: 'Chung Tay' },
    content: body,
    watermark: doc.reversal ? { text: 'ĐÃ HỦY', color: '#dc2626', opacity: 0.25, bold: true } : undefined,
  };
  return renderPdf(definition);
}
