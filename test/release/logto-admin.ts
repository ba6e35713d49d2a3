/**
 * A simulated self-hosted Logto: what `logto connector add` checks (`packages/core/package.json`
 * named `@logto/core`) and what Logto's core gives its connectors (`packages/core/node_modules`
 * with Logto's CLI, and through it connector-kit, got, zod and @silverhand/essentials, from
 * npm). Connectors are added to `packages/core/connectors` by Logto's own CLI and loaded by
 * Logto's own loader, as core loads them at start.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { huaweiEmulatorConfig } from '@duanxin/connector-huawei-sms/emulator';
import { expectLoadsAsLogto } from '@duanxin/connector-testkit';
import { emulatorConnectorConfigs, type Emulator } from '@duanxin/emulator';

import { run } from './shell.js';

/** Logto 1.37 runs connector-kit 4.7, Logto 1.43 kit 5.1. */
export const logtoHosts = [
  { cli: '1.37.1', kit: '4.7.0' },
  { cli: '1.43.0', kit: '5.1.1' },
];

const coreOf = (instance: string) => path.join(instance, 'packages', 'core');
export const connectorDirectory = (instance: string) => path.join(coreOf(instance), 'connectors');
const kitDirectory = (instance: string) =>
  path.join(coreOf(instance), 'node_modules', '@logto', 'connector-kit');

export const setUpLogto = async (
  instance: string,
  host: (typeof logtoHosts)[number],
  env: NodeJS.ProcessEnv
) => {
  const core = coreOf(instance);
  mkdirSync(core, { recursive: true });
  writeFileSync(
    path.join(core, 'package.json'),
    JSON.stringify({
      name: '@logto/core',
      version: '0.0.0',
      private: true,
      type: 'module',
      dependencies: { '@logto/cli': host.cli },
    })
  );
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: core, env });
  const { version } = JSON.parse(
    readFileSync(path.join(kitDirectory(instance), 'package.json'), 'utf8')
  ) as { version: string };
  if (version !== host.kit) {
    throw new Error(`@logto/cli ${host.cli} brought connector-kit ${version}, not ${host.kit}`);
  }
};

/**
 * `npx @logto/cli connector add <specs> --path <instance>` with the instance's own CLI, as run in
 * Logto's core directory; from another `cwd`, `npx --prefix <core> logto …`. It exits 0 even
 * when it adds nothing.
 */
export const addConnectors = async (
  instance: string,
  specs: string[],
  env: NodeJS.ProcessEnv,
  { cwd }: { cwd?: string } = {}
) => {
  const core = coreOf(instance);
  const command = cwd === undefined ? ['@logto/cli'] : ['--prefix', core, 'logto'];
  const result = await run('npx', [...command, 'connector', 'add', ...specs, '--path', instance], {
    cwd: cwd ?? core,
    env,
  });
  return { code: result.code, output: `${result.stdout}\n${result.stderr}` };
};

type LogtoFactory = { metadata: { id: string; logo: string; readme: string }; path: string };

/** Logto's core at start: the connector packages in its directory, loaded by Logto's loader. */
export const loadWithLogto = async (instance: string): Promise<LogtoFactory[]> => {
  const lib = path.join(coreOf(instance), 'node_modules', '@logto', 'cli', 'lib');
  const load = async <T>(file: string) =>
    (await import(/* @vite-ignore */ pathToFileURL(path.join(lib, file)).href)) as T;
  const { getConnectorPackagesFromDirectory } = await load<{
    getConnectorPackagesFromDirectory: (dir: string) => Promise<unknown[]>;
  }>('utils.js');
  const { loadConnectorFactories } = await load<{
    loadConnectorFactories: (
      packages: unknown[],
      ignoreVersionMismatch: boolean
    ) => Promise<LogtoFactory[]>;
  }>('connector/index.js');
  const found = await getConnectorPackagesFromDirectory(connectorDirectory(instance));
  return loadConnectorFactories(found, false);
};

const emulation: Record<
  string,
  { provider: string; config: (url: string) => Record<string, unknown>; providers?: string[] }
> = {
  'aliyun-short-message-service': {
    provider: 'aliyun',
    config: (url) => emulatorConnectorConfigs(url).aliyun,
  },
  'tencent-short-message-service': {
    provider: 'tencent',
    config: (url) => emulatorConnectorConfigs(url).tencent,
  },
  'yunpian-sms': { provider: 'yunpian', config: (url) => emulatorConnectorConfigs(url).yunpian },
  'huawei-cloud-sms': { provider: 'huawei', config: huaweiEmulatorConfig },
  // Every provider behind Aliyun: each bundled connector sends or refuses inside the package.
  'duanxin-failover-sms': {
    provider: 'aliyun',
    providers: ['aliyun', 'tencent', 'yunpian', 'huawei'],
    config: (url) => ({
      providers: [
        { provider: 'aliyun', config: emulatorConnectorConfigs(url).aliyun },
        { provider: 'tencent', config: emulatorConnectorConfigs(url).tencent },
        { provider: 'yunpian', config: emulatorConnectorConfigs(url).yunpian },
        { provider: 'huawei', config: huaweiEmulatorConfig(url) },
      ],
    }),
  },
};

/** The testkit's checks of each loaded connector, against the instance's connector-kit. */
export const expectEachSends = async (
  instance: string,
  factories: LogtoFactory[],
  emulator: Emulator
) => {
  for (const factory of factories) {
    const emulated = emulation[factory.metadata.id];
    if (!emulated) {
      throw new Error(`no emulation for ${factory.metadata.id}`);
    }
    await expectLoadsAsLogto({
      connectorDir: factory.path,
      kitDir: kitDirectory(instance),
      emulator,
      ...emulated,
    });
  }
};
