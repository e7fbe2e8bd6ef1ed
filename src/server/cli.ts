import { BackupError, restoreBackup, writeBackup } from './platform/db/backup';
import { DataDirLockedError } from './platform/db/lock';
import { loadConfig, type Config } from './platform/config';
import { createLogger } from './platform/logger';
import { describeVerification, verifyLedger } from './modules/fund/verify';
import { openConfiguredDatabase, runServer } from './server';

const HELP = `Chung Tay — cách dùng (usage): chungtay <lệnh>

  start             chạy máy chủ (cơ sở dữ liệu trống lần đầu → tạo tài khoản admin)
  demo              chạy máy chủ với dữ liệu mẫu tỉnh Hà Tĩnh (thư mục ./.chungtay/demo)
  migrate           chỉ áp dụng các bản cập nhật cấu trúc cơ sở dữ liệu
  backup <tệp>      sao lưu toàn bộ dữ liệu ra tệp SQL
  restore <tệp>     khôi phục từ tệp sao lưu (thay toàn bộ dữ liệu hiện có)
  verify-ledger     kiểm tra chuỗi băm của sổ Quỹ "Vì người nghèo" (mã thoát 0 = nguyên vẹn,
                    3 = có mắt xích hỏng, in bút toán hỏng đầu tiên của từng quỹ)
  help              hướng dẫn này

Cấu hình qua biến môi trường: PORT, HOST, CHUNGTAY_DATA_DIR, DATABASE_URL,
CHUNGTAY_ADMIN_PASSWORD, CHUNGTAY_SESSION_HOURS, CHUNGTAY_LOG_LEVEL (xem README.md).
`;

const DEMO_DATA_DIR = './.chungtay/demo';

/** Commands that open the database once, do one thing and close it. */
async function withDatabase(
  config: Config,
  task: (db: Awaited<ReturnType<typeof openConfiguredDatabase>>) => Promise<void>,
) {
  const log = createLogger(config.logLevel);
  const database = await openConfiguredDatabase(config, log);
  try {
    await task(database);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command = 'help', ...args] = argv;
  switch (command) {
    case 'start':
      await runServer(loadConfig(), { demo: false });
      return -1;
    case 'demo':
      await runServer(loadConfig({ defaultDataDir: DEMO_DATA_DIR }), { demo: true });
      return -1;
    case 'migrate':
      await withDatabase(loadConfig(), async (database) => {
        await database.migrate();
        process.stdout.write('Cấu trúc cơ sở dữ liệu đã cập nhật.\n');
      });
      return 0;
    case 'backup': {
      const file = args[0];
      if (!file) throw new BackupError('Cần tên tệp: chungtay backup <tệp.sql>');
      await withDatabase(loadConfig(), async (database) => {
        const { rows, tables } = await writeBackup(database, file);
        process.stdout.write(`Đã sao lưu ${rows} dòng của ${tables} bảng vào ${file}.\n`);
      });
      return 0;
    }
    case 'restore': {
      const file = args[0];
      if (!file) throw new BackupError('Cần tên tệp: chungtay restore <tệp.sql>');
      await withDatabase(loadConfig(), async (database) => {
        await database.migrate();
        await restoreBackup(database, file);
        process.stdout.write(`Đã khôi phục dữ liệu từ ${file}.\n`);
      });
      return 0;
    }
    case 'verify-ledger': {
      let intact = false;
      await withDatabase(loadConfig(), async (database) => {
        const result = await verifyLedger(database.db, { level: 'national' });
        process.stdout.write(`${describeVerification(result) || 'Chưa có quỹ nào. (No funds yet.)'}\n`);
        intact = result.ok;
      });
      return intact ? 0 : 3;
    }
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(HELP);
      return 0;
    default:
      process.stderr.write(`Lệnh không rõ: ${command}\n\n${HELP}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    const known = error instanceof BackupError || error instanceof DataDirLockedError;
    process.stderr.write(
      `Lỗi: ${known ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
