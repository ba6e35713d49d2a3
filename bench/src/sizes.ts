/**
 * Size: the bundled lib/index.js Logto loads, and what a user who is not running Logto installs
 * (npm install into an empty directory, from the registry or npm's cache).
 */
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

import { connectorDir } from './build.js';
import { providers, type Provider } from './matrix.js';
import { packageVersion, resolvePackageDir } from './packages.js';

const run = promisify(execFile);

export type BundleSize = { name: string; bytes: number; gzipBytes: number };
export type Footprint = { name: string; packages: number; files: number; bytes: number };

const bundleSize = (name: string, file: string): BundleSize => {
  const content = readFileSync(file);
  return { name, bytes: content.length, gzipBytes: gzipSync(content).length };
};

export const measureBundles = (connectors: Record<Provider, string>): BundleSize[] =>
  providers.flatMap((provider) => [
    bundleSize(`@duanxin/connector-${provider}-sms`, connectors[provider]),
    bundleSize(
      `@logto/connector-${provider}-sms`,
      path.join(resolvePackageDir(`@logto/connector-${provider}-sms`), 'lib', 'index.js')
    ),
  ]);

/** Files and their bytes (apparent size, as npm reports unpacked sizes). */
const walk = (dir: string, totals = { files: 0, bytes: 0 }) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      walk(full, totals);
    } else if (entry.isFile()) {
      totals.files++;
      totals.bytes += statSync(full).size;
    }
  }
  return totals;
};

/** Directories right under node_modules (or a scope in it) that hold a package.json. */
const countPackages = (modules: string): number => {
  let count = 0;
  for (const entry of readdirSync(modules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) {
      continue;
    }
    const dir = path.join(modules, entry.name);
    if (entry.name.startsWith('@')) {
      count += countPackages(dir);
    } else if (existsSync(path.join(dir, 'package.json'))) {
      const nested = path.join(dir, 'node_modules');
      count += 1 + (existsSync(nested) ? countPackages(nested) : 0);
    }
  }
  return count;
};

const npmInstall = async (name: string, specs: string[]): Promise<Footprint> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'duanxin-footprint-'));
  try {
    await run(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--no-package-lock',
        '--ignore-scripts',
        '--prefer-offline',
        '--loglevel=error',
        ...specs,
      ],
      { cwd: dir, timeout: 180_000 }
    );
    const modules = path.join(dir, 'node_modules');
    const { files, bytes } = walk(modules);
    return { name, packages: countPackages(modules), files, bytes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Packs a connector as it would be published, with the lib/index.js built for this run. */
const packConnector = async (
  workDir: string,
  provider: Provider,
  builtLib: string
): Promise<string> => {
  const stage = path.join(workDir, 'pack', provider);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(path.join(stage, 'lib'), { recursive: true });
  for (const file of ['package.json', 'README.md', 'logo.svg']) {
    const source = path.join(connectorDir(provider), file);
    if (existsSync(source)) {
      copyFileSync(source, path.join(stage, file));
    }
  }
  copyFileSync(builtLib, path.join(stage, 'lib', 'index.js'));
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--loglevel=error'], {
    cwd: stage,
  });
  const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
  return path.join(stage, filename);
};

export const measureFootprints = async (
  workDir: string,
  connectors: Record<Provider, string>,
  log: (line: string) => void
): Promise<Footprint[]> => {
  const installs: [name: string, specs: () => Promise<string[]>][] = [
    ...providers.flatMap((provider): [string, () => Promise<string[]>][] => [
      [
        `@duanxin/connector-${provider}-sms`,
        async () => [await packConnector(workDir, provider, connectors[provider])],
      ],
      [
        `@logto/connector-${provider}-sms`,
        async () => [
          `@logto/connector-${provider}-sms@${packageVersion(`@logto/connector-${provider}-sms`)}`,
        ],
      ],
    ]),
    [
      '@alicloud/dysmsapi20170525 + @alicloud/openapi-client',
      async () => [
        `@alicloud/dysmsapi20170525@${packageVersion('@alicloud/dysmsapi20170525')}`,
        `@alicloud/openapi-client@${packageVersion('@alicloud/openapi-client')}`,
      ],
    ],
    [
      'tencentcloud-sdk-nodejs-sms',
      async () => [`tencentcloud-sdk-nodejs-sms@${packageVersion('tencentcloud-sdk-nodejs-sms')}`],
    ],
  ];
  const footprints: Footprint[] = [];
  for (const [name, specs] of installs) {
    log(`  npm install ${name}`);
    footprints.push(await npmInstall(name, await specs()));
  }
  return footprints;
};
