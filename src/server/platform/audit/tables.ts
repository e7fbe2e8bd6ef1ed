import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Who did what, when: written in the same transaction as the change it records. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username'),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text('entity_id').notNull(),
    provinceCode: text('province_code'),
    communeCode: text('commune_code'),
    before: jsonb(),
    after: jsonb(),
    ip: text(),
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_events_at').on(t.at),
    index('audit_events_entity').on(t.entity, t.entityId),
    index('audit_events_area').on(t.provinceCode, t.communeCode, t.at),
    // A province's newest events first, for the administrators' log page.
    index('audit_events_province_at').on(t.provinceCode, t.at),
  ],
);
