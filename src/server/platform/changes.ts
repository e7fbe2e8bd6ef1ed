import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Area, AreaScope } from '../../domain/access';
import type { Actor } from './access';
import { recordAudit } from './audit/audit';
import type { Db, Executor } from './db/database';
import { errors, type AppError } from './errors';

/** How a module reads, updates and presents one kind of editable, versioned record. */
export interface VersionedRecord<Row extends { version: number }, Patch, View> {
  entity: string;
  notFound: () => AppError;
  /** Locks the row (FOR UPDATE), only when it lies inside the scope. */
  findForUpdate(tx: Executor, id: string, scope: AreaScope): Promise<Row | undefined>;
  /** Applies the patch when the version still matches, bumping it. */
  update(tx: Executor, id: string, version: number, patch: Patch): Promise<Row | undefined>;
  present(tx: Executor, row: Row): Promise<View>;
  areaOf(row: Row): Area;
}

/**
 * The one way an existing record changes: lock it inside the caller's scope, check the version
 * the caller read (409 stale_version otherwise), apply, and audit before/after in the same
 * transaction. `check` may refuse; `afterwards` runs inside the transaction (e.g. revoke sessions).
 */
export async function changeRecord<Row extends { version: number }, Patch, View>(
  db: Db,
  actor: Actor,
  spec: VersionedRecord<Row, Patch, View>,
  change: {
    id: string;
    version: number;
    action: string;
    apply: (tx: Executor, row: Row) => Promise<Patch> | Patch;
    check?: (row: Row) => void;
    afterwards?: (tx: Executor, row: Row) => Promise<void>;
  },
): Promise<View> {
  return db.transaction(async (tx) => {
    const current = await spec.findForUpdate(tx, change.id, actor.scope);
    if (!current) throw spec.notFound();
    change.check?.(current);
    if (current.version !== change.version) throw errors.staleVersion();
    const before = await spec.present(tx, current);
    const updated = await spec.update(tx, change.id, change.version, await change.apply(tx, current));
    if (!updated) throw errors.staleVersion();
    await change.afterwards?.(tx, updated);
    const after = await spec.present(tx, updated);
    await recordAudit(tx, actor, {
      action: change.action,
      entity: spec.entity,
      entityId: change.id,
      area: spec.areaOf(updated),
      before,
      after,
    });
    return after;
  });
}

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/** Update a row if its version is still `version`, bumping it; undefined = someone changed it. */
export async function updateVersioned<T extends VersionedTable>(
  db: Executor,
  table: T,
  id: string,
  version: number,
  patch: Partial<T['$inferInsert']>,
): Promise<T['$inferSelect'] | undefined> {
  const rows = await db
    .update(table)
    .set({ ...patch, version: sql`${table.version} + 1`, updatedAt: sql`now()` } as never)
    .where(and(eq(table.id, id), eq(table.version, version)))
    .returning();
  return (rows as T['$inferSelect'][])[0];
}
