import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { PROJECT_ROOT } from '../../platform/config';

/**
 * PDF documents of the fund with Tinos (metrically compatible with Times New Roman, as official
 * documents use), read from its registry package; no remote or local resources beyond the fonts.
 */
const TINOS = path.join(PROJECT_ROOT, 'node_modules/@expo-google-fonts/tinos');
const font = (style: string) => path.join(TINOS, style, `Tinos_${style}.ttf`);

pdfmake.setFonts({
  Tinos: {
    normal: font('400Regular'),
    bold: font('700Bold'),
    italics: font('400Regular_Italic'),
    bolditalics: font('700Bold_Italic'),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => file.startsWith(TINOS));

export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  const output = pdfmake.createPdf({ ...doc, defaultStyle: { font: 'Tinos', fontSize: 13, ...doc.defaultStyle } });
  return Buffer.from(await output.getBuffer());
}

/** The national motto and the issuing body side by side (Decree 30/2020/NĐ-CP). */
export function officialHeader(bodyAbove: string, body: string) {
  return {
    columns: [
      {
        width: '45%',
        stack: [
          { text: bodyAbove.toUpperCase(), fontSize: 10 },
          { text: body.toUpperCase(), bold: true, fontSize: 10 },
        ],
        alignment: 'center' as const,
      },
      {
        width: '55%',
        stack: [
          { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, fontSize: 10 },
          { text: 'Độc lập – Tự do – Hạnh phúc', bold: true, fontSize: 11, decoration: 'underline' as const },
        ],
        alignment: 'center' as const,
      },
    ],
  };
}
