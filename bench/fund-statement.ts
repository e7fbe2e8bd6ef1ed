/**
 * A bank statement of the largest size accepted (5,000 transfers) imported into one fund, through
 * the statement service as the API calls it: the preview (read, match against 200 pledges and the
 * campaigns), the import (each matched transfer a receipt with every ledger check, the rest
 * stored for manual matching), and the same file again (nothing recorded twice).
 *   npx tsx bench/fund-statement.ts [lines]      (PGlite in memory)
 * Wall time depends on what else the machine runs; the process's CPU time much less.
 * Results: docs/benchmarks.md.
 */
import os from 'node:os';
import { ensureAdminUnits } from '../src/server/modules/admin-units/reference-data';
import { createPledge } from '../src/server/modules/fund/pledges';
import { createFund } from '../src/server/modules/fund/service';
import { importStatement } from '../src/server/modules/fund/statement';
import { openDatabase } from '../src/server/platform/db/database';
import { systemAdmin } from '../test/helpers/factories';

const total = Number(process.argv[2] ?? 5000);
const database = await openDatabase({ engine: 'pglite' });
const db = database.db;
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
// CPU time of this process (PGlite runs in it): what a step costs whatever else the machine runs.
const cpuMs = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
try {
  await database.migrate();
  await ensureAdminUnits(db);
  // The national administrator, as the tests have it (every role, national scope).
  const actor = await systemAdmin(db);
  const fund = await createFund(db, actor, {
    unitCode: '18562',
    name: 'Quỹ',
    bankBin: '970405',
    accountNumber: '3711',
  });
  const pledges: { reference: string }[] = [];
  for (let i = 0; i < 200; i++) {
    pledges.push(
      await createPledge(db, actor, fund.id, {
        donor: { kind: 'business', name: `Công ty ${i}` },
        amount: 1_000_000_000,
        dueDate: '2026-12-31',
      }),
    );
  }
  // 40 % pay a pledge, 40 % name the 2026 Peak Month, 20 % name nothing.
  const lines = Array.from({ length: total }, (_, i) => {
    const note =
      i % 5 < 2 ? `CK ${pledges[i % 200]!.reference} UNG HO` : i % 5 < 4 ? 'UNG HO QVNN TCD2026' : 'CHUYEN TIEN';
    return `${1 + (i % 28)}/11/2026,FT${String(i).padStart(8, '0')},,"${(1 + (i % 50)) * 100_000}",${note}`;
  });
  const file = Buffer.from(['Ngày giao dịch,Số bút toán,Ghi nợ,Ghi có,Nội dung', ...lines].join('\r\n'));
  console.log(
    `PGlite, ${total} transfers (${(file.length / 1024).toFixed(0)} KiB), 200 pledges, node ${process.version}, ${os.cpus().length} cores`,
  );
  let t = process.hrtime.bigint();
  let cpu = process.cpuUsage();
  const preview = await importStatement(db, actor, fund.id, file, { dryRun: true });
  console.log(
    `preview (read + match)  ${ms(t).toFixed(0)} ms (CPU ${cpuMs(cpu).toFixed(0)} ms)  ${JSON.stringify(preview.totals)}`,
  );
  t = process.hrtime.bigint();
  cpu = process.cpuUsage();
  const done = await importStatement(db, actor, fund.id, file, {});
  const importMs = ms(t);
  const importCpu = cpuMs(cpu);
  console.log(
    `import                  ${importMs.toFixed(0)} ms (CPU ${importCpu.toFixed(0)} ms)  ${done.totals.matched} receipts, ` +
      `${((done.totals.matched / importMs) * 1000).toFixed(0)} receipts/s (${((done.totals.matched / importCpu) * 1000).toFixed(0)}/s of CPU)`,
  );
  t = process.hrtime.bigint();
  cpu = process.cpuUsage();
  const again = await importStatement(db, actor, fund.id, file, {});
  console.log(
    `same file again         ${ms(t).toFixed(0)} ms (CPU ${cpuMs(cpu).toFixed(0)} ms)  ${again.totals.alreadyImported} already imported`,
  );
} finally {
  await database.close();
}
