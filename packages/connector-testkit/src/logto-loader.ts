/**
 * Loads a packed connector exactly as Logto does (`@logto/cli` `loadConnector`): checks
 * `dependencies["@logto/connector-kit"]` against the host's kit, imports the hard-coded
 * `lib/index.js`, calls the default export with a `getConfig` that throws, and validates the
 * module and its metadata with the host kit's own guards.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type * as ConnectorKit from '@logto/connector-kit';
import semver from 'semver';

/** The modules a Logto install resolves for its connectors (it never installs theirs). */
export const logtoProvidedModules = ['got', 'zod', '@silverhand/essentials'] as const;

/** An installed module's directory, walking up node_modules folders from `from`. */
const lookUpModuleDir = (name: string, from: string): string | undefined => {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) {
      return candidate;
    }
    if (path.dirname(dir) === dir) {
      return undefined;
    }
  }
};

/** Finds an installed module's directory by walking up node_modules folders from `from`. */
export const findModuleDir = (name: string, from: string): string => {
  const dir = lookUpModuleDir(name, from);
  if (!dir) {
    throw new Error(`${name} is not installed above ${from}`);
  }
  return dir;
};

/** Builds (the package's own `build` script) and packs a connector; returns the tarball path. */
export const packConnector = (packageDir: string): string => {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: packageDir, stdio: 'ignore' });
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
 * directory outside the repository, no npm install — next to a node_modules holding only what
 * Logto provides: the given connector-kit, and those of got, zod and @silverhand/essentials
 * installed above `resolveFrom` (a connector that imports one that is not installed there fails
 * to load, as it should).
 */
export const installAsLogto = (
  tarball: string,
  { kitDir, resolveFrom }: { kitDir: string; resolveFrom: string }
): string => {
  const logto = mkdtempSync(path.join(tmpdir(), 'duanxin-logto-'));
  const target = path.join(logto, 'connectors', path.basename(tarball, '.tgz'));
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['xzf', tarball, '-C', target, '--strip-components', '1']);
  const link = (name: string, from: string) => {
    const to = path.join(logto, 'node_modules', name);
    mkdirSync(path.dirname(to), { recursive: true });
    symlinkSync(from, to, 'dir');
  };
  link('@logto/connector-kit', kitDir);
  for (const name of logtoProvidedModules) {
    const dir = lookUpModuleDir(name, resolveFrom);
    if (dir) {
      link(name, dir);
    }
  }
  return target;
};

const readJson = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T;

export const loadAsLogto = async (connectorDir: string, kitDir: string) => {
  const manifest = readJson<{ name: string; dependencies?: Record<string, string> }>(
    path.join(connectorDir, 'package.json')
  );
  const { version } = readJson<{ version: string }>(path.join(kitDir, 'package.json'));
  const range = manifest.dependencies?.['@logto/connector-kit'];
  if (!range || !semver.satisfies(version, range)) {
    throw new Error(`[load-connector] skip ${manifest.name}: kit ${version} not in ${range}`);
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
    pathToFileURL(path.join(kitDir, 'lib', 'index.js')).href
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
    version,
  };
};
