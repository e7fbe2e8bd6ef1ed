import { and, count, eq, gte, ilike, lt, or, sql } from 'drizzle-orm';
import type { AreaScope } from '../../../domain/access';
import { insideScope } from '../../platform/access';
import { auditEvents } from '../../platform/audit/tables';
import type { Executor } from '../../platform/db/database';
import { escapeLike, orderBy } from '../../platform/list';
import type { AuditListReq } from './schemas';

export const TOTAL_CAP = 10_000;

// Business dates are Vietnamese days: a day starts at 00:00 Asia/Ho_Chi_Minh (UTC+7).
const startOfDay = (date: string) => sql`(${date}::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;

export async function list(db: Executor, scope: AreaScope, f: AuditListReq) {
  const term = f.q ? `%${escapeLike(f.q)}%` : undefined;
  const where = and(
    insideScope(scope, { province: auditEvents.provinceCode, commune: auditEvents.communeCode }),
    f.entity ? eq(auditEvents.entity, f.entity) : undefined,
    f.entityId ? eq(auditEvents.entityId, f.entityId) : undefined,
    f.action ? eq(auditEvents.action, f.action) : undefined,
    f.actor ? eq(auditEvents.actorUsername, f.actor.toLowerCase()) : undefined,
    f.from ? gte(auditEvents.at, startOfDay(f.from)) : undefined,
    f.to ? lt(auditEvents.at, sql`${startOfDay(f.to)} + interval '1 day'`) : undefined,
    term
      ? or(ilike(auditEvents.action, term), ilike(auditEvents.entityId, term), ilike(auditEvents.actorUsername, term))
      : undefined,
  );
  // The log grows without end: counting stops at TOTAL_CAP rows (the UI says "more than").
  const capped = db
    .select({ one: sql`1` })
    .from(auditEvents)
    .where(where)
    .limit(TOTAL_CAP + 1)
    .as('capped');
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(orderBy(auditEvents.at, f.order), orderBy(auditEvents.id, f.order))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(capped),
  ]);
  const n = total?.n ?? 0;
  return { items, total: Math.min(n, TOTAL_CAP), totalCapped: n > TOTAL_CAP };
}
