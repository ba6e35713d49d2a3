import { describe, expect, it } from 'vitest';

import { emulatorConnectorConfigs } from '@duanxin/emulator';

import {
  cliTimeout,
  expectNothingSensitive,
  parseJsonOutput,
  runCli,
  writeJsonFile,
  type CliRun,
} from './run-cli.js';
import { providerEntry, providerNames } from '../src/providers.js';

import { useEmulator } from './use-emulator.js';

const lab = useEmulator();

const mainland = '8613800138000';
const code = '739164';

const secretsOf = {
  aliyun: (config: Record<string, unknown>) => [String(config.accessKeySecret)],
  tencent: (config: Record<string, unknown>) => [String(config.accessKeySecret)],
  yunpian: (config: Record<string, unknown>) => [String(config.apikey)],
};

describe('duanxin send', { timeout: cliTimeout }, () => {
  it.each(['aliyun', 'tencent', 'yunpian'] as const)(
    '%s: sends through the connector and reports the provider id, masked',
    async (provider) => {
      const config = lab.configs[provider];
      const run = await runCli([
        'send',
        provider,
        '--config',
        await writeJsonFile(config),
        '--to',
        mainland,
        '--code',
        code,
      ]);
      expect(run.exitCode, run.stderr).toBe(0);
      const [message] = lab.emulator.inbox.list();
      expect(message).toMatchObject({ provider, to: `+${mainland}`, code });
      expect(run.stdout).toContain(message?.messageId);
      expect(run.stdout).toContain('138****8000');
      expectNothingSensitive(run, { secrets: secretsOf[provider](config), code, phone: mainland });
    }
  );

  it.each(providerNames)(
    '%s: prints the template it sent with, as text and in --json',
    async (provider) => {
      const entry = providerEntry(provider);
      const config = entry.emulatorConfig(lab.emulator.url);
      const data = { to: mainland, type: 'MfaVerification' as never, payload: { code } };
      const { template } = entry.buildSendRequest(data, config);
      expect(template).not.toBe('');
      const args = ['send', provider, '--config', await writeJsonFile(config), '--to', mainland];
      const text = await runCli([...args, '--type', 'MfaVerification']);
      expect(text.exitCode, text.stderr).toBe(0);
      expect(text.stdout).toMatch(
        new RegExp(
          `template +${template} \\(the Generic template, standing in for MfaVerification\\)`
        )
      );
      const json = await runCli([...args, '--type', 'MfaVerification', '--json']);
      expect(parseJsonOutput(json)).toMatchObject({ template, fellBackToGeneric: true });
      expect(lab.emulator.inbox.list()).toHaveLength(2);
    }
  );

  it.each([
    // Aliyun cannot tell 16502530000 from a mainland mobile: it is sent 0016502530000.
    [{}, '16502530000', '+16502530000', 'PhoneNumbers=0016502530000'],
    [{ allowedCountries: 'CN' }, '13012345678', '+8613012345678', 'PhoneNumbers=13012345678'],
  ])('aliyun with %j: --to %s reaches %s', async (extra, to, e164, sent) => {
    const config = { ...lab.configs.aliyun, ...extra };
    const run = await runCli([
      'send',
      'aliyun',
      '--config',
      await writeJsonFile(config),
      '--to',
      to,
    ]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(lab.emulator.inbox.list().map((message) => message.to)).toEqual([e164]);
    const [request] = lab.emulator.requests.list();
    expect(`${request?.path}&${request?.body}`).toContain(sent);
  });

  it('--json: one object on stdout, with the Generic fallback named', async () => {
    const run = await runCli([
      'send',
      'tencent',
      '--config',
      await writeJsonFile(lab.configs.tencent),
      '--to',
      '85291234567',
      '--type',
      'MfaVerification',
      '--json',
    ]);
    expect(run.exitCode, run.stderr).toBe(0);
    const [message] = lab.emulator.inbox.list();
    expect(parseJsonOutput(run)).toMatchObject({
      ok: true,
      provider: 'tencent',
      messageId: message?.messageId,
      template: '200001',
      fellBackToGeneric: true,
      phoneNumber: '+852****4567',
      fee: 1,
    });
  });

  it('reads the config from stdin and secrets from env: references', async () => {
    const run = await runCli(
      ['send', 'aliyun', '--config', '-', '--to', mainland, '--code', code, '--json'],
      {
        stdin: JSON.stringify({
          ...lab.configs.aliyun,
          accessKeySecret: 'env:DUANXIN_TEST_SECRET',
        }),
        env: { DUANXIN_TEST_SECRET: lab.configs.aliyun.accessKeySecret },
      }
    );
    expect(run.exitCode, run.stderr).toBe(0);
    expect(lab.emulator.inbox.list()).toHaveLength(1);
    expectNothingSensitive(run, { secrets: [lab.configs.aliyun.accessKeySecret], code });
  });
});

describe('duanxin send --dry-run', { timeout: cliTimeout }, () => {
  const temporary = {
    aliyun: {
      ...emulatorConnectorConfigs('http://127.0.0.1:1').aliyun,
      accessKeyId: 'STS.duanxin-demo-sts',
      accessKeySecret: 'duanxin-sts-secret',
      securityToken: 'duanxin-sts-token',
    },
    tencent: {
      ...emulatorConnectorConfigs('http://127.0.0.1:1').tencent,
      accessKeyId: 'AKID-duanxin-temporary',
      accessKeySecret: 'duanxin-temporary-secret',
      token: 'duanxin-temporary-token',
    },
    yunpian: emulatorConnectorConfigs('http://127.0.0.1:1').yunpian,
  };

  it.each([
    ['aliyun', 'Signature=', ['duanxin-sts-secret', 'duanxin-sts-token']],
    ['tencent', 'Signature=', ['duanxin-temporary-secret', 'duanxin-temporary-token']],
    ['yunpian', 'apikey=***', [temporary.yunpian.apikey]],
  ] as const)(
    '%s: prints the signed request, secrets redacted, and sends nothing',
    async (provider, shown, secrets) => {
      const run = await runCli([
        'send',
        provider,
        '--config',
        await writeJsonFile(temporary[provider]),
        '--endpoint',
        lab.emulator.url,
        '--to',
        mainland,
        '--code',
        code,
        '--dry-run',
      ]);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stdout).toContain(`POST ${lab.emulator.url}/`);
      expect(run.stdout).toContain(shown);
      expect(run.stdout).toContain('138****8000');
      expect(run.stdout).toContain('******');
      expect(lab.emulator.requests.list()).toEqual([]);
      expect(lab.emulator.inbox.list()).toEqual([]);
      expectNothingSensitive(run, { secrets, code, phone: mainland });
    }
  );

  it('--json: the request as data', async () => {
    const run = await runCli([
      'send',
      'tencent',
      '--config',
      await writeJsonFile(temporary.tencent),
      '--to',
      mainland,
      '--dry-run',
      '--json',
    ]);
    expect(run.exitCode, run.stderr).toBe(0);
    const output = parseJsonOutput(run);
    expect(output).toMatchObject({ ok: true, dryRun: true, template: '100001' });
    expect(output.request).toMatchObject({
      method: 'POST',
      headers: { 'x-tc-action': 'SendSms', 'x-tc-token': '***' },
    });
    expect(lab.emulator.requests.list()).toEqual([]);
  });
});

