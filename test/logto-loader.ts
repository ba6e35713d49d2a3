/**
 * Loads a packed connector exactly as Logto does (`@logto/cli` `loadConnector`, see
 * ../shared/research/logto.md §3): checks `dependencies["@logto/connector-kit"]` against the
 * host's kit, imports the hard-coded `lib/index.js`, calls the default export with a `getConfig`
 * that throws, and validates the module and its metadata with the host kit's own guards.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type * as ConnectorKit from '@logto/connector-kit';
import semver from 'semver';

const root = path.resolve(import.meta.dirname, '..');

export type HostKit = 'logto-connector-kit-4.7' | 'logto-connector-kit-5.1';

/** Builds and packs a connector; returns the tarball's path. */
export const packConnector = (name: string): string => {
  const packageDir = path.join(root, 'packages', name);
  execFileSync(path.join(root, 'node_modules', '.bin', 'tsup'), ['--silent'], {
    cwd: packageDir,
    stdio: 'ignore',
  });
  const work = mkdtempSync(path.join(tmpdir(), 'duanxin-pack-'));
  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: packageDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [{ filename }] = JSON.parse(output) as [{ filename: string }];
  return path.join(work, path.basename(filename));
};

/**
 * Installs a tarball as `logto connector add` does — extracted with strip 1 into a connectors
 * directory outside this repository, no npm install — next to a node_modules holding only what a
 * Logto install provides: connector-kit (the chosen version), got, zod, @silverhand/essentials.
 */
export const installAsLogto = (tarball: string, name: string, kit: HostKit): string => {
  const logto = mkdtempSync(path.join(tmpdir(), 'duanxin-logto-'));
  const target = path.join(logto, 'connectors', name);
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['xzf', tarball, '-C', target, '--strip-components', '1']);
  const modules = path.join(logto, 'node_modules');
  const link = (module: string, from: string) => {
    const to = path.join(modules, module);
    mkdirSync(path.dirname(to), { recursive: true });
    symlinkSync(path.join(root, 'node_modules', from), to, 'dir');
  };
  link('@logto/connector-kit', kit);
  for (const module of ['got', 'zod', '@silverhand/essentials']) {
    link(module, module);
  }
  return target;
};

const kitVersion = (kit: HostKit) =>
  (
    JSON.parse(readFileSync(path.join(root, 'node_modules', kit, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

export const loadAsLogto = async (connectorDir: string, kit: HostKit) => {
  const manifest = JSON.parse(readFileSync(path.join(connectorDir, 'package.json'), 'utf8')) as {
    name: string;
    dependencies?: Record<string, string>;
  };
  const range = manifest.dependencies?.['@logto/connector-kit'];
  if (!range || !semver.satisfies(kitVersion(kit), range)) {
    throw new Error(
      `[load-connector] skip ${manifest.name}: kit ${kitVersion(kit)} not in ${range}`
    );
  }
  const module = (await import(pathToFileURL(path.join(connectorDir, 'lib', 'index.js')).href)) as {
    default: unknown;
  };
  if (typeof module.default !== 'function') {
    throw new TypeError('default export is not a function');
  }
  const notImplemented = async () => {
    throw new Error('getConfig must not be called while loading');
  };
  const connector = (await module.default({ getConfig: notImplemented })) as Record<
    string,
    unknown
  >;
  const kitModule = (await import(
    pathToFileURL(path.join(root, 'node_modules', kit, 'lib', 'index.js')).href
  )) as typeof ConnectorKit;
  const metadata = kitModule.connectorMetadataGuard.parse(connector.metadata);
  if (
    typeof (connector.configGuard as { safeParse?: unknown } | undefined)?.safeParse !== 'function'
  ) {
    throw new Error('configGuard is not a zod type');
  }
  if (connector.type !== kitModule.ConnectorType.Sms) {
    throw new Error('unexpected connector type');
  }
  for (const file of [metadata.logo, metadata.readme]) {
    if (!existsSync(path.join(connectorDir, file))) {
      throw new Error(`metadata points at ${file}, which the package does not contain`);
    }
  }
  return {
    connector: connector as unknown as ConnectorKit.SmsConnector,
    kitModule,
    metadata,
  };
};
