/**
 * `pnpm bench [--quick] [--out file]`: runs every benchmark and writes docs/benchmarks.md.
 * A full run takes several minutes; --quick takes about one and skips the npm installs.
 * `--only verifier` measures @duanxin/verification alone and rewrites only its section.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { runBenchmarks } from './bench.js';
import { buildVerifierLoop } from './build.js';
import { loadAverage } from './machine.js';
import { repoRoot, workDirFor } from './paths.js';
import { fullPlan, quickPlan } from './plan.js';
import { renderReport } from './report.js';
import { checkCpuTargets, ownWorkMet } from './targets.js';
import { measureVerifier } from './verifier/measure.js';
import { replaceVerifierSection, verifierSection } from './verifier/report.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(repoRoot, 'docs', 'benchmarks.md') },
    only: { type: 'string' },
  },
  strict: true,
});

const started = Date.now();
const log = (line: string) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

if (values.only !== undefined) {
  if (values.only !== 'verifier') {
    throw new Error(`--only takes 'verifier', got '${values.only}'`);
  }
  const plan = values.quick ? quickPlan : fullPlan;
  const workDir = workDirFor(values.quick ? 'quick' : 'full');
  const loadAtStart = loadAverage();
  const startedAt = new Date(started).toISOString();
  log('@duanxin/verification');
  const verifier = await measureVerifier({
    plan,
    workDir,
    log,
    script: await buildVerifierLoop(workDir),
  });
  const section = verifierSection(verifier, plan, {
    startedAt,
    load: { start: loadAtStart, end: loadAverage() },
  });
  writeFileSync(values.out, replaceVerifierSection(readFileSync(values.out, 'utf8'), section));
  console.log(`wrote §7 of ${path.relative(process.cwd(), values.out)}`);
  process.exit(0);
}

const results = await runBenchmarks({
  plan: values.quick ? quickPlan : fullPlan,
  mode: values.quick ? 'quick' : 'full',
  log,
});
writeFileSync(values.out, renderReport(results));

for (const check of checkCpuTargets(results)) {
  const own = results.ownWork[check.provider];
  console.log(
    `${check.provider.padEnd(8)} CPU/send ${check.duanxinUs.toFixed(0)} µs vs Logto's ${check.logtoUs.toFixed(0)} µs = ${check.ratio.toFixed(2)}× (${check.met ? 'met' : 'MISSED'}); own work ${own.usPerSend.toFixed(0)} µs (${ownWorkMet(results, check.provider) ? 'met' : 'MISSED'})`
  );
}
console.log(`wrote ${path.relative(process.cwd(), values.out)}`);