describe('duanxin send: exit codes, with a hint for each failure', { timeout: cliTimeout }, () => {
  const send = async (config: unknown, extra: string[] = [], env = {}): Promise<CliRun> =>
    runCli(
      ['send', 'aliyun', '--config', await writeJsonFile(config), '--to', mainland, ...extra],
      {
        env,
      }
    );

  it('2 for a number that cannot be sent, and nothing is sent', async () => {
    const run = await send(lab.configs.aliyun, ['--to', '12345']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/invalid_request_parameters[\s\S]*hint .*country code/);
    expect(lab.emulator.requests.list()).toEqual([]);
  });

  it('2 for a number of a country outside allowedCountries, with the reading rule as hint', async () => {
    const run = await send({ ...lab.configs.aliyun, allowedCountries: ['CN'] }, [
      '--to',
      '85291234567',
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/HK are not in allowedCountries[\s\S]*hint .*allows CN/);
    expect(lab.emulator.requests.list()).toEqual([]);
  });

  it('2 for usage errors: unknown option, a code that is not digits, an unknown type', async () => {
    for (const extra of [['--bogus'], ['--code', '12ab'], ['--type', 'Nope']]) {
      const run = await send(lab.configs.aliyun, extra);
      expect(run.exitCode, extra.join(' ')).toBe(2);
    }
    expect(lab.emulator.requests.list()).toEqual([]);
  });

  it('3 for a missing environment variable, named', async () => {
    const run = await send({ ...lab.configs.aliyun, accessKeySecret: 'env:DUANXIN_UNSET_SECRET' });
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain('DUANXIN_UNSET_SECRET');
  });

  it('3 for an invalid config, one line per field', async () => {
    const { signName: _signName, ...config } = lab.configs.aliyun;
    const run = await send({ ...config, timeout: 'soon' });
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toMatch(/- signName: Required/);
    expect(run.stderr).toMatch(/- timeout: Expected number/);
  });

  it('4 when the provider refuses, with its code, message and a hint', async () => {
    const run = await send({ ...lab.configs.aliyun, signName: 'pending-sign' });
    expect(run.exitCode).toBe(4);
    expect(run.stderr).toContain('isv.SMS_SIGNATURE_ILLEGAL');
    expect(run.stderr).toMatch(/hint .*signName/);
    expect(lab.emulator.inbox.list()).toEqual([]);
  });

  it('4 from Tencent: the hint is its own advice, or the family advice for its code', async () => {
    const tencent = async (config: Record<string, unknown>) =>
      runCli(['send', 'tencent', '--config', await writeJsonFile(config), '--to', mainland]);
    const unapproved = await tencent({ ...lab.configs.tencent, signName: 'pending-sign' });
    expect(unapproved.exitCode).toBe(4);
    expect(unapproved.stderr).toContain('FailedOperation.SignatureIncorrectOrUnapproved');
    expect(unapproved.stderr).toMatch(/hint .*签名内容/);
    const wrongSecret = await tencent({
      ...lab.configs.tencent,
      accessKeySecret: 'not-the-secret',
    });
    expect(wrongSecret.exitCode).toBe(4);
    expect(wrongSecret.stderr).toContain('AuthFailure.SignatureFailure');
    expect(wrongSecret.stderr).toMatch(/hint .*request signature does not match/);
    expect(lab.emulator.inbox.list()).toEqual([]);
  });

  it('4 for a wrong secret, never printing the secret given', async () => {
    const wrongSecret = 'not-the-real-secret-1234';
    const run = await send({ ...lab.configs.aliyun, accessKeySecret: wrongSecret }, ['--json']);
    expect(run.exitCode).toBe(4);
    expect(parseJsonOutput(run)).toMatchObject({
      ok: false,
      error: { exitCode: 4, providerCode: 'SignatureDoesNotMatch', outcome: 'rejected' },
    });
    expectNothingSensitive(run, { secrets: [wrongSecret] });
  });

  it('5 when the provider cannot be reached: nothing was sent', async () => {
    const run = await send(lab.configs.aliyun, ['--endpoint', 'http://127.0.0.1:1', '--json']);
    expect(run.exitCode).toBe(5);
    expect(parseJsonOutput(run)).toMatchObject({ error: { outcome: 'not_sent' } });
  });

  it('5 on a timeout after the request left: the outcome is unknown', async () => {
    lab.emulator.faults.inject({ fault: { kind: 'hang' }, provider: 'aliyun' });
    const run = await send(lab.configs.aliyun, ['--timeout', '300']);
    expect(run.exitCode).toBe(5);
    expect(run.stderr).toMatch(/outcome +UNKNOWN[\s\S]*duanxin status/);
  });
});
