/**
 * `pnpm create-connector`: the generated package must pass its own conformance suite right away,
 * before any `pnpm install`. It is generated two levels below the repository root, as in
 * packages/ (the root vitest config and node_modules apply), but in a scratch directory outside
 * the pnpm workspace: a concurrent `pnpm install` must not record it in the lockfile. A child
 * vitest runs its tests; the scratch directory is always removed. That it also works outside the
 * repository, on the published packages, is for `pnpm test:release`.
 */
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createConnector, normaliseName, placeholdersFor } from '../scripts/create-connector.js';

import { makeScratchDir, runLine, shellTimeout } from './shell.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const scratchPrefix = '.scaffold-check-';
const scratchDir = path.join(
  repoRoot,
  `${scratchPrefix}${process.pid}-${randomBytes(3).toString('hex')}`
);

/** Leftovers of killed runs (an hour old), never a concurrent run's directory. */
const removeStaleScratchDirs = () => {
  for (const entry of readdirSync(repoRoot)) {
    const dir = path.join(repoRoot, entry);
    if (entry.startsWith(scratchPrefix) && Date.now() - statSync(dir).mtimeMs > 3_600_000) {
      rmSync(dir, { recursive: true, force: true });
    }
  }
};

/**
 * Its build, like an integrator's, bundles the built @duanxin/shared and takes types from the
 * built emulator (an integrator has them from the registry): built once if they are not.
 */
const buildWhatItBuildsOn = () => {
  for (const name of ['shared', 'emulator']) {
    const dir = path.join(repoRoot, 'packages', name);
    if (!existsSync(path.join(dir, 'lib', 'index.d.ts'))) {
      execFileSync('npm', ['run', '--silent', 'build'], { cwd: dir, stdio: 'ignore' });
    }
  }
};

/** The root config, with only the scratch package's tests included. */
const childConfig = `import base from '../vitest.config.ts';

export default { ...base, test: { ...base.test, include: ['${path.basename(scratchDir)}/*/test/**/*.test.ts'] } };
`;

describe('names', () => {
  it.each([
    ['huawei', 'huawei'],
    ['connector-huawei-sms', 'huawei'],
    ['Example-Cloud', 'example-cloud'],
  ])('%s → %s', (input, name) => {
    expect(normaliseName(input)).toBe(name);
  });

  it.each(['', '1cloud', 'has space', 'under_score', 'a--b', 'ends-'])('refuses "%s"', (input) => {
    expect(() => normaliseName(input)).toThrow(/not a usable provider name/);
  });

  it('derives identifiers and a title', () => {
    expect(placeholdersFor('example-cloud')).toEqual({
      __name__: 'example-cloud',
      __Pascal__: 'ExampleCloud',
      __camel__: 'exampleCloud',
      __Title__: 'Example Cloud',
    });
    expect(placeholdersFor('huawei', 'Huawei Cloud').__Title__).toBe('Huawei Cloud');
  });
});

