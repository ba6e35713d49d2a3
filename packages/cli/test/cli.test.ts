import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { cliTimeout, runCli, writeJsonFile } from './run-cli.js';

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

  it('an unknown command or provider is a usage error (exit 2)', async () => {
    expect((await runCli(['frobnicate'])).exitCode).toBe(2);
    expect((await runCli(['check', 'twilio', '--config', 'x.json'])).exitCode).toBe(2);
  });

  it('an unreadable config file is a config error (exit 3)', async () => {
    const run = await runCli(['check', 'aliyun', '--config', '/nonexistent/duanxin.json']);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain('ENOENT');
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
