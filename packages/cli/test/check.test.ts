import { describe, expect, it } from 'vitest';

import type { CheckItem } from '@duanxin/shared';

import {
  expectNothingSensitive,
  parseJsonOutput,
  runCli,
  writeJsonFile,
  cliTimeout,
} from './run-cli.js';
import { useEmulator } from './use-emulator.js';

const lab = useEmulator({
  // A template an operator submitted and that is still under review.
  seed: {
    aliyun: {
      templates: [{ id: 'SMS_300001', content: '您的登录验证码为${code}。', state: 'pending' }],
    },
  },
});

const check = async (provider: string, config: unknown, extra: string[] = []) =>
  runCli(['check', provider, '--config', await writeJsonFile(config), ...extra]);

const items = (output: Record<string, unknown>) => output.items as CheckItem[];
const item = (output: Record<string, unknown>, subject: RegExp) =>
  items(output).find((candidate) => subject.test(candidate.subject));

describe('duanxin check', { timeout: cliTimeout }, () => {
  it.each(['aliyun', 'tencent', 'yunpian'] as const)(
    '%s: a working config has no problems, and no SMS is sent',
    async (provider) => {
      const run = await check(provider, lab.configs[provider]);
      expect(run.exitCode, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toContain('MfaVerification');
      expect(run.stdout).toContain('✓ ok');
      expect(run.stdout).not.toContain('PROBLEM');
      expect(lab.emulator.inbox.list()).toEqual([]);
      expect(lab.emulator.requests.list().length).toBeGreaterThan(0);
    }
  );

  it('finds the unapproved template seeded in the emulator (exit 6)', async () => {
    const config = {
      ...lab.configs.aliyun,
      templates: [
        ...lab.configs.aliyun.templates,
        { usageType: 'SignIn', templateCode: 'SMS_300001' },
      ],
    };
    const run = await check('aliyun', config, ['--json']);
    expect(run.exitCode).toBe(6);
    const output = parseJsonOutput(run);
    expect(output.ok).toBe(false);
    expect(item(output, /SMS_300001/)).toMatchObject({
      status: 'problem',
      detail: expect.stringContaining('under review'),
    });
    expect(output.templates).toContainEqual({
      usageType: 'MfaVerification',
      template: 'china SMS_100001, overseas SMS_100002',
      fellBackToGeneric: true,
    });
  });

  it('reports a template variable the config leaves unfilled, and how to fill it', async () => {
    const run = await check('aliyun', {
      ...lab.configs.aliyun,
      allowedCountries: ['CN'],
      templates: [{ usageType: 'Generic', templateCode: 'SMS_100003' }],
    });
    expect(run.exitCode).toBe(6);
    expect(run.stdout).toMatch(/PROBLEM +template SMS_100003.*\$\{time\}/);
    expect(run.stdout).toMatch(/hint: .*"time"/);
  });

  it.each([
    [
      'aliyun',
      { accessKeyId: 'LTAI-duanxin-sendonly', accessKeySecret: 'duanxin-sendonly-secret' },
    ],
    [
      'tencent',
      { accessKeyId: 'AKID-duanxin-send-only', accessKeySecret: 'duanxin-send-only-secret' },
    ],
    ['yunpian', { apikey: 'duanxin-send-only-apikey-00000000' }],
  ] as const)(
    '%s: a send-only key is "unverified", never "bad credentials"',
    async (provider, key) => {
      const run = await check(provider, { ...lab.configs[provider], ...key }, ['--json']);
      expect(run.exitCode, run.stdout).toBe(0);
      const output = parseJsonOutput(run);
      expect(item(output, /^credentials$/)?.status).toBe('ok');
      expect(items(output).some((entry) => entry.status === 'problem')).toBe(false);
      expect(items(output).filter((entry) => entry.status === 'unverified').length).toBeGreaterThan(
        1
      );
      expectNothingSensitive(run, { secrets: Object.values(key).slice(-1) });
    }
  );

  it.each(['aliyun', 'tencent'] as const)(
    "%s: flags templates left as the form's placeholder, which fall back to Generic (exit 6)",
    async (provider) => {
      const { templates } = lab.configs[provider];
      const config = {
        ...lab.configs[provider],
        templates: [
          ...templates.filter(({ usageType }) => usageType !== 'SignIn'),
          { usageType: 'SignIn', templateCode: '<template-code>' },
          { usageType: 'BindMfa', templateCode: '<template-code>' },
        ],
      };
      const run = await check(provider, config, ['--json']);
      expect(run.exitCode, run.stdout).toBe(6);
      const output = parseJsonOutput(run);
      expect(item(output, /<template-code>/)).toMatchObject({
        status: 'problem',
        detail: expect.stringMatching(/^SignIn, BindMfa .*Generic/),
      });
      const generic = (output.templates as { usageType: string; template: string }[]).find(
        (choice) => choice.usageType === 'Generic'
      );
      expect(output.templates).toContainEqual({
        usageType: 'SignIn',
        template: generic?.template,
        fellBackToGeneric: true,
      });
      // The placeholder is no template: the provider is never asked about it.
      const asked = lab.emulator.requests
        .list()
        .map((request) => `${request.path} ${request.body}`);
      expect(asked.join('\n')).not.toMatch(/template-code|%3Ctemplate/i);
      expect(items(output).filter((entry) => entry.status === 'problem')).toHaveLength(1);

      const plain = await check(provider, config);
      expect(plain.stdout).toMatch(/PROBLEM +templates left as <template-code> +SignIn, BindMfa/);
    }
  );

  it("a Generic left as the form's placeholder: config invalid (exit 3), nothing asked", async () => {
    const run = await check('aliyun', {
      ...lab.configs.aliyun,
      templates: [{ usageType: 'Generic', templateCode: '<template-code>' }],
    });
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain("The Generic template is still the form's placeholder");
    expect(lab.emulator.requests.list()).toEqual([]);
  });

  it('tencent: the signature is always unverified, with the reason', async () => {
    const run = await check('tencent', lab.configs.tencent);
    expect(run.stdout).toMatch(/\? unverified +signName "duanxin" +.*numeric SignIds/);
  });

  it('a wrong secret is a credentials problem (exit 6), the secret never printed', async () => {
    const wrongSecret = 'definitely-not-the-secret';
    const run = await check('tencent', { ...lab.configs.tencent, accessKeySecret: wrongSecret });
    expect(run.exitCode).toBe(6);
    expect(run.stdout).toMatch(/PROBLEM +credentials +AuthFailure\.SignatureFailure/);
    expectNothingSensitive(run, { secrets: [wrongSecret] });
  });

  it('an invalid config: readable issue lines, nothing asked of the provider (exit 3)', async () => {
    const run = await check('yunpian', {
      apikey: 'an-apikey-of-sorts',
      templates: [{ usageType: 'SignIn', content: 'no placeholder' }],
      endpoint: lab.emulator.url,
    });
    expect(run.exitCode).toBe(3);
    expect(run.stdout).toContain('templates.0.content: The template content must contain {{code}}');
    expect(run.stdout).toContain('templates: A template with usageType "Generic" is required');
    expect(lab.emulator.requests.list()).toEqual([]);
  });

  it('the provider unreachable: exit 5', async () => {
    const run = await check('yunpian', lab.configs.yunpian, ['--endpoint', 'http://127.0.0.1:1']);
    expect(run.exitCode).toBe(5);
    expect(run.stderr).toMatch(/could not be reached/);
  });

  it.each(['aliyun', 'tencent', 'yunpian'] as const)(
    '%s: a timeout after the connection was made is not "could not be reached" (exit 5)',
    async (provider) => {
      lab.emulator.faults.inject({ fault: { kind: 'hang' }, provider });
      const run = await check(provider, { ...lab.configs[provider], maxRetries: 0 }, [
        '--timeout',
        '300',
      ]);
      expect(run.exitCode).toBe(5);
      expect(run.stderr).toMatch(/hint +The connection was made, but no usable answer came/);
      expect(run.stderr).not.toMatch(/could not be reached/);
      expect(lab.emulator.requests.list()).toHaveLength(1);
    }
  );
});
