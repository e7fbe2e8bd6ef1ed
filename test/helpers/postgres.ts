import pg from 'pg';

/**
 * The migrated template the test databases are copied from, named after DATABASE_URL's database
 * so that two runs against one server (two checkouts, CI beside a developer) never share it.
 */
export function postgresTemplate(url: string): string {
  return `${new URL(url).pathname.slice(1).replace(/[^a-z0-9_]/gu, '_')}_test_template`;
}

/** A short-lived connection to the server's maintenance database (to create and drop test databases). */
export async function withAdminConnection<T>(url: string, task: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}

/**
 * Drop a test database once its own connections are closed. A plain DROP makes the server stop
 * an autovacuum worker busy in it (a big seed wakes one), which FORCE, run by a role that is not
 * a superuser, is not allowed to terminate; FORCE still ends anything the test leaked.
 */
export async function dropTestDatabase(url: string, name: string) {
  await withAdminConnection(url, async (c) => {
    try {
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
    } catch {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });
}
