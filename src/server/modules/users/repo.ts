import { and, arrayContains, count, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { AreaScope } from '../../../domain/access';
import { insideScope } from '../../platform/access';
import { updateVersioned } from '../../platform/changes';
import type { Executor } from '../../platform/db/database';
import { matchesSearch, orderBy } from '../../platform/list';
import type { UserListReq } from './schemas';
import { users } from './tables';

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;

export async function findById(db: Executor, id: string, scope: AreaScope): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), userScope(scope)));
  return row;
}

/** A lock on the row for a read-modify-write inside a transaction. */
export async function findByIdForUpdate(db: Executor, id: string, scope: AreaScope): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), userScope(scope)))
    .for('update');
  return row;
}

export async function findByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.toLowerCase()));
  return row;
}

/** Users an administrator can see: those whose own scope lies inside the administrator's. */
function userScope(scope: AreaScope): SQL | undefined {
  return insideScope(scope, { province: users.provinceCode, commune: users.communeCode });
}

export async function list(db: Executor, scope: AreaScope, f: UserListReq) {
  const where = and(
    userScope(scope),
    matchesSearch(users.searchKey, f.q),
    f.role ? arrayContains(users.roles, [f.role]) : undefined,
    f.status === 'active'
      ? isNull(users.disabledAt)
      : f.status === 'disabled'
        ? isNotNull(users.disabledAt)
        : undefined,
  );
  const column = { name: users.sortKey, username: users.username, createdAt: users.createdAt }[f.sort];
  const [items, [total]] = await Promise.all([
    db.select().from(users).where(where).orderBy(orderBy(column, f.order), users.id).limit(f.limit).offset(f.offset),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function insert(db: Executor, row: NewUserRow): Promise<UserRow> {
  const [created] = await db.insert(users).values(row).returning();
  return created!;
}

export const update = (db: Executor, id: string, version: number, patch: Partial<NewUserRow>) =>
  updateVersioned(db, users, id, version, patch);

export async function touchLastLogin(db: Executor, id: string): Promise<void> {
  await db
    .update(users)
    .set({ lastLoginAt: sql`now()` })
    .where(eq(users.id, id));
}

export async function countUsers(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}
