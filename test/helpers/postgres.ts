import pg from 'pg';

export const POSTGRES_TEMPLATE = 'chungtay_test_template';

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
