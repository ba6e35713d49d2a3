/**
 * Our own work per send outside got, measured directly (the connector with got stubbed out), and
 * `--cpu-prof` profiles that say where each connector's CPU goes.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';

import type { OwnWorkResult, PairResult } from './child/protocol.js';
import { runClientProcess } from './client-process.js';
import { expectAccepted, type BenchContext } from './context.js';
import { providers, type ClientKind, type Provider } from './matrix.js';
import { dependencyClosure } from './packages.js';
import {
  attributeProfile,
  bundleSections,
  describeSource,
  groupShares,
  type Share,
} from './profile.js';

export type OwnWorkMeasurement = OwnWorkResult & {
  /** By source file, from a profile of the same stubbed run. */
  bySource: Share[];
};

export type ClientProfile = { client: ClientKind; provider: Provider; groups: Share[] };

const profilesDir = (context: BenchContext) => path.join(context.workDir, 'profiles');

const profileArgs = (context: BenchContext, name: string) => [
  '--cpu-prof',
  '--cpu-prof-dir',
  profilesDir(context),
  '--cpu-prof-name',
  `${name}.cpuprofile`,
  '--cpu-prof-interval',
  '250',
];

const ownGroup = "the connector's own code";
const gotGroup = 'got and its dependencies';
const kitGroup = 'zod, connector-kit (Logto provides them)';

/** Labels of profile.ts, grouped into what a reader can act on. */
const groupOf = (gotFamily: Set<string>) => (label: string) => {
  if (
    /^(shared|connector)\//.test(label) ||
    /^@logto\/connector-[a-z]+-sms$/.test(label) ||
    ['libphonenumber-js', 'proxy-from-env', 'hpagent'].includes(label)
  ) {
    return ownGroup;
  }
  if (gotFamily.has(label)) {
    return gotGroup;
  }
  if (/^(zod|ky|@logto\/|@silverhand\/|@withtyped\/)/.test(label)) {
    return kitGroup;
  }
  return label.endsWith('.js') ? 'benchmark harness' : label;
};

const ownWorkTarget = (context: BenchContext, provider: Provider) => ({
  client: 'duanxin',
  provider,
  port: 0,
  duanxinModule: context.built.ownWork[provider],
  counts: context.plan.ownWork,
});

export const measureOwnWork = async (
  context: BenchContext
): Promise<Record<Provider, OwnWorkMeasurement>> => {
  rmSync(profilesDir(context), { recursive: true, force: true });
  const measured = {} as Record<Provider, OwnWorkMeasurement>;
  for (const provider of providers) {
    context.log(`  own work ${provider}`);
    const result = await runClientProcess<OwnWorkResult>({
      script: context.built.children.ownWork,
      target: ownWorkTarget(context, provider),
      name: `own-work-${provider}`,
      workDir: context.workDir,
      timeoutMs: 300_000,
    });
    const name = `own-work-${provider}-profiled`;
    const profiled = await runClientProcess<OwnWorkResult>({
      script: context.built.children.ownWork,
      target: ownWorkTarget(context, provider),
      name,
      workDir: context.workDir,
      nodeArgs: profileArgs(context, name),
      timeoutMs: 300_000,
    });
    const bundle = context.built.ownWork[provider];
    const bySource = attributeProfile(path.join(profilesDir(context), `${name}.cpuprofile`), {
      bundles: new Map([[bundle, bundleSections(bundle, describeSource)]]),
      fromUs: profiled.measuredFromUs,
    });
    measured[provider] = { ...result, bySource };
  }
  return measured;
};

export const profileConnectors = async (context: BenchContext): Promise<ClientProfile[]> => {
  const gotFamily = dependencyClosure('got');
  const profiles: ClientProfile[] = [];
  for (const provider of providers) {
    for (const client of ['duanxin', 'logto'] as const) {
      context.log(`  profile ${client}/${provider}`);
      const name = `profile-${client}-${provider}`;
      await context.restartEmulator();
      const result = await runClientProcess<PairResult>({
        script: context.built.children.sendLoop,
        target: {
          client,
          provider,
          port: context.emulator.port,
          duanxinModule: context.built.connectors[provider],
          counts: {
            warmup: Math.ceil(context.plan.profileSends / 3),
            rounds: 1,
            perRound: context.plan.profileSends,
            concurrent: [],
          },
        },
        name,
        workDir: context.workDir,
        nodeArgs: profileArgs(context, name),
        timeoutMs: 300_000,
      });
      await expectAccepted(context, name, result.sends);
      const bundle = context.built.connectors[provider];
      const shares = attributeProfile(path.join(profilesDir(context), `${name}.cpuprofile`), {
        bundles: new Map([[bundle, bundleSections(bundle, describeSource)]]),
        fromUs: result.measuredFromUs,
      });
      profiles.push({ client, provider, groups: groupShares(shares, groupOf(gotFamily)) });
    }
  }
  return profiles;
};
