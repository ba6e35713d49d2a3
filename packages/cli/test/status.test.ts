import { describe, expect, it } from 'vitest';

import {
  expectNothingSensitive,
  parseJsonOutput,
  runCli,
  writeJsonFile,
  cliTimeout,
} from './run-cli.js';
import { useEmulator } from './use-emulator.js';

const lab = useEmulator();

describe('duanxin status', { timeout: cliTimeout }, () => {
  it.each([
    ['aliyun', '8613800138000', 'DELIVERED'],
    ['tencent', '85291234567', 'SUCCESS'],
  ] as const)('%s: finds the message send reported', async (provider, to, providerStatus) => {
    const config = await writeJsonFile(lab.configs[provider]);
    const sent = await runCli(['send', provider, '--config', config, '--to', to, '--json']);
    expect(sent.exitCode, sent.stderr).toBe(0);
    const { messageId } = parseJsonOutput(sent) as { messageId: string };

    const run = await runCli([
      'status',
      provider,
      '--config',
      config,
      '--id',
      messageId,
      '--to',
      to,
    ]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain(`delivered (${providerStatus})`);
    expect(run.stdout).toContain(messageId);
    expectNothingSensitive(run, { secrets: [lab.configs[provider].accessKeySecret], phone: to });

    const json = await runCli([
      'status',
      provider,
      '--config',
      config,
      '--id',
      messageId,
      '--to',
      to,
      '--json',
    ]);
    expect(parseJsonOutput(json)).toMatchObject({
      ok: true,
      records: [{ messageId, state: 'delivered', providerStatus }],
    });
  });

  it('no receipt for an unknown id: exit 6', async () => {
    const run = await runCli([
      'status',
      'aliyun',
      '--config',
      await writeJsonFile(lab.configs.aliyun),
      '--id',
      '123456789^0',
      '--to',
      '8613800138000',
      '--date',
      '2025-01-02',
    ]);
    expect(run.exitCode).toBe(6);
    expect(run.stdout).toContain('No receipt');
  });

  it('a send-only key is refused the query: exit 4 with a hint', async () => {
    const config = {
      ...lab.configs.aliyun,
      accessKeyId: 'LTAI-duanxin-sendonly',
      accessKeySecret: 'duanxin-sendonly-secret',
    };
    const run = await runCli([
      'status',
      'aliyun',
      '--config',
      await writeJsonFile(config),
      '--id',
      '1^0',
      '--to',
      '8613800138000',
    ]);
    expect(run.exitCode).toBe(4);
    expect(run.stderr).toMatch(/isp\.RAM_PERMISSION_DENY[\s\S]*hint .*ReadOnlyAccess/);
  });

  it('YunPian has no status query: not offered, a usage error, exit 2', async () => {
    const run = await runCli([
      'status',
      'yunpian',
      '--config',
      await writeJsonFile(lab.configs.yunpian),
      '--id',
      '1',
      '--to',
      '8613800138000',
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('Allowed choices are aliyun, tencent');
    expect(lab.emulator.requests.list()).toEqual([]);
  });

  // A blank BizId asks Aliyun for every message to the number that day: another one's receipt.
  it.each([
    ['an empty --id', { id: '' }],
    ['a blank --id', { id: '   ' }],
    ['an --id with a line break', { id: '1^0\n2^0' }],
    ['an --id of 200 characters', { id: '1'.repeat(200) }],
    ['an empty --to', { to: '' }],
    ['letters as --to', { to: 'abc' }],
    ['an empty --date', { date: '' }],
    ['a --date that does not exist', { date: '2025-02-30' }],
  ] as [string, { id?: string; to?: string; date?: string }][])(
    '%s is a usage error (exit 2) and nothing is asked',
    async (_name, given) => {
      const config = await writeJsonFile(lab.configs.aliyun);
      const sent = await runCli(['send', 'aliyun', '--config', config, '--to', '8613800138000']);
      expect(sent.exitCode, sent.stderr).toBe(0);
      lab.emulator.requests.clear();
      const { id, to, date } = { id: '1^0', to: '8613800138000', ...given };
      const run = await runCli([
        'status',
        'aliyun',
        '--config',
        config,
        '--id',
        id,
        '--to',
        to,
        ...(date === undefined ? [] : ['--date', date]),
      ]);
      expect(run.exitCode, run.stdout).toBe(2);
      expect(run.stdout).not.toContain('delivered');
      expect(lab.emulator.requests.list()).toEqual([]);
    }
  );

  it('a query that times out on an open connection is not called unreachable', async () => {
    lab.emulator.faults.inject({ fault: { kind: 'hang' }, provider: 'aliyun' });
    const run = await runCli([
      'status',
      'aliyun',
      '--config',
      await writeJsonFile({ ...lab.configs.aliyun, maxRetries: 0 }),
      '--id',
      '1^0',
      '--to',
      '8613800138000',
      '--timeout',
      '300',
    ]);
    expect(run.exitCode).toBe(5);
    expect(run.stderr).toMatch(/hint +The connection was made, but no usable answer came/);
    expect(run.stderr).not.toMatch(/could not be reached/);
  });

  it('a malformed --date is a usage error', async () => {
    const run = await runCli([
      'status',
      'aliyun',
      '--config',
      await writeJsonFile(lab.configs.aliyun),
      '--id',
      '1',
      '--to',
      '8613800138000',
      '--date',
      '20250102',
    ]);
    expect(run.exitCode).toBe(2);
  });
});
