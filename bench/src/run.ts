/**
 * `pnpm bench [--quick] [--out file]`: runs every benchmark and writes docs/benchmarks.md.
 * A full run takes several minutes; --quick takes about one and skips the npm installs.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { runBenchmarks } from './bench.js';
import { repoRoot } from './paths.js';
import { fullPlan, quickPlan } from './plan.js';
import { renderReport } from './report.js';
import { checkCpuTargets, ownWorkMet } from './targets.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(repoRoot, 'docs', 'benchmarks.md') },
  },
  strict: true,
});

const started = Date.now();
const results = await runBenchmarks({
  plan: values.quick ? quickPlan : fullPlan,
  mode: values.quick ? 'quick' : 'full',
  log: (line) =>
    console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`),
});
writeFileSync(values.out, renderReport(results));

for (const check of checkCpuTargets(results)) {
  const own = results.ownWork[check.provider];
  console.log(
    `${check.provider.padEnd(8)} CPU/send ${check.duanxinUs.toFixed(0)} µs vs Logto's ${check.logtoUs.toFixed(0)} µs = ${check.ratio.toFixed(2)}× (${check.met ? 'met' : 'MISSED'}); own work ${own.usPerSend.toFixed(0)} µs (${ownWorkMet(results, check.provider) ? 'met' : 'MISSED'})`
  );
}
console.log(`wrote ${path.relative(process.cwd(), values.out)}`);
