import type { Area } from '../../../domain/access';
import type { Actor } from '../access';
import type { Executor } from '../db/database';
import { auditEvents } from './tables';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string;
  area: Area;
  before?: unknown;
  after?: unknown;
}

/**
 * Record a write. Call it with the transaction that made the change, so the change and its
 * record commit or roll back together. `before`/`after` are presenter output: never secrets.
 */
export async function recordAudit(tx: Executor, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await auditInsert(tx, actor, entry);
}

/** The audit row's insert, unrun: a hot path may write it in the same statement as its change. */
export function auditInsert(tx: Executor, actor: Actor | null, entry: AuditEntry) {
  return tx.insert(auditEvents).values(auditRow(actor, entry));
}

/** Many writes of one batch (a bulk step audited per record), recorded in one statement. */
export async function recordAudits(tx: Executor, actor: Actor | null, entries: readonly AuditEntry[]) {
  if (entries.length > 0) await tx.insert(auditEvents).values(entries.map((e) => auditRow(actor, e)));
}

function auditRow(actor: Actor | null, entry: AuditEntry) {
  return {
    actorId: actor?.id ?? null,
    actorUsername: actor?.username ?? 'system',
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    provinceCode: entry.area.provinceCode,
    communeCode: entry.area.communeCode,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: actor?.ip ?? null,
    requestId: actor?.requestId ?? null,
  };
}
