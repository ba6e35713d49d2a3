/** One benchmark run: build, start the emulator, measure everything, return the figures. */
import { buildAll } from './build.js';
import type { BenchContext } from './context.js';
import { startEmulatorProcess } from './emulator-handle.js';
import { describeMachine, describeVersions, loadAverage, type MachineInfo } from './machine.js';
import { allPairs, type Pair, type Provider } from './matrix.js';
import { measureColdStarts, type ColdStartMeasurement } from './measure-cold-start.js';
import { measurePairs, type PairMeasurement } from './measure-pairs.js';
import {
  measureOwnWork,
  profileConnectors,
  type ClientProfile,
  type OwnWorkMeasurement,
} from './measure-profiles.js';
import { workDirFor } from './paths.js';
import type { BenchPlan } from './plan.js';
import { measureBundles, measureFootprints, type BundleSize, type Footprint } from './sizes.js';
import { measureVerifier, type VerifierMeasurement } from './verifier/measure.js';

export type BenchOptions = {
  plan: BenchPlan;
  /** Shown in the report: `full`, `quick`, `smoke`. */
  mode: string;
  pairs?: readonly Pair[];
  log: (line: string) => void;
};

export type BenchResults = {
  mode: string;
  plan: BenchPlan;
  startedAt: string;
  minutes: number;
  machine: MachineInfo;
  versions: Record<string, string>;
  pairs: PairMeasurement[];
  ownWork: Record<Provider, OwnWorkMeasurement>;
  profiles: ClientProfile[];
  coldStarts: ColdStartMeasurement[];
  bundles: BundleSize[];
  footprints: Footprint[];
  verifier: VerifierMeasurement;
};

export const runBenchmarks = async (options: BenchOptions): Promise<BenchResults> => {
  const started = Date.now();
  const loadAtStart = loadAverage();
  const { log, plan } = options;
  const pairs = options.pairs ?? allPairs;
  log('building the connectors and the client scripts');
  const workDir = workDirFor(options.mode);
  const built = await buildAll(workDir);
  const context: BenchContext = {
    plan,
    workDir,
    built,
    emulator: await startEmulatorProcess(built.emulator),
    log,
    restartEmulator: async () => {
      await context.emulator.stop();
      context.emulator = await startEmulatorProcess(built.emulator);
    },
  };
  try {
    await context.emulator.takeInbox();
    log('CPU, throughput, latency, connections');
    const measuredPairs = await measurePairs(context, pairs);
    log('our own work outside got, and profiles');
    const ownWork = await measureOwnWork(context);
    const profiles = await profileConnectors(context);
    log('cold start');
    const coldStarts = await measureColdStarts(context, pairs);
    log('size');
    const bundles = measureBundles(built.connectors);
    const footprints = plan.footprint
      ? await measureFootprints(workDir, built.connectors, log)
      : [];
    log('@duanxin/verification');
    const verifier = await measureVerifier({ ...context, script: built.verifierLoop });
    return {
      mode: options.mode,
      plan,
      startedAt: new Date(started).toISOString(),
      minutes: (Date.now() - started) / 60_000,
      machine: { ...describeMachine(), load: { start: loadAtStart, end: loadAverage() } },
      versions: describeVersions(),
      pairs: measuredPairs,
      ownWork,
      profiles,
      coldStarts,
      bundles,
      footprints,
      verifier,
    };
  } finally {
    await context.emulator.stop();
  }
};
