/**
 * The snippets of packages/emulator/README.md's section on the vendors' SDKs, run as written: each
 * as a Node program of its own (with the loopback guard preloaded) against `pnpm emulator`
 * processes, one over HTTP and one with `--https` for yunpian-sdk. What each sent must be in the
 * emulator's inbox, read through its control API.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { repoRoot, spawnPnpm, waitForOutput } from './support/commands.js';

const SECTION = "## Testing code that uses the vendors' SDKs against the emulator";

/** The ```js blocks of the section, with the bold title before each. */
const snippets = (): { title: string; code: string }[] => {
  const readme = readFileSync(`${repoRoot}packages/emulator/README.md`, 'utf8');
  const start = readme.indexOf(SECTION);
  expect(start, `${SECTION} in the README`).toBeGreaterThan(-1);
  const next = readme.indexOf('\n## ', start + SECTION.length);
  const section = readme.slice(start, next === -1 ? undefined : next);
  return [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => {
    const before = section.slice(0, match.index);
    const title = [...before.matchAll(/\*\*([^*]+)\*\*/g)].at(-1)?.[1] ?? '(untitled)';
    return { title: title.replace(/[.,]$/, ''), code: match[1]! };
  });
};

/** Which emulator each snippet talks to, and the inbox entry it must leave. */
const expectations: Record<string, { provider: string; code: string; https?: true }> = {
  'Aliyun, `@alicloud/dysmsapi20170525`': { provider: 'aliyun', code: '123456' },
  'Aliyun, `@alicloud/pop-core`': { provider: 'aliyun', code: '654321' },
  'Tencent Cloud, `tencentcloud-sdk-nodejs-sms`': { provider: 'tencent', code: '246810' },
  'YunPian, `yunpian-sdk`': { provider: 'yunpian', code: '135790', https: true },
};

type Running = { child: ReturnType<typeof spawnPnpm>; url: string };
const running: Running[] = [];

const startEmulator = async (args: string[]): Promise<Running> => {
  const child = spawnPnpm(['emulator', '--port', '0', '--no-flow-control', ...args]);
  const banner = await waitForOutput(child, /listening on (https?:\/\/127\.0\.0\.1:\d+)/);
  const started = { child, url: /listening on (https?:\/\/127\.0\.0\.1:\d+)/.exec(banner)![1]! };
  running.push(started);
  return started;
};

let plain: Running;
let secure: Running;
beforeAll(async () => {
  [plain, secure] = await Promise.all([startEmulator([]), startEmulator(['--https'])]);
}, 120_000);

afterAll(() => {
  for (const { child } of running.splice(0)) {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
});

/** `node <snippet>` as an ES module, resolving packages as a file in packages/emulator would. */
const runSnippet = (code: string, env: NodeJS.ProcessEnv) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        `${repoRoot}packages/shared/test/loopback-preload.ts`,
        '--input-type=module',
        '--eval',
        code,
      ],
      { cwd: `${repoRoot}packages/emulator`, env: { ...process.env, ...env } }
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });

/** The inbox of an emulator process, over its control API (HTTPS: its own certificate). */
const inbox = async (
  emulator: Running,
  provider: string
): Promise<{ to: string; text: string; code?: string }[]> => {
  const url = `${emulator.url}/_inbox?provider=${provider}&to=%2B8613800138000`;
  if (emulator.url.startsWith('http:')) {
    return (await fetch(url)).json() as Promise<{ to: string; text: string }[]>;
  }
  const { request } = await import('node:https');
  return new Promise((resolve, reject) => {
    request(url, { rejectUnauthorized: false }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      response.on('end', () => resolve(JSON.parse(body) as { to: string; text: string }[]));
    })
      .on('error', reject)
      .end();
  });
};

describe('README: the vendors SDKs against a running emulator', () => {
  it('has a snippet for each SDK', () => {
    expect(snippets().map(({ title }) => title)).toEqual(Object.keys(expectations));
  });

  it.each(snippets())('$title', async ({ title, code }) => {
    const expected = expectations[title]!;
    const emulator = expected.https ? secure : plain;
    const before = await inbox(emulator, expected.provider);
    const result = await runSnippet(code, {
      EMULATOR_URL: plain.url,
      EMULATOR_HTTPS_URL: secure.url,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const after = await inbox(emulator, expected.provider);
    expect(after.slice(before.length)).toEqual([
      expect.objectContaining({ to: '+8613800138000', code: expected.code }),
    ]);
    // What the snippets print from the inbox or the answer is what the emulator holds.
    if (title.includes('dysmsapi')) expect(result.stdout.trim()).toBe(after.at(-1)?.text);
  });
});
