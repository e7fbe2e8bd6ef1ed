/**
 * The cells of an .xlsx read straight from its zipped XML, one row at a time: a plain scanner for
 * the few elements the import needs (rows, cells, shared and inline strings), about four times
 * faster than ExcelJS's streaming reader, which builds a full object model of every cell. Values
 * come as ExcelJS gives them with styles ignored (a date cell is its serial number). The zip is
 * read by unzipper, ExcelJS's own dependency. A sheet met before the shared strings it needs
 * (Excel stores them last) is spooled to a temporary file and read after them, so memory holds
 * the shared strings and one row, never the sheet.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

interface ZipEntry extends Readable {
  path: string;
  autodrain(): { promise(): Promise<void> };
}
const require = createRequire(import.meta.url);
const unzipper = createRequire(require.resolve('exceljs'))('unzipper') as {
  Parse(options: { forceStream: true }): NodeJS.ReadWriteStream & AsyncIterable<ZipEntry>;
};

/** A worksheet's rows as read: number and 1-based values. */
export interface SheetRows {
  name: string;
  rows: AsyncIterable<{ number: number; values: unknown[] }>;
}

class DamagedWorkbook extends Error {}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(text: string) {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/gu, (_, name: string) =>
    name[0] === '#'
      ? String.fromCodePoint(name[1] === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1)))
      : ENTITIES[name]!,
  );
}

/** The text of a string item (shared or inline): its runs, phonetic guides left out. */
function itemText(xml: string) {
  const open = xml.indexOf('<t');
  if (open >= 0 && !xml.includes('<r')) {
    // One plain <t> (by far the most common): no pattern matching needed.
    const start = xml.indexOf('>', open);
    if (xml[start - 1] === '/') return '';
    return unescapeXml(xml.slice(start + 1, xml.indexOf('</t>', start)));
  }
  const body = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/gu, '') : xml;
  let text = '';
  for (const m of body.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/gu)) text += m[1];
  return unescapeXml(text);
}

/** The column of a cell reference ("AB12" → 28), read from `at`. */
function columnAt(text: string, at: number) {
  let n = 0;
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + c - 64;
  }
  return n;
}

const attributeAt = (attributes: string, name: string) => {
  const at = attributes.indexOf(` ${name}="`);
  return at < 0 ? undefined : attributes.slice(at + name.length + 3, attributes.indexOf('"', at + name.length + 3));
};

function cellValue(type: string | undefined, body: string, strings: readonly string[]): unknown {
  if (type === 'inlineStr') return itemText(body);
  const open = body.indexOf('<v>');
  if (open < 0) return undefined;
  const v = body.slice(open + 3, body.indexOf('</v>', open));
  switch (type) {
    case 's':
      return strings[Number(v)];
    case 'str':
      return unescapeXml(v);
    case 'b':
      return v === '1';
    case 'e':
      return { error: v };
    case 'd':
      return new Date(v);
    default:
      return Number(v);
  }
}

/** One row's cells (the XML between <row> and </row>) as a 1-based array, scanned with indexOf. */
function rowValues(xml: string, strings: readonly string[]): unknown[] {
  const values: unknown[] = [];
  let col = 0;
  for (let at = xml.indexOf('<c'); at >= 0; at = xml.indexOf('<c', at)) {
    const next = xml.charCodeAt(at + 2);
    if (next !== 32 && next !== 62 && next !== 47 && next !== 10 && next !== 13 && next !== 9) {
      at += 2; // another element starting with "c"
      continue;
    }
    const tagEnd = xml.indexOf('>', at);
    const empty = xml.charCodeAt(tagEnd - 1) === 47;
    let attributes = xml.slice(at + 2, empty ? tagEnd - 1 : tagEnd);
    if (/[\n\r\t]/u.test(attributes)) attributes = attributes.replace(/\s/gu, ' ');
    const ref = attributes.indexOf(' r="');
    col = ref >= 0 ? columnAt(attributes, ref + 4) : col + 1;
    if (empty) {
      at = tagEnd + 1;
      continue;
    }
    const close = xml.indexOf('</c>', tagEnd);
    const value = cellValue(attributeAt(attributes, 't'), xml.slice(tagEnd + 1, close), strings);
    if (value !== undefined) values[col] = value;
    at = close + 4;
  }
  return values;
}

const ROW_REF = /\br="(\d+)"/u;

/**
 * Complete elements `<tag …>…</tag>` (or `<tag …/>`) as they stream by, as [start tag, body]:
 * those of each chunk together (one await a chunk, not one a row).
 */
