import { foldAccents } from '../../domain/text';

/**
 * The Content-Disposition of a file we send: the Vietnamese name as it is (RFC 6266/5987
 * `filename*`), with an unaccented ASCII name for old clients.
 */
export function contentDisposition(fileName: string, disposition: 'inline' | 'attachment' = 'attachment'): string {
  const ascii = foldAccents(fileName)
    .replace(/[^\x20-\x7e]|["\\]/gu, '_')
    .trim();
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/gu,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii || 'tep'}"; filename*=UTF-8''${encoded}`;
}
