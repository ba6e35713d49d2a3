/**
 * Command lines as a user types them in a shell, in a directory inside this repository: `pnpm` is
 * on PATH as the README's quick start gets it (`npx -y pnpm@<packageManager>`), and nothing that
 * the test run's own pnpm or vitest set is in the environment.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { outputOf, type ChildRun } from './child-output.js';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Each line starts pnpm through npx and the CLI through tsx: seconds, not milliseconds. */
export const shellTimeout = 120_000;

export const { packageManager } = JSON.parse(
  readFileSync(path.join(repoRoot, 'package.json'), 'utf8')
) as { packageManager: string };

const shimDir = mkdtempSync(path.join(tmpdir(), 'duanxin-shell-'));
writeFileSync(path.join(shimDir, 'pnpm'), `#!/bin/sh\nexec npx -y ${packageManager} "$@"\n`);
chmodSync(path.join(shimDir, 'pnpm'), 0o755);
process.once('exit', () => rmSync(shimDir, { recursive: true, force: true }));

/** A directory of its own in the repository root (`.shell-check-*`, ignored by git), removed after. */
export const makeScratchDir = (): { dir: string; remove: () => void } => {
  const dir = path.join(repoRoot, `.shell-check-${process.pid}-${randomBytes(3).toString('hex')}`);
  mkdirSync(dir);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
};

const userEnvironment = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        !/^(npm_|pnpm_|vitest)/i.test(name) &&
        !['INIT_CWD', 'TEST', 'NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL'].includes(name)
    )
  ),
  PATH: [shimDir, process.env.PATH ?? ''].join(path.delimiter),
  NO_COLOR: '1',
  ...extra,
});

export type ShellRun = ChildRun;

/** Runs one command line with `sh -c`, exactly as written. */
export const runLine = (
  line: string,
  options: { cwd: string; env?: Record<string, string> }
): Promise<ShellRun> =>
  outputOf(
    spawn('sh', ['-c', line], { cwd: options.cwd, env: userEnvironment(options.env ?? {}) })
  );
