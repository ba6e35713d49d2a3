/**
 * A NocoBase server of the tested version, installed from npm's registry into a folder outside
 * the repository (docs/nocobase.md §5), then copied for each run. The installed app is kept in
 * the system's temporary folder and reused while its recipe is unchanged; without it the install
 * takes minutes, with it seconds.
 */
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { testedNocobaseVersion } from '../../src/build/package.js';
import { run } from '../../../../test/release/shell.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const lockfile = path.join(here, `nocobase-${testedNocobaseVersion}.yarn.lock`);
const yarn = ['-y', 'yarn@1.22.22'];

const yarnrc = [
  'registry "https://registry.npmjs.org/"',
  'network-timeout 600000',
  // @langchain/openai (under @nocobase/ai) declares Node >= 22; the server runs on Node 20.
  'ignore-engines true',
  '',
].join('\n');

type AppManifest = {
  dependencies: Record<string, string>;
  resolutions?: Record<string, string>;
};

const patchManifest = (appDir: string) => {
  const file = path.join(appDir, 'package.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as AppManifest;
  manifest.dependencies.sqlite3 = '5.1.7';
  // @nocobase/ai names a tarball on cdn.sheetjs.com; npm has 0.18.5.
  manifest.resolutions = { ...manifest.resolutions, xlsx: '0.18.5' };
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
};

/** Everything the installed tree depends on: a change of it installs afresh. */
const recipe = createHash('sha256')
  .update(
    [testedNocobaseVersion, yarnrc, readFileSync(lockfile, 'utf8'), String(patchManifest)].join(
      '\n'
    )
  )
  .digest('hex')
  .slice(0, 12);

export const cacheDir = path.join(tmpdir(), `duanxin-nocobase-${testedNocobaseVersion}-${recipe}`);
const template = path.join(cacheDir, 'app');
const stamp = path.join(cacheDir, 'installed');

/**
 * sqlite3 is compiled (its prebuilt binaries are on GitHub) against the Node headers of this
 * machine: Debian's nodejs package has them in /usr/include/node.
 */
const buildEnvironment = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => {
  const nodedir = env.npm_config_nodedir ?? '/usr';
  if (!existsSync(path.join(nodedir, 'include', 'node', 'node_api.h'))) {
    throw new Error(
      `sqlite3 is built from source and needs the Node headers in ${nodedir}/include/node (set npm_config_nodedir)`
    );
  }
  return {
    ...env,
    npm_config_nodedir: nodedir,
    npm_config_build_from_source: 'true',
    YARN_CACHE_FOLDER: path.join(cacheDir, 'yarn-cache'),
  };
};

/**
 * NocoBase's own commands call `yarn` (`nocobase install` runs `yarn nocobase pkg download-pro`),
 * and a machine with only Node and npm has none: a `yarn` on PATH that runs the pinned yarn
 * through npx.
 */
export const withYarn = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => {
  const bin = path.join(tmpdir(), 'duanxin-nocobase-bin');
  const shim = path.join(bin, 'yarn');
  if (!existsSync(shim)) {
    mkdirSync(bin, { recursive: true });
    writeFileSync(shim, `#!/bin/sh\nexec npx ${yarn.join(' ')} "$@"\n`);
    chmodSync(shim, 0o755);
  }
  return { ...env, PATH: `${bin}${path.delimiter}${env.PATH ?? ''}` };
};

export type InstallReport = { cached: boolean; seconds: number };

/** The installed app (node_modules and a database with the root user), installing it if needed. */
export const installNocobase = async (env: NodeJS.ProcessEnv): Promise<InstallReport> => {
  const started = Date.now();
  if (existsSync(stamp)) {
    return { cached: true, seconds: 0 };
  }
  rmSync(cacheDir, { recursive: true, force: true });
  await run('mkdir', ['-p', cacheDir], { cwd: tmpdir(), env });
  await run(
    'npx',
    [
      '-y',
      `create-nocobase-app@${testedNocobaseVersion}`,
      'app',
      // Its dev dependencies name @nocobase/devtools of this version, which npm does not have.
      '--skip-dev-dependencies',
      '-d',
      'sqlite',
    ],
    { cwd: cacheDir, env }
  );
  writeFileSync(path.join(template, '.yarnrc'), yarnrc);
  patchManifest(template);
  writeFileSync(path.join(template, 'yarn.lock'), readFileSync(lockfile));
  await run('npx', [...yarn, 'install', '--non-interactive', '--frozen-lockfile'], {
    cwd: template,
    env: buildEnvironment(env),
  });
  await run(path.join(template, 'node_modules', '.bin', 'nocobase-v1'), ['install'], {
    cwd: template,
    env: withYarn(env),
  });
  // Only the installed tree is kept: yarn's cache is as large again.
  rmSync(path.join(cacheDir, 'yarn-cache'), { recursive: true, force: true });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  return { cached: false, seconds: Math.round((Date.now() - started) / 1000) };
};

/**
 * A copy of the installed app for one run: its own storage (database, plugins) and files, with
 * node_modules hard-linked (seconds instead of a gigabyte). NocoBase rewrites the web client's
 * `index.html` at start, so that folder is copied too; `templateUntouched` checks that no file
 * of the installed app changed.
 */
export const copyApp = async (target: string, env: NodeJS.ProcessEnv): Promise<string> => {
  await run('mkdir', ['-p', target], { cwd: tmpdir(), env });
  for (const entry of readdirSync(template)) {
    const link = entry === 'node_modules' ? ['-al'] : ['-a'];
    await run('cp', [...link, path.join(template, entry), target], { cwd: tmpdir(), env });
  }
  const client = path.join('node_modules', '@nocobase', 'app', 'dist', 'client');
  rmSync(path.join(target, client), { recursive: true, force: true });
  await run('cp', ['-a', path.join(template, client), path.join(target, client)], {
    cwd: tmpdir(),
    env,
  });
  return target;
};

/** Files of the installed app modified since it was installed (none, or a run damaged it). */
export const templateChanges = async (env: NodeJS.ProcessEnv): Promise<string[]> => {
  const found = await run('find', [template, '-newer', stamp, '-type', 'f'], {
    cwd: tmpdir(),
    env,
  });
  return found.stdout.split('\n').filter(Boolean);
};
