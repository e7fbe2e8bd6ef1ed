import { and, eq, gt, max } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { auditEvents } from '../../src/server/platform/audit/tables';
import type { Db } from '../../src/server/platform/db/database';

export type AuditEventRow = typeof auditEvents.$inferSelect;

/** The audit trail of one record, oldest first. */
export function auditTrail(db: Db, entity: string, entityId: string): Promise<AuditEventRow[]> {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, entity), eq(auditEvents.entityId, entityId)))
    .orderBy(auditEvents.id);
}

/** Every row of the tables, in a stable order, for comparing before and after. */
async function snapshot(db: Db, tables: PgTable[]): Promise<string[]> {
  const contents = await Promise.all(tables.map((table) => db.select().from(table)));
  return contents.map((rows) => JSON.stringify(rows.map((r) => JSON.stringify(r)).sort()));
}

/**
 * Runs `act` (one request; nothing else may write meanwhile) and reports what it left behind:
 * the audit events it wrote and whether any of `tables` changed.
 */
export async function traceOf<T>(
  db: Db,
  tables: PgTable[],
  act: () => Promise<T>,
): Promise<{ result: T; events: AuditEventRow[]; changed: boolean }> {
  const [last] = await db.select({ id: max(auditEvents.id) }).from(auditEvents);
  const before = await snapshot(db, tables);
  const result = await act();
  const events = await db
    .select()
    .from(auditEvents)
    .where(gt(auditEvents.id, last?.id ?? 0))
    .orderBy(auditEvents.id);
  const after = await snapshot(db, tables);
  return { result, events, changed: JSON.stringify(before) !== JSON.stringify(after) };
}

/**
 * A refused request: the expected problem+json status and code (and field, for bad input), no
 * audit event and no change to `tables`. Returns the problem body.
 */
export async function expectRefused(
  db: Db,
  tables: PgTable[],
  act: () => Promise<LightMyRequestResponse>,
  expected: { status: number; code: string; field?: string },
) {
  const { result: res, events, changed } = await traceOf(db, tables, act);
  expect(res.statusCode, res.body).toBe(expected.status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const problem = res.json();
  expect(problem.code).toBe(expected.code);
  if (expected.field !== undefined) expect(problem.field).toBe(expected.field);
  expect(events, 'a refused request writes no audit event').toEqual([]);
  expect(changed, 'a refused request changes nothing').toBe(false);
  return problem;
}

/** A written record as the API returns it. */
export interface WrittenRecord {
  id: string;
  version: number;
  [field: string]: unknown;
}

/**
 * A successful write: the expected status, and exactly one audit event, which it returns with
 * the response body.
 */
export async function expectAuditedWrite(
  db: Db,
  act: () => Promise<LightMyRequestResponse>,
  status: number,
): Promise<{ body: WrittenRecord; event: AuditEventRow }> {
  const { result: res, events } = await traceOf(db, [], act);
  expect(res.statusCode, res.body).toBe(status);
  expect(events, 'a successful write records exactly one audit event').toHaveLength(1);
  return { body: res.json<WrittenRecord>(), event: events[0]! };
}
