/** Per-country order, and the config checked before anything is sent. */
import { describe, expect, it } from 'vitest';

import { describeIssues } from '@duanxin/shared';

import { failoverSmsConfigGuard } from '../src/index.js';
import { failoverConfig, failure, send, useEmulator } from './harness.js';

const lab = useEmulator();

const inbox = () => lab.emulator.inbox.list().map(({ provider, to }) => ({ provider, to }));

describe('routes by country', () => {
  it('mainland numbers to Aliyun first, the others to Tencent first', async () => {
    const config = failoverConfig(lab.emulator.url, ['tencent', 'aliyun'], {
      routes: [{ countries: ['CN'], order: ['aliyun', 'tencent'] }],
    });
    await send(config, '8613800138000');
    await send(config, '85291234567');
    await send(config, '16502530000');
    expect(inbox()).toEqual([
      { provider: 'aliyun', to: '+8613800138000' },
      { provider: 'tencent', to: '+85291234567' },
      { provider: 'tencent', to: '+16502530000' },
    ]);
  });

  it('a route may leave a provider out: Aliyun is never asked for US numbers', async () => {
    const config = failoverConfig(lab.emulator.url, ['aliyun', 'tencent'], {
      routes: [{ countries: 'US,CA', order: ['tencent'] }],
    });
    const error = await lab.withoutBalance(['tencent'], () => failure(send(config, '16502530000')));
    expect(error.data.attempts).toMatchObject([{ name: 'tencent', outcome: 'rejected' }]);
    expect(lab.asked()).toEqual({ tencent: 1 });
  });

  it('a number that is no number follows the list: its first provider refuses it', async () => {
    const config = failoverConfig(lab.emulator.url, ['tencent', 'aliyun'], {
      routes: [{ countries: ['CN'], order: ['aliyun'] }],
    });
    const error = await failure(send(config, '+'));
    expect(error.data).toMatchObject({ provider: 'tencent', outcome: 'not_sent', field: 'to' });
    expect(lab.emulator.requests.list()).toEqual([]);
  });
});

describe('the config', () => {
  it("refuses a provider's config its own guard refuses, naming that provider; nothing is sent", async () => {
    const config = failoverConfig(lab.emulator.url, ['aliyun', 'tencent']);
    const { sdkAppId: _dropped, ...tencent } = config.providers[1]?.config ?? {};
    const error = await failure(
      send({
        ...config,
        providers: [config.providers[0], { provider: 'tencent', config: tencent }],
      })
    );
    expect(error.code).toBe('invalid_config');
    expect(error.data).toMatchObject({
      provider: 'tencent',
      outcome: 'not_sent',
      field: 'providers.1.config.sdkAppId',
    });
    expect(lab.emulator.requests.list()).toEqual([]);
  });

  const issuesOf = (config: unknown) => {
    const result = failoverSmsConfigGuard.safeParse(config);
    return result.success ? '' : describeIssues(result.error.issues);
  };

  it.each([
    ['no provider', () => ({ providers: [] }), /providers: .*at least 1/],
    [
      'a provider duanxin has no connector for',
      () => ({ providers: [{ provider: 'twilio', config: {} }] }),
      /providers\.0\.provider: /,
    ],
    [
      'one provider twice without names',
      () => failoverConfig(lab.emulator.url, ['aliyun', 'aliyun']),
      /providers\.1\.name: aliyun is listed twice/,
    ],
    [
      'a route naming no listed provider',
      () =>
        failoverConfig(lab.emulator.url, ['aliyun'], {
          routes: [{ countries: ['CN'], order: ['huawei'] }],
        }),
      /routes\.0\.order\.0: no provider is named huawei \(names: aliyun\)/,
    ],
    [
      'a country in two routes',
      () =>
        failoverConfig(lab.emulator.url, ['aliyun', 'tencent'], {
          routes: [
            { countries: ['CN'], order: ['aliyun'] },
            { countries: 'HK,CN', order: ['tencent'] },
          ],
        }),
      /routes\.1\.countries: CN is in an earlier route already/,
    ],
    [
      'a country that is no ISO code',
      () =>
        failoverConfig(lab.emulator.url, ['aliyun'], {
          routes: [{ countries: ['China'], order: ['aliyun'] }],
        }),
      /routes\.0\.countries\.0: must be ISO 3166/,
    ],
    [
      'a misspelt field',
      () => failoverConfig(lab.emulator.url, ['aliyun'], { route: [] }),
      /Unrecognized key.*route/,
    ],
    [
      'a negative cooldown',
      () => failoverConfig(lab.emulator.url, ['aliyun'], { cooldownSeconds: -1 }),
      /cooldownSeconds: /,
    ],
  ])('refuses %s', (_name, config, issue) => {
    expect(issuesOf(config())).toMatch(issue);
  });

  it('accepts two accounts of one provider under their own names', () => {
    const config = failoverConfig(lab.emulator.url, ['aliyun', 'aliyun']);
    expect(
      issuesOf({
        ...config,
        providers: [{ ...config.providers[0], name: 'aliyun-2' }, config.providers[1]],
      })
    ).toBe('');
  });
});
