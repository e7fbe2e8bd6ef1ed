import JSZip from 'jszip';

/** The text of a generated Word document (its main part), paragraphs separated by new lines. */
export async function wordText(file: Buffer): Promise<{ text: string; xml: string }> {
  const zip = await JSZip.loadAsync(file);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = xml
    .replace(/<\/w:p>/gu, '\n')
    .replace(/<[^>]+>/gu, '')
    .replace(/&amp;/gu, '&')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>');
  return { text, xml };
}
