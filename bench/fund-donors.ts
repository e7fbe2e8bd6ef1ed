/**
 * The donors of one fund at a large province's scale: N donors (1 in 10 entered a second time as
 * "Cty …" for "Công ty …"), 500 receipts through the posting path, then what the donors tab
 * asks: the likely duplicates, the first page sorted by what each gave, and merges.
 *   npx tsx bench/fund-donors.ts [donors]      (PGlite in memory)
 * Wall time depends on what else the machine runs; the process's CPU time much less.
 * Results: docs/benchmarks.md.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { ensureAdminUnits } from '../src/server/modules/admin-units/reference-data';
import { likelyDuplicates, mergeDonor } from '../src/server/modules/fund/donor-merge';
import { createFund, listFundDonors, postReceipt } from '../src/server/modules/fund/service';
import { fundDonors } from '../src/server/modules/fund/tables';
import { openDatabase } from '../src/server/platform/db/database';
import { systemAdmin } from '../test/helpers/factories';

const total = Number(process.argv[2] ?? 20_000);
const RECEIPTS = 500;
const database = await openDatabase({ engine: 'pglite' });
const db = database.db;
/** Wall and CPU milliseconds of a step (PGlite runs in this process). */
async function timed<T>(label: string, step: () => Promise<T>, times = 1): Promise<T> {
  const [wall, cpu] = [process.hrtime.bigint(), process.cpuUsage()];
  let result: T | undefined;
  for (let i = 0; i < times; i++) result = await step();
  const used = process.cpuUsage(cpu);
  const each = (n: number) => (n / times).toFixed(1);
  const per = times > 1 ? ` each (${times} runs)` : '';
  console.log(
    `${label.padEnd(34)} ${each(Number(process.hrtime.bigint() - wall) / 1e6)} ms (CPU ${each((used.user + used.system) / 1000)} ms)${per}`,
  );
  return result!;
}
try {
  await database.migrate();
  await ensureAdminUnits(db);
  const actor = await systemAdmin(db);
  const fund = await createFund(db, actor, { unitCode: '42', name: 'Quỹ tỉnh' });
  const rows = Array.from({ length: total }, (_, i) => {
    const twin = i % 10 === 9;
    const n = twin ? i - 9 : i;
    return {
      id: randomUUID(),
      provinceCode: '42',
      communeCode: null,
      kind: 'business',
      name: `${twin ? 'Cty' : 'Công ty'} TNHH Thương mại số ${n}`,
      publishName: true,
    };
  });
  for (let i = 0; i < rows.length; i += 1000) await db.insert(fundDonors).values(rows.slice(i, i + 1000));
  for (let i = 0; i < RECEIPTS; i++) {
    await postReceipt(db, actor, fund.id, {
      amount: 100_000 * (1 + (i % 50)),
      date: '2026-11-01',
      method: 'bank',
      donorId: rows[(i * 7) % total]!.id,
    });
  }
  console.log(
    `PGlite, ${total} donors of one fund, ${RECEIPTS} receipts, node ${process.version}, ${os.cpus().length} cores`,
  );
  const found = await timed('likely duplicates (50 groups)', () => likelyDuplicates(db, actor, fund.id), 5);
  const page = { sort: 'given', order: 'desc', limit: 20, offset: 0 } as const;
  await timed('donors tab, page 1 by given', () => listFundDonors(db, actor, fund.id, page), 5);
  const merges = found.groups.slice(0, 20);
  await timed(
    'merge a duplicate',
    async () => {
      const [kept, twin] = merges.shift()!.donors;
      await mergeDonor(db, actor, twin!.id, { intoId: kept!.id, version: twin!.version });
    },
    20,
  );
  await timed('donors tab after 20 merges', () => listFundDonors(db, actor, fund.id, page), 5);
  await timed('likely duplicates after 20 merges', () => likelyDuplicates(db, actor, fund.id), 5);
} finally {
  await database.close();
}
