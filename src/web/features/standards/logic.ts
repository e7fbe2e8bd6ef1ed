/** The standards page's pure pieces: the definition to download, and the problems of a refused file. */
import type { StandardDefinition } from '../../../domain/poverty/types';
import { ApiError } from '../../api/client';
import type { PublicStandard } from '../calculator/api';

/** The definition as it can be loaded back: without what the server adds when listing it. */
export function definitionOf(standard: PublicStandard): StandardDefinition {
  const {
    status: _status,
    source: _source,
    provinceCode: _provinceCode,
    loadedAt: _loadedAt,
    current: _current,
    ...definition
  } = standard;
  return definition;
}

/** "chuan-ngheo-2027-2030-v2.json", with the province code for a province's own standard. */
export function fileNameOf(standard: PublicStandard): string {
  const province = standard.provinceCode ? `-${standard.provinceCode}` : '';
  return `chuan-ngheo-${standard.id}${province}-v${standard.version}.json`;
}

/** One row per standard, version and province. */
export function rowKeyOf(standard: PublicStandard): string {
  return `${standard.id}/${standard.provinceCode ?? 'national'}/v${standard.version}`;
}

export interface FileProblem {
  /** Where in the file: a JSON path from its root ("lines[0].rural"); empty for the whole file. */
  path: string;
  message: string;
}

/**
 * The problems a refused load names, located in the file: the server speaks of the request
 * body ("definition.lines[0].rural"), and the file is the definition.
 */
export function fileProblems(error: unknown, lang: 'vi' | 'en'): FileProblem[] {
  if (!(error instanceof ApiError)) return [];
  return error.errors.map((e) => ({
    path: e.field.replace(/^(body\.)?definition\.?/u, ''),
    message: lang === 'en' ? e.messageEn : e.message,
  }));
}

/** A chosen file that is not JSON at all: refused in the browser, before asking the server. */
export class NotJsonError extends Error {
  override name = 'NotJsonError';
}

export async function readJson(file: Blob): Promise<unknown> {
  const text = await file.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new NotJsonError((error as Error).message);
  }
}