// As a user types it: the function alone missed `pnpm create-connector acme` failing on its
// arguments. Into a scratch directory (--dir), so that no pnpm install sees the package.
describe('pnpm create-connector, run in a shell', { timeout: shellTimeout }, () => {
  let scratch: ReturnType<typeof makeScratchDir>;
  beforeAll(() => {
    scratch = makeScratchDir();
  });
  afterAll(() => scratch.remove());
  const manifestOf = (dir: string) =>
    JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string };
  const readmeOf = (dir: string) => readFileSync(path.join(dir, 'README.md'), 'utf8');

  it('creates a package from a name alone, titled after it', async () => {
    const run = await runLine(`pnpm create-connector acme --dir ${scratch.dir}`, {
      cwd: scratch.dir,
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const dir = path.join(scratch.dir, 'connector-acme-sms');
    expect(run.stdout).toContain(
      `Created ${path.relative(repoRoot, dir)} (@duanxin/connector-acme-sms)`
    );
    expect(manifestOf(dir).name).toBe('@duanxin/connector-acme-sms');
    expect(readmeOf(dir)).toMatch(/^# .*Acme/m);
  });

  it('takes --title, a --dir relative to where it is typed, and npm-style --', async () => {
    const run = await runLine(
      `pnpm create-connector -- acme-cloud --title "Acme Cloud" --dir out`,
      {
        cwd: scratch.dir,
      }
    );
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const dir = path.join(scratch.dir, 'out', 'connector-acme-cloud-sms');
    expect(manifestOf(dir).name).toBe('@duanxin/connector-acme-cloud-sms');
    expect(readmeOf(dir)).toContain('Acme Cloud');
  });

  it('without a name: the usage on stderr, exit 1; --help: the usage, exit 0', async () => {
    const none = await runLine('pnpm -s create-connector', { cwd: scratch.dir });
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toMatch(/^Usage: pnpm create-connector <name>/);
    const help = await runLine('pnpm -s create-connector --help', { cwd: scratch.dir });
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/^Usage: pnpm create-connector <name>/);
  });
});

describe('a generated package', () => {
  // Two words: the placeholders must make valid identifiers of it.
  const name = 'example-cloud';
  let created: Awaited<ReturnType<typeof createConnector>>;
  const read = (file: string) => readFileSync(path.join(created.dir, file), 'utf8');

  beforeAll(async () => {
    buildWhatItBuildsOn();
    removeStaleScratchDirs();
    mkdirSync(scratchDir);
    writeFileSync(path.join(scratchDir, 'vitest.config.ts'), childConfig);
    created = await createConnector({ name, packagesDir: scratchDir });
  });
  afterAll(() => rmSync(scratchDir, { recursive: true, force: true }));

  it('has our layout, with no placeholder left', () => {
    expect(created.files.map((file) => file.split(path.sep).join('/')).sort()).toEqual([
      'LICENSE',
      'README.md',
      'emulator/index.ts',
      'logo.svg',
      'package.json',
      'src/constant.ts',
      'src/errors.ts',
      'src/hints.ts',
      'src/index.ts',
      'src/operator.ts',
      'src/phone.ts',
      'src/request.ts',
      'src/types.ts',
      'test/conformance.test.ts',
      'tsconfig.json',
      'tsup.config.ts',
      'vitest.config.ts',
    ]);
    for (const file of created.files) {
      expect(read(file), file).not.toMatch(/__[A-Za-z]+__/);
    }
  });

  it('declares only what Logto provides, and ships lib, README and logo', () => {
    const manifest = JSON.parse(read('package.json')) as Record<string, unknown>;
    expect(manifest.name).toBe(`@duanxin/connector-${name}-sms`);
    // Logto's loader reads connector-kit's range from dependencies; got and zod are the host's.
    expect(manifest.dependencies).toEqual({ '@logto/connector-kit': '^4.7.0 || ^5.0.0' });
    expect(Object.keys(manifest.peerDependencies as object).sort()).toEqual([
      '@logto/connector-kit',
      'got',
      'zod',
    ]);
    expect(manifest.files).toEqual(['lib', 'README.md', 'logo.svg']);
    expect(manifest.exports).toEqual({
      '.': { types: './lib/index.d.ts', default: './lib/index.js' },
      './emulator': { types: './lib/emulator.d.ts', default: './lib/emulator.js' },
      './package.json': './package.json',
    });
  });

  it('refers to nothing of this repository but its workspace: ranges', () => {
    for (const file of created.files) {
      expect(read(file), file).not.toMatch(/\.\.\/\.\.\//);
    }
  });

  it('refuses to overwrite it', async () => {
    await expect(createConnector({ name, packagesDir: scratchDir })).rejects.toThrow(
      /already exists/
    );
  });

  it('passes its own conformance suite and Logto loading, unlinked', async () => {
    const vitest = path.join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');
    const run = await promisify(execFile)(
      process.execPath,
      [vitest, 'run', '--config', path.join(scratchDir, 'vitest.config.ts')],
      { cwd: repoRoot, env: { ...process.env, FORCE_COLOR: '0' }, maxBuffer: 16 * 1024 * 1024 }
    ).catch((error: { stdout?: string; stderr?: string }) => {
      throw new Error(`the generated package's tests failed:\n${error.stdout}\n${error.stderr}`);
    });
    const passed = /Tests: (\d+) passed, 0 failed/.exec(run.stdout)?.[1];
    // The conformance suite (every template type, formats, refusals, errors, transport) and
    // Logto loading against both host kits.
    expect(Number(passed)).toBeGreaterThanOrEqual(40);
  }, 180_000);
});
