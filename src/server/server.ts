import { sql } from 'drizzle-orm';
import { scopeFromCodes, type Role } from '../domain/access';
import { buildApp } from './app';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './demo/seed';
import { ensureAdminUnits } from './modules/admin-units/reference-data';
import { ensureLegalDocuments } from './modules/legal-documents/service';
import { authenticate, ensureSystemAdministrator } from './modules/users/service';
import type { Config } from './platform/config';
import { openDatabase, type Database, type DatabaseTarget } from './platform/db/database';
import { createLogger, type Logger } from './platform/logger';

export function databaseTarget(config: Config): DatabaseTarget {
  return config.engine === 'postgres'
    ? { engine: 'postgres', url: config.databaseUrl! }
    : { engine: 'pglite', dataDir: config.dataDir };
}

/** Open the configured database, announcing which engine is in use. */
export async function openConfiguredDatabase(config: Config, log: Logger): Promise<Database> {
  if (config.engine === 'postgres') {
    log.info('Cơ sở dữ liệu: PostgreSQL (DATABASE_URL)');
  } else {
    log.info(`Cơ sở dữ liệu: PGlite nhúng tại ${config.dataDir}`);
    log.warn(
      'PGlite phù hợp để dùng thử và văn phòng nhỏ; môi trường chính thức nên chạy trên PostgreSQL (đặt DATABASE_URL). ' +
        '(Production belongs on PostgreSQL.)',
    );
  }
  return openDatabase(databaseTarget(config));
}

/** Schema, reference data and the first administrator: what every start needs. */
export async function prepareDatabase(database: Database, config: Config, log: Logger, demo: boolean) {
  await database.migrate();
  if (await ensureAdminUnits(database.db)) log.info('Đã nạp danh mục đơn vị hành chính (2025-03, 2025-07, kế thừa).');
  const texts = await ensureLegalDocuments(database.db);
  if (texts) log.info(`Đã nạp ${texts} văn bản vào thư viện văn bản.`);
  const adminPassword = config.adminPassword ?? (demo ? DEMO_PASSWORD : undefined);
  const admin = await ensureSystemAdministrator(database.db, adminPassword);
  if (admin.created && admin.generatedPassword) {
    process.stdout.write(
      `\n  Đã tạo tài khoản quản trị hệ thống (system administrator created):\n` +
        `    tên đăng nhập: admin\n    mật khẩu:      ${admin.generatedPassword}\n` +
        `  Mật khẩu này chỉ hiển thị một lần; hãy đổi sau khi đăng nhập.\n\n`,
    );
  }
  if (demo) {
    const row = await authenticate(database.db, 'admin', adminPassword!);
    if (!row) throw new Error('Không đăng nhập được tài khoản admin để tạo dữ liệu mẫu.');
    const actor = {
      id: row.id,
      username: row.username,
      fullName: row.fullName,
      roles: row.roles as Role[],
      scope: scopeFromCodes(row),
    };
    if (await seedDemo(database.db, actor)) log.info('Đã tạo dữ liệu mẫu tỉnh Hà Tĩnh.');
  }
  // PGlite runs no autovacuum, so its planner has no statistics unless asked: the demo province's
  // roll-up then chose nested loops over 35 million rows (107 s; 1.2 s after ANALYZE, EXPLAIN in
  // docs/benchmarks.md). At each start, after the seed.
  if (database.engine === 'pglite') await database.db.execute(sql`analyze`);
}

function printDemoAccounts(config: Config) {
  const pad = (s: string, n: number) => s.padEnd(n);
  const lines = [
    `  ${pad('admin', 18)} ${config.adminPassword ? '(CHUNGTAY_ADMIN_PASSWORD)' : DEMO_PASSWORD}  quản trị hệ thống, toàn quốc`,
    ...DEMO_ACCOUNTS.map((a) => `  ${pad(a.username, 18)} ${DEMO_PASSWORD}  ${a.what}`),
  ];
  process.stdout.write(`\n  Tài khoản dùng thử (demo accounts):\n${lines.join('\n')}\n\n`);
}

/**
 * `npm start` and `npm run demo`: start the server and stop it cleanly on SIGINT/SIGTERM, also
 * while it is still starting (migrations and the demo seed are transactions, so an interrupted
 * first start leaves nothing half done).
 */
export async function runServer(config: Config, options: { demo: boolean }) {
  const log = createLogger(config.logLevel);
  const database = await openConfiguredDatabase(config, log);
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let statistics: NodeJS.Timeout | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    clearInterval(statistics);
    log.info(`Nhận ${signal}: đang dừng…`);
    await app?.close();
    await database.close();
    log.info('Đã dừng, dữ liệu đã được ghi an toàn.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  try {
    await prepareDatabase(database, config, log, options.demo);
    app = await buildApp({ database, config, logger: log });
    await app.listen({ port: config.port, host: config.host });
    // Nor does PGlite gather statistics while it runs: a table grown by an import would be planned
    // at its size at start (the donors tab: 6.8 s on 20,000 new donors, 33 ms once analysed).
    if (database.engine === 'pglite') {
      statistics = setInterval(() => {
        database.db
          .execute(sql`analyze`)
          .catch((error: unknown) =>
            log.warn({ err: error }, 'Không thu thập được thống kê của cơ sở dữ liệu (analyze).'),
          );
      }, 3_600_000).unref();
    }
    if (options.demo) printDemoAccounts(config);
    const shown = ['0.0.0.0', '127.0.0.1', '::', '::1'].includes(config.host) ? 'localhost' : config.host;
    process.stdout.write(`  Chung Tay đang chạy tại http://${shown}:${config.port}\n\n`);
  } catch (error) {
    if (stopping) return;
    await database.close();
    throw error;
  }
}
