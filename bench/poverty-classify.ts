/**
 * Classification benchmark: random households classified in-process under each built-in
 * standard (target: at least 1,000,000 a second), then the cost of the explanation text.
 *   npx tsx bench/poverty-classify.ts [households per standard, default 5000000]
 */
import os from 'node:os';
import { BUILTIN_STANDARDS, classify, type ClassifyInput, type StandardDefinition } from '../src/domain/poverty';

const households = Number(process.argv[2] ?? 5_000_000);
const explained = Math.max(1, Math.floor(households / 10));
const POOL = 1 << 16;

// A deterministic generator, so runs compare: incomes spread over every line of the standards,
// each indicator deprived with probability 0.2.
let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32;

function pool(standard: StandardDefinition): ClassifyInput[] {
  const keys = standard.dimensions.flatMap((dimension) => dimension.indicators.map((indicator) => indicator.key));
  return Array.from({ length: POOL }, () => ({
    area: random() < 0.7 ? 'rural' : 'urban',
    incomePerCapitaMonthly: Math.floor(random() * 4_000_000),
    deprivations: keys.filter(() => random() < 0.2),
  }));
}

function run(standard: StandardDefinition, inputs: ClassifyInput[], count: number, explain: boolean) {
  let poor = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    if (classify(standard, inputs[i & (POOL - 1)]!, { explain }).category === 'poor') poor++;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { perSecond: count / seconds, nanoseconds: (seconds * 1e9) / count, poor };
}

const fmt = (value: number) => Math.round(value).toLocaleString('en-US');
console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores`);
console.log(`${fmt(households)} households per standard; explanations on ${fmt(explained)}\n`);
for (const standard of BUILTIN_STANDARDS) {
  const inputs = pool(standard);
  run(standard, inputs, 200_000, false); // warm up the JIT
  run(standard, inputs, 20_000, true);
  const plain = run(standard, inputs, households, false);
  const withText = run(standard, inputs, explained, true);
  console.log(
    `${standard.id.padEnd(10)} ${fmt(plain.perSecond).padStart(12)} classifications/s (${plain.nanoseconds.toFixed(0)} ns each, ` +
      `${((100 * plain.poor) / households).toFixed(1)}% poor); with explanation ${fmt(withText.perSecond)}/s ` +
      `(+${(withText.nanoseconds - plain.nanoseconds).toFixed(0)} ns each)`,
  );
}
