/** `duanxin check failover` and `duanxin send failover`: every listed provider, by its name. */
import { describe, expect, it } from 'vitest';

import type { CheckItem } from '@duanxin/shared';

import { providerEntry } from '../src/providers.js';
import {
  cliTimeout,
  expectNothingSensitive,
  parseJsonOutput,
  runCli,
  writeJsonFile,
} from './run-cli.js';
import { useEmulator } from './use-emulator.js';

const lab = useEmulator();

type Listed = { provider: string; config: Record<string, unknown> };

/** Tencent first, except mainland numbers (Aliyun first); YunPian and Huawei behind. */
const failoverConfig = (endpoint = lab.emulator.url) =>
  providerEntry('failover').emulatorConfig(endpoint) as { providers: Listed[] };

const secretsOf = (config: { providers: Listed[] }) =>
  config.providers.flatMap(({ config: inner }) =>
    ['accessKeySecret', 'apikey', 'appSecret', 'overseasAppSecret'].flatMap((key) =>
      typeof inner[key] === 'string' ? [inner[key]] : []
    )
  );

const mainland = '8613800138000';

describe('duanxin check failover', { timeout: cliTimeout }, () => {
  it("runs each provider's own check under its name, and sends nothing", async () => {
    const config = failoverConfig();
    const run = await runCli([
      'check',
      'failover',
      '--config',
      await writeJsonFile(config),
      '--json',
    ]);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const items = parseJsonOutput(run).items as CheckItem[];
    expect(items[0]).toMatchObject({
      subject: 'order',
      status: 'ok',
      detail: expect.stringContaining('CN: aliyun → tencent → yunpian → huawei'),
    });
    for (const name of ['aliyun', 'tencent', 'yunpian', 'huawei']) {
      expect(
        items.some((item) => item.subject.startsWith(`${name}: `)),
        name
      ).toBe(true);
    }
    expect(items.filter((item) => item.status === 'problem')).toEqual([]);
    expect(lab.emulator.requests.list().length).toBeGreaterThan(0);
    expect(lab.emulator.inbox.list()).toEqual([]);
    expectNothingSensitive(run, { secrets: secretsOf(config) });
  });

  it('--endpoint points every listed provider at it', async () => {
    const nowhere = failoverConfig('http://127.0.0.1:9');
    const run = await runCli([
      'check',
      'failover',
      '--config',
      await writeJsonFile(nowhere),
      '--endpoint',
      lab.emulator.url,
    ]);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const asked = new Set(lab.emulator.requests.list().map((request) => request.provider));
    expect([...asked].sort()).toEqual(['aliyun', 'tencent', 'yunpian']);
  });

  it("names the entry and field of a provider's invalid config (exit 3), asking nobody", async () => {
    const config = failoverConfig();
    const [tencent] = config.providers;
    const { sdkAppId: _dropped, ...rest } = tencent?.config ?? {};
    const broken = {
      ...config,
      providers: [{ ...tencent, config: rest }, ...config.providers.slice(1)],
    };
    const run = await runCli(['check', 'failover', '--config', await writeJsonFile(broken)]);
    expect(run.exitCode).toBe(3);
    expect(run.stdout).toContain('providers.0.config.sdkAppId');
    expect(lab.emulator.requests.list()).toEqual([]);
  });
});

describe('duanxin send failover', { timeout: cliTimeout }, () => {
  it('shows who sent it and what the providers before it answered', async () => {
    const config = failoverConfig();
    lab.emulator.faults.inject({
      provider: 'aliyun',
      fault: {
        kind: 'malformed',
        body: JSON.stringify({
          RequestId: 'r-1',
          Code: 'isv.BUSINESS_LIMIT_CONTROL',
          Message: '触发分钟级流控',
        }),
      },
    });
    const run = await runCli([
      'send',
      'failover',
      '--config',
      await writeJsonFile(config),
      '--to',
      mainland,
    ]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(lab.emulator.inbox.list()).toMatchObject([{ provider: 'tencent', to: `+${mainland}` }]);
    expect(run.stdout).toMatch(/sent by\s+tencent/);
    expect(run.stdout).toMatch(
      /before it\s+aliyun rejected isv\.BUSINESS_LIMIT_CONTROL rate_limit_exceeded/
    );
    expectNothingSensitive(run, { secrets: secretsOf(config), phone: mainland });
  });

  it('every provider refuses: exit 4, each answer listed, the last one explained', async () => {
    const config = failoverConfig();
    const names = ['aliyun', 'tencent', 'yunpian', 'huawei'];
    const balances = names.map((name) => lab.emulator.account(name).balance);
    names.forEach((name) => (lab.emulator.account(name).balance = 0));
    try {
      const file = await writeJsonFile(config);
      const text = await runCli(['send', 'failover', '--config', file, '--to', mainland]);
      expect(text.exitCode).toBe(4);
      for (const line of [
        'No provider sent it.',
        'aliyun (refused): isv.AMOUNT_NOT_ENOUGH',
        'huawei (refused)',
      ]) {
        expect(text.stderr).toContain(line);
      }
      const json = await runCli(['send', 'failover', '--config', file, '--to', mainland, '--json']);
      const error = parseJsonOutput(json).error as {
        providerCode: string;
        attempts: { name: string }[];
      };
      expect(error.providerCode).toBe('E000112');
      expect(error.attempts.map((attempt) => attempt.name)).toEqual(names);
      expect(lab.emulator.inbox.list()).toEqual([]);
      expectNothingSensitive(text, { secrets: secretsOf(config), phone: mainland });
    } finally {
      names.forEach((name, index) => (lab.emulator.account(name).balance = balances[index] ?? 1));
    }
  });

  it("--dry-run shows the first provider's request, its secrets hidden, and sends nothing", async () => {
    const config = failoverConfig();
    const yunpian = config.providers.filter(({ provider }) => provider === 'yunpian');
    const others = config.providers.filter(({ provider }) => provider !== 'yunpian');
    const run = await runCli([
      'send',
      'failover',
      '--config',
      await writeJsonFile({ providers: [...yunpian, ...others] }),
      '--to',
      mainland,
      '--dry-run',
    ]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain('/v2/sms/single_send.json');
    expect(run.stdout).toContain('apikey=***');
    expect(lab.emulator.requests.list()).toEqual([]);
    expectNothingSensitive(run, { secrets: secretsOf(config), phone: mainland });
  });
});
