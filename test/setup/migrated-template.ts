import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureAdminUnits } from '../../src/server/modules/admin-units/reference-data';
import { ensureLegalDocuments } from '../../src/server/modules/legal-documents/service';
import { openDatabase, type Database } from '../../src/server/platform/db/database';
import { postgresTemplate, withAdminConnection } from '../helpers/postgres';

/**
 * Migrate once per run and let every test file start from a copy: on PGlite a data-directory
 * dump (~1 s to load instead of ~4 s initdb), on PostgreSQL a template database.
 */
async function prepare(database: Database) {
  try {
    await database.migrate();
    await ensureAdminUnits(database.db);
    await ensureLegalDocuments(database.db);
  } finally {
    if (database.engine === 'postgres') await database.close();
  }
}

export default async function setup(project: TestProject) {
  if (project.name.endsWith('postgres')) {
    const url = process.env.DATABASE_URL!;
    const template = postgresTemplate(url);
    await withAdminConnection(url, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${template}`);
    });
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${template}`;
    await prepare(await openDatabase({ engine: 'postgres', url: templateUrl.toString() }));
    return () => withAdminConnection(url, (client) => client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`));
  }
  const database = await openDatabase({ engine: 'pglite' });
  await prepare(database);
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  const file = path.join(os.tmpdir(), `chungtay-template-${process.pid}.tar`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return () => fs.rmSync(file, { force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    engine: 'pglite' | 'postgres';
  }
}
