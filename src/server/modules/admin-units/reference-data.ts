import { eq, sql } from 'drizzle-orm';
import fs from 'node:fs';
import path from 'node:path';
import { foldAccents, vietnameseSortKey } from '../../../domain/text';
import { PROJECT_ROOT } from '../../platform/config';
import type { Db } from '../../platform/db/database';
import { appMeta } from '../../platform/db/tables';
import { adminUnits, adminUnitSuccessions } from './tables';

/** The two-tier structure took effect on this day; the three-tier list ends the day before. */
export const TWO_TIER_SINCE = '2025-07-01';
const DATA_DIR = path.join(PROJECT_ROOT, 'data/admin-units');
const META_KEY = 'reference.admin_units';
const DATA_VERSION = '2025-07';

/** Minimal RFC 4180 reader for the shipped reference CSVs (quoted fields, no embedded newlines). */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text
    .replace(/^\uFEFF/u, '')
    .split(/\r?\n/u)
    .filter((l) => l.length > 0);
  const split = (line: string) => {
    const out: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (quoted && c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = !quoted;
      } else if (c === ',' && !quoted) {
        out.push(field);
        field = '';
      } else {
        field += c;
      }
    }
    out.push(field);
    return out;
  };
  const [header, ...rows] = lines.map(split);
  if (!header) return [];
  return rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}

function readCsv(name: string) {
  return parseCsv(fs.readFileSync(path.join(DATA_DIR, name), 'utf8'));
}

/** Load the shipped administrative units once (idempotent: keyed by a version in app_meta). */
export async function ensureAdminUnits(db: Db): Promise<boolean> {
  const [loaded] = await db.select().from(appMeta).where(eq(appMeta.key, META_KEY));
  if ((loaded?.value as { version?: string } | undefined)?.version === DATA_VERSION) return false;
  await db.transaction(async (tx) => {
    const toRow = (r: Record<string, string>, era: 'old' | 'new') => ({
      code: r.code!,
      level: r.level!,
      name: r.name!,
      fullName: r.full_name!,
      unitType: r.unit_type!,
      parentCode: r.parent_code || null,
      validFrom: era === 'new' ? TWO_TIER_SINCE : null,
      validTo: era === 'old' ? TWO_TIER_SINCE : null,
      sortKey: vietnameseSortKey(r.name!),
      searchKey: foldAccents(`${r.full_name} ${r.code}`),
    });
    const rows = [
      ...readCsv('units-2025-03.csv').map((r) => toRow(r, 'old')),
      ...readCsv('units-2025-07.csv').map((r) => toRow(r, 'new')),
    ];
    const ids = { old: new Map<string, string>(), new: new Map<string, string>() };
    for (let i = 0; i < rows.length; i += 1000) {
      const inserted = await tx
        .insert(adminUnits)
        .values(rows.slice(i, i + 1000))
        .returning({ id: adminUnits.id, code: adminUnits.code, validTo: adminUnits.validTo });
      for (const u of inserted) (u.validTo ? ids.old : ids.new).set(u.code, u.id);
    }
    // The succession source names a few units absent from the unit lists (machine-extracted,
    // see data/README.md): those links are skipped and listed in app_meta for an administrator.
    const links = [];
    const skipped: string[] = [];
    for (const r of readCsv('succession-2025-07.csv')) {
      const successorId = ids.new.get(r.new_code!);
      const predecessorId = ids.old.get(r.old_code!);
      if (!successorId || !predecessorId) {
        skipped.push(`${r.old_code} ${r.old_name} → ${r.new_code} ${r.new_name}`);
        continue;
      }
      // Partial splits await a person's confirmation.
      links.push({ predecessorId, successorId, kind: r.kind!, confirmed: r.kind === 'full' });
    }
    for (let i = 0; i < links.length; i += 1000) {
      await tx
        .insert(adminUnitSuccessions)
        .values(links.slice(i, i + 1000))
        .onConflictDoNothing();
    }
    await tx
      .insert(appMeta)
      .values({ key: META_KEY, value: { version: DATA_VERSION, skippedSuccessions: skipped } })
      .onConflictDoUpdate({
        target: appMeta.key,
        set: { value: { version: DATA_VERSION, skippedSuccessions: skipped }, updatedAt: sql`now()` },
      });
  });
  return true;
}
