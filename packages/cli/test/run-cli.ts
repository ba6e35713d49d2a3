/**
 * Runs the real `duanxin` process from sources (node with tsx as its loader), as an operator
 * would. The emulator runs in the test process; every run is pointed at it, since the loopback
 * guard of the test setup does not reach child processes.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect } from 'vitest';

import { outputOf, type ChildRun } from '../../../test/child-output.js';

// tsx resolves `@duanxin/*` to the sources through the root tsconfig's paths, found from cwd.
const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const cliSource = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

/** Each run starts node and compiles the sources with tsx (about 2 s); a case may run several. */
export const cliTimeout = 60_000;

export type CliRun = ChildRun;

export type CliOptions = {
  env?: Record<string, string | undefined>;
  stdin?: string;
  /** Close the reading end of stdout at once, as `| head` does once it has read enough. */
  closeStdout?: boolean;
};

export const runCli = (args: readonly string[], options: CliOptions = {}): Promise<CliRun> => {
  const child = spawn(process.execPath, ['--import', 'tsx', cliSource, ...args], {
    cwd: repositoryRoot,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  if (options.closeStdout) {
    child.stdout.destroy();
  }
  return outputOf(child, options.stdin);
};

export const parseJsonOutput = (run: CliRun): Record<string, unknown> =>
  JSON.parse(run.stdout) as Record<string, unknown>;

const temporaryRoot = mkdtempSync(join(tmpdir(), 'duanxin-cli-'));
process.once('exit', () => rmSync(temporaryRoot, { recursive: true, force: true }));

/** Writes a config (or seed) as an operator keeps one: a JSON file in a directory of its own. */
export const writeJsonFile = async (content: unknown): Promise<string> => {
  const directory = await mkdtemp(join(temporaryRoot, 'config-'));
  const path = join(directory, 'config.json');
  await writeFile(path, JSON.stringify(content, null, 2));
  return path;
};

/** Neither stream may carry a secret, the code in clear, or the full number. */
export const expectNothingSensitive = (
  run: CliRun,
  { secrets, code, phone }: { secrets: readonly string[]; code?: string; phone?: string }
) => {
  const output = `${run.stdout}\n${run.stderr}`;
  for (const secret of secrets) {
    expect(output).not.toContain(secret);
  }
  if (code) {
    expect(output).not.toContain(code);
  }
  if (phone) {
    expect(output).not.toContain(phone.slice(-8));
  }
};
