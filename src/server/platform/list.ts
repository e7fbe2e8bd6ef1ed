import { asc, desc, like, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { foldAccents } from '../../domain/text';

/**
 * The one list convention: `q`, `limit`, `offset`, `sort`, `order` in; `{items, total}` out.
 * Modules extend the query schema with their own filters.
 */
export function listQuerySchema<S extends string>(sortFields: readonly [S, ...S[]]) {
  return z.strictObject({
    q: z.string().max(200).optional().describe('Tìm kiếm không dấu / accent-insensitive search'),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
    sort: z.enum(sortFields).default(sortFields[0]),
    order: z.enum(['asc', 'desc']).default('asc'),
  });
}

export function listResponseSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

/** Text for a LIKE pattern, its wildcards taken literally. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/gu, (c) => `\\${c}`);

/** The LIKE pattern of a search, folded as `foldAccents` folds; null when there is nothing to find. */
function foldedPattern(q: string | undefined): string | null {
  const folded = q ? foldAccents(q) : '';
  return folded ? `%${escapeLike(folded)}%` : null;
}

/** Accent-insensitive substring match on a column holding `foldAccents(name)`. */
export function matchesSearch(searchKey: PgColumn, q: string | undefined): SQL | undefined {
  const pattern = foldedPattern(q);
  return pattern ? like(searchKey, pattern) : undefined;
}

/**
 * Accent- and case-insensitive substring match on text folded as it is read (short lists with no
 * search key column: funds, donors, postings, tasks…).
 */
export function matchesText(text: SQL | PgColumn, q: string | undefined): SQL | undefined {
  const pattern = foldedPattern(q);
  return pattern ? sql`lower(unaccent(${text})) like ${pattern}` : undefined;
}

export function orderBy(column: PgColumn | SQL, order: 'asc' | 'desc'): SQL {
  return order === 'desc' ? desc(column) : asc(column);
}
