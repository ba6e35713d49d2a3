/**
 * The README's `duanxin` commands, run exactly as it shows them: each `$ pnpm -s duanxin …` line
 * of "Testing a config", in order, in a shell in the directory of its `aliyun.json` (the README's
 * config, pointed at this test's emulator), with the README's `export`s applied. Each exit code
 * the README states holds; a `--json` line prints one JSON object and nothing else, with the
 * fields the README shows; no line prints a secret (in any encoding), a number or code in clear,
 * or a stack trace.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { secretForms } from '@duanxin/connector-testkit';
import { startEmulator, type Emulator } from '@duanxin/emulator';

import { makeScratchDir, repoRoot, runLine, shellTimeout, type ShellRun } from './shell.js';

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const start = readme.indexOf('## Testing a config');
const section = readme.slice(start, readme.indexOf('\n## ', start + 1));

type Step = { line: string; shown: string[] };

/** The `$ …` lines of the section's console blocks, each with the output shown below it. */
const steps: Step[] = [...section.matchAll(/```console\n([\s\S]*?)```/g)].flatMap((block) => {
  const found: Step[] = [];
  for (const text of (block[1] ?? '').split('\n')) {
    if (text.startsWith('$ ')) {
      found.push({ line: text.slice(2), shown: [] });
    } else {
      found.at(-1)?.shown.push(text);
    }
  }
  return found;
});

const configText = /```json\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
const secret = 'duanxin-demo-secret';
const numbers = ['8613800138000', '8613900139000', '85291234567'];

const expectNothingSensitive = (run: ShellRun, codes: string[]) => {
  const output = `${run.stdout}\n${run.stderr}`;
  for (const form of secretForms(secret)) {
    expect(output).not.toContain(form);
  }
  for (const code of codes) {
    expect(output).not.toContain(code);
  }
  for (const number of numbers) {
    expect(output).not.toContain(number.slice(-8));
  }
  expect(output).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
  expect(output).not.toContain('node:internal');
};

describe('the README, Testing a config', { timeout: shellTimeout * 10 }, () => {
  let emulator: Emulator;
  const scratch = makeScratchDir();
  beforeAll(async () => {
    // As the README has it: `pnpm emulator --port 8080`, flow control on.
    emulator = await startEmulator({ port: 0 });
    const config = JSON.parse(configText) as Record<string, unknown>;
    expect(config.accessKeySecret).toBe('env:ALIYUN_ACCESS_KEY_SECRET');
    writeFileSync(
      path.join(scratch.dir, 'aliyun.json'),
      JSON.stringify({ ...config, endpoint: emulator.url })
    );
  });
  afterAll(async () => {
    scratch.remove();
    await emulator.close();
  });

  it('has a --json example among its commands', () => {
    expect(steps.filter((step) => step.line.startsWith('pnpm -s duanxin ')).length).toBeGreaterThan(
      4
    );
    expect(steps.some((step) => /^pnpm -s duanxin .*--json$/.test(step.line))).toBe(true);
  });

  it('takes npm-style -- and reads paths from where it is typed', async () => {
    const run = await runLine('pnpm -s duanxin -- check aliyun --config aliyun.json --json', {
      cwd: scratch.dir,
      env: { ALIYUN_ACCESS_KEY_SECRET: secret },
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ provider: 'aliyun', issues: [] });
  });

  it('runs each command as shown: exit codes as stated, --json clean, nothing sensitive', async () => {
    const env: Record<string, string> = {};
    let last: ShellRun | undefined;
    const ran: string[] = [];
    for (const step of steps) {
      const exported = /^export (\w+)=(\S+)$/.exec(step.line);
      if (exported) {
        env[exported[1] ?? ''] = exported[2] ?? '';
      } else if (step.line === 'echo $?') {
        expect(last?.exitCode, ran.at(-1)).toBe(Number(step.shown[0]));
      } else if (step.line.startsWith('pnpm -s duanxin ') && step.line.includes('aliyun.json')) {
        const inboxBefore = emulator.inbox.list().length;
        last = await runLine(step.line, { cwd: scratch.dir, env });
        ran.push(step.line);
        const codes = emulator.inbox
          .list()
          .slice(inboxBefore)
          .map((message) => message.code ?? '');
        expectNothingSensitive(last, codes);
        expect(last.exitCode, `${step.line}\n${last.stderr}`).not.toBe(1);
        if (step.line.endsWith('--json')) {
          // Exactly one JSON object on stdout: what a script parses.
          const printed = JSON.parse(last.stdout) as Record<string, unknown>;
          const shown = JSON.parse(step.shown.join('\n')) as Record<string, unknown>;
          expect(Object.keys(printed)).toEqual(Object.keys(shown));
          const { messageId: _id, requestId: _request, ...stable } = shown;
          expect(printed).toMatchObject(stable);
          expect(last.exitCode).toBe(0);
        }
      }
    }
    // Every duanxin line but the Tencent one, whose config the README does not give, was run.
    const skipped = steps
      .map((step) => step.line)
      .filter((line) => line.includes('duanxin ') && !ran.includes(line));
    expect(skipped).toEqual([expect.stringContaining('check tencent --config tencent.json')]);
    expect(ran.length).toBeGreaterThan(4);
  });
});
