/**
 * The Logto-loadability part of the conformance suite: the connector is built, packed,
 * installed outside the repository with only what Logto provides (an unbundled import fails
 * there), loaded as Logto loads it against each host kit, and sends one code.
 */
import semver from 'semver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmulator, type Emulator, type EmulatorOptions } from '@duanxin/emulator';

import { findModuleDir, installAsLogto, loadAsLogto, packConnector } from './logto-loader.js';

export type LogtoLoadingOptions = {
  /** The connector package's directory (with a `build` script producing `lib/index.js`). */
  packageDir: string;
  /** The emulator provider the connector talks to. */
  provider: string;
  /** A working config against the emulator. */
  config: (endpoint: string) => Record<string, unknown>;
  /**
   * connector-kit installations to load against, as module names installed above packageDir
   * (npm aliases). Default: `logto-connector-kit-4.7` and `logto-connector-kit-5.1`, i.e. Logto
   * 1.37 and 1.43: `"logto-connector-kit-4.7": "npm:@logto/connector-kit@4.7.0"`.
   */
  kits?: string[];
  /** Extra emulator options, e.g. `providers` for a provider the emulator does not ship. */
  emulator?: EmulatorOptions;
  /** Every emulator provider the config may send through (see LoadsAsLogtoOptions). */
  providers?: string[];
};

export const defaultHostKits = ['logto-connector-kit-4.7', 'logto-connector-kit-5.1'];

export type LoadsAsLogtoOptions = {
  /** The connector's directory as Logto holds it: `packages/core/connectors/<name>`. */
  connectorDir: string;
  /** The host's `@logto/connector-kit` directory. */
  kitDir: string;
  emulator: Emulator;
  /** The emulator provider the connector talks to. */
  provider: string;
  /** A working config against the emulator. */
  config: (endpoint: string) => Record<string, unknown>;
  /**
   * Every emulator provider the config may send through, when it is more than `provider` (a
   * failover config): the no-balance check empties them all.
   */
  providers?: string[];
};

/**
 * Loads an installed connector as Logto does against the host kit and checks it there: one code
 * sent and received, bad input refused with the host kit's own `ConnectorError`, no balance
 * mapped as the host kit can say it.
 */
export const expectLoadsAsLogto = async (options: LoadsAsLogtoOptions) => {
  const { emulator } = options;
  const { connector, kitModule, metadata, version } = await loadAsLogto(
    options.connectorDir,
    options.kitDir
  );
  expect(metadata.platform).toBeNull();

  const config = options.config(emulator.url);
  expect(connector.configGuard.safeParse(config).success).toBe(true);
  emulator.inbox.clear();
  const send = (code: string, to = '8613800138000') =>
    connector.sendMessage({ to, type: kitModule.TemplateType.Generic, payload: { code } }, config);
  await send('246810');
  expect(emulator.inbox.list()).toMatchObject([
    { provider: options.provider, to: '+8613800138000', code: '246810' },
  ]);

  // Errors must be the host kit's own ConnectorError, or Logto answers 500 instead of 400.
  const error = await send('1', 'not-a-number').catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(kitModule.ConnectorError);

  // No balance is usage_limit_exceeded where the host kit has it (5.1.1+), general before.
  const accounts = (options.providers ?? [options.provider]).map((name) => emulator.account(name));
  const balances = accounts.map((account) => account.balance);
  for (const account of accounts) {
    account.balance = 0;
  }
  try {
    const noBalance = await send('135790').catch((caught: unknown) => caught);
    expect(noBalance).toMatchObject({
      code: semver.gte(version, '5.1.1') ? 'usage_limit_exceeded' : 'general',
    });
  } finally {
    accounts.forEach((account, index) => (account.balance = balances[index] ?? account.balance));
  }
};

export const testLogtoLoading = (options: LogtoLoadingOptions) => {
  describe(`${options.provider}: packed and loaded as Logto does`, () => {
    let emulator: Emulator;
    let tarball: string;

    beforeAll(async () => {
      emulator = await startEmulator({ port: 0, flowControl: false, ...options.emulator });
      tarball = packConnector(options.packageDir);
    }, 120_000);
    afterAll(async () => {
      await emulator.close();
    });

    it.each(options.kits ?? defaultHostKits)('with %s', async (kit) => {
      const kitDir = findModuleDir(kit, options.packageDir);
      const connectorDir = installAsLogto(tarball, { kitDir, resolveFrom: options.packageDir });
      await expectLoadsAsLogto({ ...options, connectorDir, kitDir, emulator });
    });
  });
};
