import { scopeCovers } from '../../../domain/access';
import {
  BUILTIN_STANDARDS,
  classify,
  findStandard,
  parseStandard,
  PovertyError,
  type StandardDefinition,
} from '../../../domain/poverty';
import { hasRole, type Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit/audit';
import type { Db, Executor } from '../../platform/db/database';
import { AppError, errors, whenUniqueViolated } from '../../platform/errors';
import { requireCurrentUnit } from '../admin-units/service';
import * as repo from './repo';
import type { ClassifyReq, StandardLoadReq } from './schemas';

interface CatalogueEntry {
  standard: StandardDefinition;
  source: 'builtin' | 'loaded';
  provinceCode: string | null;
  loadedAt: string | null;
}

// Loaded rows never change (append-only), so a parsed definition can be kept by row id.
const parsedRows = new Map<string, StandardDefinition>();

function definitionOf(row: repo.LoadedStandardRow): StandardDefinition {
  let standard = parsedRows.get(row.id);
  if (!standard) {
    const parsed = parseStandard(row.definition);
    if (!parsed.success) throw new Error(`stored standard ${row.standardId} v${row.version} no longer validates`);
    standard = parsed.standard;
    parsedRows.set(row.id, standard);
  }
  return standard;
}

/** The standards that apply: built in, loaded nationally, and the province's own when given. */
async function catalogue(db: Executor, provinceCode: string | null): Promise<CatalogueEntry[]> {
  const loaded = await repo.listLoaded(db, provinceCode);
  return [
    ...BUILTIN_STANDARDS.map((standard) => ({
      standard,
      source: 'builtin' as const,
      provinceCode: null,
      loadedAt: null,
    })),
    ...loaded.map((row) => ({
      standard: definitionOf(row),
      source: 'loaded' as const,
      provinceCode: row.provinceCode,
      loadedAt: row.loadedAt.toISOString(),
    })),
  ];
}

/** Provisional when a line, rule or indicator is (a document title not yet read does not count). */
export function statusOf(standard: StandardDefinition): 'confirmed' | 'provisional' {
  const parts = [...standard.lines, ...standard.rules, ...standard.dimensions.flatMap((d) => d.indicators)];
  return parts.some((p) => p.status === 'provisional') ? 'provisional' : 'confirmed';
}

/** Every version, newest first within each standard; `current` marks the one used to classify. */
export async function listStandards(db: Executor, provinceCode: string | null) {
  const entries = await catalogue(db, provinceCode);
  const all = entries.map((e) => e.standard);
  const items = entries
    .map((e) => ({
      ...e.standard,
      status: statusOf(e.standard),
      source: e.source,
      provinceCode: e.provinceCode,
      loadedAt: e.loadedAt,
      current: findStandard(e.standard.id, all) === e.standard,
    }))
    .sort((a, b) => a.id.localeCompare(b.id) || b.version - a.version);
  return { items, total: items.length };
}

/** Every version of every standard that applies in the province (or nationally). */
export async function standardsIn(db: Executor, provinceCode: string | null): Promise<StandardDefinition[]> {
  return (await catalogue(db, provinceCode)).map((e) => e.standard);
}

/** The current version of a standard by id, or a 400 naming `field` and the standards known. */
export function requireStandard(all: readonly StandardDefinition[], id: string, field = 'standard') {
  const standard = findStandard(id, all);
  if (!standard) {
    const known = [...new Set(all.map((s) => s.id))].join(', ');
    throw errors.invalid(
      field,
      `Không có chuẩn nghèo "${id}" (có: ${known}).`,
      `Unknown standard "${id}" (known: ${known}).`,
    );
  }
  return standard;
}

/** A domain error about the caller's input, as a 400 naming the field. */
export function asInputError(error: unknown): never {
  if (error instanceof PovertyError) {
    throw new AppError(400, 'validation_failed', error.vi, error.en, [
      { field: error.field, message: error.vi, messageEn: error.en },
    ]);
  }
  throw error;
}

/** The calculator: classify typed-in answers under the current version of a standard. */
export async function classifyAnswers(db: Executor, input: ClassifyReq) {
  if (input.province) await requireCurrentUnit(db, input.province, 'province', 'province');
  const standard = requireStandard(await standardsIn(db, input.province ?? null), input.standard);
  try {
    const result = classify(standard, input, { explain: true });
    return { ...result, deprivations: [...result.deprivations] };
  } catch (error) {
    asInputError(error);
  }
}

/**
 * An administrator loads a corrected standard (national) or a province's own, from JSON:
 * validated, a version above every existing one, append-only and audited. Results already
 * decided keep the (standard, version) they name.
 */
export async function loadStandard(db: Db, actor: Actor, input: StandardLoadReq) {
  const provinceCode = input.provinceCode;
  if (provinceCode) await requireCurrentUnit(db, provinceCode, 'provinceCode', 'province');
  const area = { provinceCode, communeCode: null };
  if (!hasRole(actor, 'admin')) throw errors.forbidden();
  if (!scopeCovers(actor.scope, area) || (provinceCode === null && actor.scope.level !== 'national')) {
    throw errors.outOfScope();
  }
  const parsed = parseStandard(input.definition);
  if (!parsed.success) {
    const problems = parsed.errors.map((e) => ({ ...e, field: e.field ? `definition.${e.field}` : 'definition' }));
    const first = problems[0]!;
    throw new AppError(
      400,
      'invalid_standard',
      `${first.field}: ${first.message}`,
      `${first.field}: ${first.messageEn}`,
      problems,
    );
  }
  const standard = parsed.standard;
  const versionTaken = () =>
    errors.conflict(
      'version_exists',
      `Chuẩn "${standard.id}" đã có phiên bản ${standard.version} hoặc mới hơn; hãy tăng số phiên bản.`,
      `Standard "${standard.id}" already has version ${standard.version} or later; raise the version.`,
      'definition.version',
    );
  return db
    .transaction(async (tx) => {
      const builtin = BUILTIN_STANDARDS.filter((s) => s.id === standard.id).map((s) => s.version);
      const existing = Math.max(0, ...builtin, await repo.maxVersion(tx, standard.id, provinceCode));
      if (standard.version <= existing) throw versionTaken();
      const row = await repo.insert(tx, {
        standardId: standard.id,
        version: standard.version,
        provinceCode,
        definition: standard,
        loadedBy: actor.id,
      });
      const summary = { standardId: row.standardId, version: row.version, provinceCode, name: standard.name.vi };
      await recordAudit(tx, actor, {
        action: 'poverty_standard.load',
        entity: 'poverty_standard',
        entityId: row.id,
        area,
        after: summary,
      });
      return { id: row.id, ...summary, loadedAt: row.loadedAt.toISOString() };
    })
    .catch(whenUniqueViolated('poverty_standards_version', versionTaken));
}
