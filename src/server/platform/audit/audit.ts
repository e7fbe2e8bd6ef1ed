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
  await tx.insert(auditEvents).values({
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
  });
}
