/**
 * Runs the repo's own commands the way a user does (`pnpm emulator`, `pnpm example`), through the
 * pnpm that runs the tests (its path is in npm_execpath), else through npx with the pinned pnpm.
 */
import { type ChildProcess, spawn } from 'node:child_process';

import { packageManager, repoRoot } from '../shell.js';

export { repoRoot };

export const pnpmCommand = (args: string[]): { command: string; args: string[] } => {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(execPath)) {
    return { command: process.execPath, args: [execPath, ...args] };
  }
  return { command: 'npx', args: ['-y', packageManager, ...args] };
};

/** In its own process group (`detached`), so a test can send Ctrl-C to the group as a terminal does. */
export const spawnPnpm = (args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess => {
  const { command, args: full } = pnpmCommand(args);
  return spawn(command, full, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
};

/** Ctrl-C in a terminal: SIGINT to every process of the foreground group. */
export const pressCtrlC = (child: ChildProcess): void => {
  process.kill(-child.pid!, 'SIGINT');
};

/** Resolves with everything the child printed once `pattern` appears on its stdout. */
export const waitForOutput = (child: ChildProcess, pattern: RegExp, timeoutMs = 60_000) =>
  new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`no ${pattern} within ${timeoutMs} ms; got:\n${output}`)),
      timeoutMs
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (pattern.test(output)) {
        clearTimeout(timer);
        resolve(output);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ${pattern}; got:\n${output}`));
    });
  });
