import { createRequire } from 'node:module';

/** JSZip, docx's own dependency, to open a generated Word file as the zip it is. */
const require = createRequire(import.meta.url);
const JSZip = createRequire(require.resolve('docx'))('jszip') as {
  loadAsync(data: Buffer): Promise<{ file(name: string): { async(type: 'string'): Promise<string> } | null }>;
};

/** A generated Word file, opened: its paragraphs as plain text and the fonts it names. */
export async function openDocx(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/gu)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)]
      .map((m) => m[1]!)
      .join('')
      .replace(/&amp;/gu, '&')
      .replace(/&quot;/gu, '"')
      .replace(/&lt;/gu, '<')
      .replace(/&gt;/gu, '>'),
  );
  const fonts = new Set([...`${xml}${styles}`.matchAll(/w:ascii="([^"]+)"/gu)].map((m) => m[1]!));
  return { paragraphs: paragraphs.filter((p) => p.length > 0), text: paragraphs.join('\n'), fonts };
}
