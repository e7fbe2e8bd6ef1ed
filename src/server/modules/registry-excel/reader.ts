/**
 * Reading an uploaded workbook as a stream: the bytes are counted (size limit), hashed (SHA-256
 * for the audit) and checked to be a zip before the sheet reader (sheet-xml.ts) parses them, one
 * worksheet and one row at a time. Memory does not depend on the number of rows (shared strings
 * aside: a file written with inline strings, as the export writes, keeps none).
 */
import { createHash } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { foldLabel, type Column, type SheetLayout } from './columns';
import { cellText } from './cells';

export interface UploadInfo {
  bytes: number;
  sha256: string;
  tooLarge: boolean;
  notZip: boolean;
}

/** The upload as fed to the reader, and what was learnt of it once read. */
export function guardUpload(upload: Readable, limitBytes: number) {
  const feed = new PassThrough();
  const hash = createHash('sha256');
  const info: UploadInfo = { bytes: 0, sha256: '', tooLarge: false, notZip: false };
  let head = Buffer.alloc(0);
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    info.sha256 = hash.digest('hex');
    feed.end();
  };
  upload.on('data', (chunk: Buffer) => {
    if (finished) return;
    info.bytes += chunk.length;
    if (info.bytes > limitBytes) {
      info.tooLarge = true;
      upload.destroy();
      return finish();
    }
    hash.update(chunk);
    if (head.length < 4) {
      head = Buffer.concat([head, chunk.subarray(0, 4)]);
      if (head.length >= 4 && head.readUInt32LE(0) !== 0x04034b50) info.notZip = true;
    }
    if (info.notZip) return;
    if (!feed.write(chunk)) upload.pause();
  });
  feed.on('drain', () => upload.resume());
  upload.on('end', () => {
    if (head.length > 0 && head.length < 4) info.notZip = true;
    finish();
  });
  upload.on('error', finish);
  return { feed, info };
}

export { worksheets, type SheetRows } from './sheet-xml';

const withoutUnits = (folded: string) => folded.replace(/\s*\([^)]*\)\s*$/u, '').trim();

/** Does a header cell name this column (its header, an alias, or its key)? */
function names(column: Column & { aliases?: string[] }, folded: string) {
  const wanted = [column.header, column.key, ...(column.aliases ?? [])].map(foldLabel);
  return wanted.some((w) => w === folded || withoutUnits(w) === withoutUnits(folded));
}

/** Columns found in a candidate header row: key → 1-based index. */
export function matchHeader(layout: SheetLayout, values: unknown[]): Map<string, number> {
  const at = new Map<string, number>();
  values.forEach((raw, index) => {
    const text = cellText(raw);
    if (text === null) return;
    const folded = foldLabel(String(text));
    const column = layout.columns.find((c) => !at.has(c.key) && names(c, folded));
    if (column) at.set(column.key, index);
  });
  return at;
}

/** How many of the first rows may be titles above the header (merged or not). */
export const HEADER_SEARCH_ROWS = 20;
