/**
 * ExcelJS, loaded with one fix: its streaming reader decodes each chunk of a sheet's XML on its
 * own, so a Vietnamese letter split across two chunks (every 64 KiB) became "�" in large files.
 * The XML parser it uses is replaced, before ExcelJS loads, by the same one decoding with a
 * streaming TextDecoder. Import ExcelJS from here, never from 'exceljs' directly.
 */
import { createRequire } from 'node:module';
import type ExcelJSModule from 'exceljs';
import type * as Saxes from 'saxes';

const require = createRequire(import.meta.url);
const { SaxesParser } = require('saxes') as typeof Saxes;

type SaxEvent = { eventType: string; value: unknown };

async function* parseSax(iterable: AsyncIterable<Buffer | string>): AsyncGenerator<SaxEvent[]> {
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  let error: Error | undefined;
  let events: SaxEvent[] = [];
  parser.on('error', (e) => (error = e));
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of iterable) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (error) throw error;
    yield events;
    events = [];
  }
}

const saxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
if (!require.cache[saxPath]) {
  require.cache[saxPath] = { id: saxPath, filename: saxPath, loaded: true, exports: parseSax } as NodeJS.Module;
}
const ExcelJS = require('exceljs') as typeof ExcelJSModule;
export default ExcelJS;
