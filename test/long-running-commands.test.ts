/**
 * `pnpm emulator` and `pnpm example` as a user runs them: help, a wrong option, and stopping by
 * the PID of the process the user started (pnpm's), which must free the port.
 */
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';

import { emulationConfigs } from '@duanxin/providers/emulator';

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

// Each test starts pnpm, then the emulator from its sources: seconds on a loaded machine.
describe('pnpm emulator', { timeout: 60_000 }, () => {
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

  it('serves every provider of the registry, Huawei Cloud included', async () => {
    const child = spawnPnpm(['emulator', '--port', '0']);
    started.push(child);
    const banner = await waitForOutput(child, /faults +POST/);
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)![1]!;
    for (const name of Object.keys(emulationConfigs)) {
      expect(banner).toMatch(new RegExp(`^ {4}${name}: \\{`, 'm'));
    }
    // An unsigned MSGSMS request: Huawei's emulation claims it and refuses it in its own words.
    const answer = await fetch(`${url}/sms/batchSendSms/v1`, { method: 'POST' });
    expect(await answer.json()).toMatchObject({ code: expect.stringMatching(/^E\d+$/) });
    expect((await (await fetch(`${url}/_requests`)).json()) as unknown[]).toMatchObject([
      { provider: 'huawei' },
    ]);
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

describe('pnpm example', { timeout: 60_000 }, () => {
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
