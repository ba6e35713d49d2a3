/**
 * `pnpm emulator` and `pnpm example` as a user runs them: help, a wrong option, and stopping by
 * the PID of the process the user started (pnpm's), which must free the port.
 */
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';

import { pnpmCommand, pressCtrlC, repoRoot, spawnPnpm, waitForOutput } from './support/commands.js';

const started: ReturnType<typeof spawnPnpm>[] = [];
afterEach(() => {
  for (const child of started.splice(0)) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // The group has ended.
    }
  }
});

const runPnpm = (args: string[]) => {
  const { command, args: full } = pnpmCommand(args);
  return spawnSync(command, full, { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
};

const answers = async (url: string): Promise<boolean> => {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
};

const waitUntilClosed = async (url: string, timeoutMs: number): Promise<number> => {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (!(await answers(url))) {
      return Date.now() - start;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} still answers ${timeoutMs} ms after the command was stopped`);
};

describe('pnpm emulator', () => {
  it('--help prints the options and exits 0', () => {
    const result = runPnpm(['-s', 'emulator', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: duanxin-emulator');
    expect(result.stdout).toContain('--no-flow-control');
    expect(result.stderr).not.toContain('Unknown option');
  });

  it('an unknown option is a usage error that points at --help, without a stack trace', () => {
    const result = runPnpm(['-s', 'emulator', '--bogus']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Unknown option '--bogus'");
    expect(result.stderr).toContain('--help');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  const stops = {
    'kill <pid> (SIGTERM to the process the user started)': (child: ReturnType<typeof spawnPnpm>) =>
      child.kill('SIGTERM'),
    'Ctrl-C (SIGINT to the whole group)': pressCtrlC,
  };
  for (const [how, stop] of Object.entries(stops)) {
    it(`${how} stops the server and frees its port`, async () => {
      const child = spawnPnpm(['emulator', '--port', '0']);
      started.push(child);
      const banner = await waitForOutput(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)![1]!;
      expect(await answers(`${url}/_inbox`)).toBe(true);
      stop(child);
      await waitUntilClosed(`${url}/_inbox`, 10_000);
    });
  }
});

describe('pnpm example', () => {
  it("stopping pnpm's process stops the app and its emulator", async () => {
    const child = spawnPnpm(['example'], { PORT: '0' });
    started.push(child);
    const output = await waitForOutput(child, /example: (http:\S+)\s+\(emulator: (http:\S+)\)/);
    const [, app, emulator] = /example: (http:\S+)\s+\(emulator: (http:\S+)\)/.exec(output)!;
    expect(await answers(app!)).toBe(true);
    child.kill('SIGTERM');
    await waitUntilClosed(app!, 10_000);
    await waitUntilClosed(`${emulator!}/_inbox`, 10_000);
  });
});