async function* elements(
  source: AsyncIterable<Buffer>,
  tag: string,
  until: string,
): AsyncGenerator<[string, string][]> {
  const decoder = new TextDecoder('utf-8');
  const open = `<${tag}`;
  const close = `</${tag}>`;
  let buffer = '';
  for await (const chunk of source) {
    buffer += decoder.decode(chunk, { stream: true });
    const end = buffer.indexOf(until);
    const found: [string, string][] = [];
    let at = 0;
    for (;;) {
      const start = buffer.indexOf(open, at);
      if (end >= 0 && (start < 0 || end < start)) {
        yield found;
        return;
      }
      if (start < 0) {
        at = Math.max(at, buffer.length - open.length);
        break;
      }
      const tagEnd = buffer.indexOf('>', start);
      if (tagEnd < 0) {
        at = start;
        break;
      }
      const next = buffer[start + open.length];
      if (next !== ' ' && next !== '>' && next !== '/' && next !== '\n' && next !== '\r' && next !== '\t') {
        at = start + open.length;
        continue;
      }
      if (buffer[tagEnd - 1] === '/') {
        found.push([buffer.slice(start, tagEnd + 1), '']);
        at = tagEnd + 1;
        continue;
      }
      const stop = buffer.indexOf(close, tagEnd);
      if (stop < 0) {
        at = start;
        break;
      }
      found.push([buffer.slice(start, tagEnd + 1), buffer.slice(tagEnd + 1, stop)]);
      at = stop + close.length;
    }
    buffer = buffer.slice(at);
    yield found;
  }
}

async function* sheetRows(source: AsyncIterable<Buffer>, strings: readonly string[]) {
  let number = 0;
  for await (const found of elements(source, 'row', '</sheetData>'))
    for (const [start, body] of found) {
      const ref = ROW_REF.exec(start);
      number = ref ? Number(ref[1]) : number + 1;
      yield { number, values: body ? rowValues(body, strings) : [] };
    }
}

async function text(entry: AsyncIterable<Buffer>) {
  const chunks: Buffer[] = [];
  for await (const chunk of entry) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const attribute = (tag: string, name: string) =>
  unescapeXml(new RegExp(`\\b${name}="([^"]*)"`, 'u').exec(tag)?.[1] ?? '');

/** Reads an entry to its end even when its reader stopped early (the zip stalls otherwise). */
async function* drained(entry: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const chunks = entry[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let done = false;
  try {
    for (;;) {
      const next = await chunks.next();
      if (next.done) break;
      yield next.value;
    }
    done = true;
  } finally {
    while (!done) done = (await chunks.next()).done ?? true;
  }
}

/** The worksheets of an .xlsx stream in the order stored; each must be read (or left) before the next. */
export async function* worksheets(feed: Readable): AsyncGenerator<SheetRows> {
  const zip = feed.pipe(unzipper.Parse({ forceStream: true }));
  // A truncated file ends the zip with an error its current entry never hears of: pass it on.
  let current: ZipEntry | null = null;
  let failure: Error | null = null;
  zip.on('error', (error: Error) => {
    failure = error;
    current?.destroy(error);
  });
  feed.on('error', (error) => zip.emit('error', error));
  const names = new Map<string, string>(); // sheet part → name
  const relations = new Map<string, string>(); // r:id → sheet part
  const sheetIds: [string, string][] = []; // [name, r:id]
  let strings: string[] | null = null;
  let stringsExpected: boolean | null = null;
  let workbookSeen = false;
  const spooled: { part: string; file: string }[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chungtay-xlsx-'));
  const nameOf = (part: string) => names.get(part) ?? `Sheet${/(\d+)\.xml$/u.exec(part)?.[1] ?? ''}`;
  const resolveNames = () => {
    for (const [name, id] of sheetIds) {
      const target = relations.get(id);
      if (target) names.set(target.replace(/^\/?(xl\/)?/u, 'xl/'), name);
    }
  };
  try {
    for await (const entry of zip) {
      current = entry;
      if (failure) entry.destroy(failure);
      const part = entry.path;
      if (part === '[Content_Types].xml') {
        stringsExpected = (await text(entry)).includes('sharedStrings');
      } else if (part === 'xl/workbook.xml') {
        workbookSeen = true;
        for (const [tag] of (await text(entry)).matchAll(/<sheet\b[^>]*>/gu))
          sheetIds.push([attribute(tag, 'name'), attribute(tag, 'r:id')]);
        resolveNames();
      } else if (part === 'xl/_rels/workbook.xml.rels') {
        for (const [tag] of (await text(entry)).matchAll(/<Relationship\b[^>]*>/gu))
          relations.set(attribute(tag, 'Id'), attribute(tag, 'Target'));
        resolveNames();
      } else if (part === 'xl/sharedStrings.xml') {
        strings = [];
        for await (const found of elements(drained(entry), 'si', '</sst>'))
          for (const [, body] of found) strings.push(itemText(body));
      } else if (/^xl\/worksheets\/sheet\d+\.xml$/u.test(part)) {
        if (strings || stringsExpected === false) {
          yield { name: nameOf(part), rows: sheetRows(drained(entry), strings ?? []) };
        } else {
          const file = path.join(dir, `${randomUUID()}.xml`);
          await pipeline(entry, fs.createWriteStream(file));
          spooled.push({ part, file });
        }
      } else {
        await entry.autodrain().promise();
      }
    }
    if (!workbookSeen) throw new DamagedWorkbook('no workbook part');
    for (const { part, file } of spooled)
      yield { name: nameOf(part), rows: sheetRows(drained(fs.createReadStream(file)), strings ?? []) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
