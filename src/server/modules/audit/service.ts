import { requireRole, type Actor } from '../../platform/access';
import type { Db } from '../../platform/db/database';
import { errors } from '../../platform/errors';
import * as repo from './repo';
import type { AuditListReq } from './schemas';

/** Administrators browse the audit log of their own area. */
export async function listAuditEvents(db: Db, actor: Actor, query: AuditListReq) {
  requireRole(actor, 'admin');
  if (query.from && query.to && query.from > query.to) {
    throw errors.invalid(
      'to',
      'Ngày kết thúc phải sau ngày bắt đầu.',
      'The end date must not be before the start date.',
    );
  }
  return presentEvents(await repo.list(db, actor.scope, query));
}

/**
 * The history of one record, for whoever may read the record (the caller checks that): the
 * household page shows every change to the household and its members.
 */
export async function historyOf(db: Db, entity: string, entityId: string, page: { limit: number; offset: number }) {
  const query = {
    entity,
    entityId,
    limit: page.limit,
    offset: page.offset,
    sort: 'at' as const,
    order: 'desc' as const,
  };
  return presentEvents(await repo.list(db, { level: 'national' }, query));
}

function presentEvents({ items, total, totalCapped }: Awaited<ReturnType<typeof repo.list>>) {
  return {
    items: items.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actorUsername: e.actorUsername,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      provinceCode: e.provinceCode,
      communeCode: e.communeCode,
      before: e.before,
      after: e.after,
      ip: e.ip,
    })),
    total,
    totalCapped,
  };
}
