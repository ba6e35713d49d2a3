import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { providerEntry, providerNames } from '../src/providers.js';

import { cliTimeout, expectNothingSensitive, runCli, writeJsonFile } from './run-cli.js';

describe('duanxin --help', { timeout: cliTimeout }, () => {
  it('documents the exit codes and the env: convention', async () => {
    const run = await runCli(['--help']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('"env:NAME"');
    for (const code of [
      '2  usage',
      '3  config invalid',
      '4  the provider refused',
      '5  network',
      '6  check found problems',
    ]) {
      expect(run.stdout).toContain(code);
    }
  });

  it.each(['send', 'check', 'status', 'emulator'])('%s --help has examples', async (command) => {
    const run = await runCli([command, '--help']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toContain(`$ duanxin ${command}`);
  });

  it.each([['--help'], ['send', '--help'], ['status', '--help']])(
    '%s into a reader that stops early (| head): quiet, exit 0',
    async (...args) => {
      const run = await runCli(args, { closeStdout: true });
      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(0);
    }
  );

  it('names every provider it offers, and offers status only where there is one', async () => {
    const titles = providerNames.map((name) => providerEntry(name).title);
    const overview = await runCli(['--help']);
    const emulator = await runCli(['emulator', '--help']);
    // Help is wrapped at 80 columns: a title may span two lines.
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    for (const title of titles) {
      expect(flat(overview.stdout)).toContain(title);
      expect(flat(emulator.stdout)).toContain(title);
    }
    expect(emulator.stdout).not.toMatch(/three/);
    const check = await runCli(['check', '--help']);
    for (const name of providerNames) {
      expect(check.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    }
    const withStatus = providerNames.filter((name) => providerEntry(name).queryStatus);
    const status = await runCli(['status', '--help']);
    expect(status.stdout).toContain(`(choices: ${withStatus.map((n) => `"${n}"`).join(', ')})`);
    for (const name of providerNames.filter((name) => !withStatus.includes(name))) {
      expect(flat(status.stdout)).toContain(`${providerEntry(name).title}`);
      expect(
        (await runCli(['status', name, '--config', '-', '--id', '1', '--to', '1'])).exitCode
      ).toBe(2);
    }
  });

  it('an unknown command or provider is a usage error (exit 2)', async () => {
    expect((await runCli(['frobnicate'])).exitCode).toBe(2);
    expect((await runCli(['check', 'twilio', '--config', 'x.json'])).exitCode).toBe(2);
  });

  it('an unreadable config file is a config error (exit 3)', async () => {
    const run = await runCli(['check', 'aliyun', '--config', '/nonexistent/duanxin.json']);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain('ENOENT');
  });

  it('a config given as the value of --config, not a path: exit 2, never repeated', async () => {
    const config = JSON.stringify({ accessKeyId: 'LTAI-x', accessKeySecret: 's3cr3t+/=value' });
    const run = await runCli(['check', 'aliyun', '--config', config]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(
      '`--config` expects a path or `-`; the value looks like JSON — use `--config -` and pipe it.'
    );
    expectNothingSensitive(run, { secrets: ['s3cr3t+/=value', 'LTAI-x'] });
  });

  it('an unreadable --config that is no path is not repeated either', async () => {
    const run = await runCli(['check', 'aliyun', '--config', 'accessKeySecret\ns3cr3t-value']);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain('Cannot read the config file given to --config (ENOENT)');
    expect(run.stderr).not.toContain('s3cr3t');
  });

  it('option values it refuses are not repeated: they may be a secret, a number or a code', async () => {
    const runs = await Promise.all([
      runCli(['send', 'aliyun', '--config', 'x', '--to', '1', '--code', '73916x']),
      runCli([
        'send',
        'aliyun',
        '--config',
        'x',
        '--to',
        '1',
        '--endpoint',
        'http://u:pw-s3cr3t@127.0.0.1:1',
      ]),
      runCli(['send', 'aliyun', '--config', 'x', '--to', '1', '--accessKeySecret=s3cr3t-value']),
    ]);
    for (const run of runs) {
      expect(run.exitCode).toBe(2);
      expect(run.stderr).toMatch(/^error: /);
      expect(run.stderr).not.toMatch(/73916x|s3cr3t/);
    }
  });

  it('a config that is not JSON: exit 3, without quoting it', async () => {
    const run = await runCli(['check', 'aliyun', '--config', '-'], {
      stdin: '{ "accessKeySecret": "s3cr3t-value-in-broken-json", }',
    });
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain('not valid JSON');
    expect(run.stderr).not.toContain('s3cr3t');
  });
});

describe('duanxin emulator', { timeout: cliTimeout }, () => {
  it('an invalid seed file is a config error (exit 3), each issue named', async () => {
    const seed = await writeJsonFile({ aliyun: { templates: [{ id: 1 }] } });
    const run = await runCli(['emulator', '--seed', seed]);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain('aliyun.templates.0.content: Required');
  });

  it('starts, prints its endpoint, serves, and stops on SIGTERM', async () => {
    const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', cli, 'emulator', '--port', '0'], {
      cwd: fileURLToPath(new URL('../../../', import.meta.url)),
      env: { ...process.env, NO_COLOR: '1' },
    });
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
        if (found) resolve(found);
      });
      child.on('exit', () => reject(new Error(`the emulator exited: ${output}`)));
    });
    const inbox = await fetch(`${url}/_inbox`);
    expect(inbox.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
