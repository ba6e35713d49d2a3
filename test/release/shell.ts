/**
 * Commands as a user types them, in folders outside the repository, with a user's environment:
 * none of this repository's npm or pnpm settings, none of its `node_modules/.bin`, the npm config
 * of the local registry, and a cache of its own.
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Kept between runs: tarballs are found by their integrity, so nothing published by one run is
 * served to the next. npx's own installs are keyed by package name only, and are wiped.
 */
export const npmCache = path.join(tmpdir(), 'duanxin-release-test-npm-cache');
export const wipeNpxInstalls = () =>
  rmSync(path.join(npmCache, '_npx'), { recursive: true, force: true });

export const userEnvironment = (npmrc: string): NodeJS.ProcessEnv => {
  // What npx, pnpm and vitest set for the test run, a user's shell does not have.
  const inherited = Object.entries(process.env).filter(
    ([name]) =>
      !/^(npm_|pnpm_|vitest)/i.test(name) &&
      !['INIT_CWD', 'TEST', 'NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL'].includes(name)
  );
  const PATH = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => dir && !path.resolve(dir).startsWith(repoRoot))
    .join(path.delimiter);
  return {
    ...Object.fromEntries(inherited),
    PATH,
    npm_config_userconfig: npmrc,
    npm_config_cache: npmCache,
    FORCE_COLOR: '0',
    NO_COLOR: '1',
  };
};

export type Output = { code: number | null; stdout: string; stderr: string };

/** Runs a command to its end; rejects, with its output, if it exits non-zero. */
export const run = (
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; allowFailure?: boolean }
): Promise<Output> =>
  new Promise((resolve, reject) => {
    if (!existsSync(options.cwd)) {
      reject(new Error(`${options.cwd} does not exist`));
      return;
    }
    const child = spawn(command, args, { cwd: options.cwd, env: options.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0 && !options.allowFailure) {
        reject(
          new Error(
            `${command} ${args.join(' ')} (in ${options.cwd}) exited ${code}\n${stdout}\n${stderr}`
          )
        );
        return;
      }
      resolve({ code, stdout, stderr });
    });
  });

export type Background = { match: RegExpExecArray; output: () => string; stop: () => void };

/**
 * Starts a long-running command in a process group of its own, resolved once its output
 * matches `ready`; `stop()` ends that group (npx and the node process it starts).
 */
export const startBackground = (
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; ready: RegExp; timeoutMs?: number }
): Promise<Background> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true });
    let output = '';
    const stop = () => {
      if (child.exitCode === null && child.pid !== undefined) {
        process.kill(-child.pid, 'SIGTERM');
      }
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`${command} ${args.join(' ')} did not start:\n${output}`));
    }, options.timeoutMs ?? 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = options.ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ match, output: () => output, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output}`));
    });
  });
