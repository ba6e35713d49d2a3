/**
 * `pnpm test:nocobase`: the plugin in a real NocoBase. A NocoBase server of the tested version
 * is installed from npm into a folder outside the repository (SQLite, on loopback); the plugin
 * is added from its packed tarball, as an admin uploads it; duanxin's emulator stands in for
 * the providers. Then, over NocoBase's HTTP API, as an admin and a user call it: a YunPian
 * verifier, a phone bound with the code from the emulator's inbox, a sign-in with it, an unbind
 * proven by another bound phone, and each failure in NocoBase's own error, with nothing sent
 * twice. Then the plugin is installed from the release test's loopback registry and runs again
 * after a restart, and the admin form is driven in headless Chromium.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Emulator } from '@duanxin/emulator';

import { namespace } from '../../src/namespace.js';
import { providers } from '../../src/providers.js';
import { emulatorSettings, startEmulatorForPlugin } from '../emulator-settings.js';
import { repoRoot, run, userEnvironment } from '../../../../test/release/shell.js';
import type { LocalRegistry } from '../../../../test/release/registry.js';
import { chromiumPath, driveAdminForm } from './admin-form.js';
import { nocobaseApi, type Answer, type CallOptions, type NocobaseApi } from './api.js';
import { cacheDir, copyApp, installNocobase, templateChanges } from './install.js';
import { publishToLocalRegistry } from './publish.js';
import { freePort, startNocobase, type NocobaseServer } from './server.js';

const packageDir = fileURLToPath(new URL('../../', import.meta.url));
const work = path.join(
  tmpdir(),
  `duanxin-nocobase-e2e-${process.pid}-${randomBytes(3).toString('hex')}`
);
const appDir = path.join(work, 'app');
const pluginDir = path.join(appDir, 'storage', 'plugins', ...namespace.split('/'));
/** `DUANXIN_SCREENSHOTS=docs` writes the README's screenshots; otherwise they stay in `work`. */
const screenshots =
  process.env.DUANXIN_SCREENSHOTS === 'docs' ? path.join(packageDir, 'docs') : work;

// A user's environment: none of this repository's npm settings or binaries, and no NODE_PATH
// (pnpm's points into this workspace, where NocoBase would find the plugin's sources).
const { NODE_PATH: _nodePath, ...env } = userEnvironment(path.join(work, 'npmrc'));
const timings: Record<string, number> = {};
const timed = async <T>(name: string, step: () => Promise<T>): Promise<T> => {
  const started = Date.now();
  try {
    return await step();
  } finally {
    timings[name] = Math.round((Date.now() - started) / 1000);
  }
};

let emulator: Emulator;
let nocobase: NocobaseServer;
let port: number;
let api: NocobaseApi;
let registry: LocalRegistry | undefined;
let tarball: string;
let admin: string;
let alice: string;

const signIn = async (account: string, password: string) => {
  const answer = await api('auth:signIn', { values: { account, password } });
  expect(answer.status, JSON.stringify(answer.error)).toBe(200);
  return (answer.data as { token: string }).token;
};

/** What the admin calls: `data`, or the test fails with NocoBase's error. */
const asAdmin = async (action: string, options: CallOptions = {}) => {
  const answer = await api(action, { token: admin, ...options });
  expect(answer.status, `${action}: ${JSON.stringify(answer.error)}`).toBeLessThan(400);
  return answer.data;
};

const asAlice = (action: string, options: CallOptions = {}) =>
  api(action, { token: alice, ...options });

// What the phones received, in order: each step says what it adds, and nothing else may arrive.
const delivered: string[] = [];
const expectDelivered = (...added: string[]) => {
  delivered.push(...added);
  const inbox = emulator.inbox.list();
  expect(inbox.map((message) => `${message.provider} ${message.to}`)).toEqual(delivered);
  const codes = inbox.map((message) => message.code);
  expect(new Set(codes).size, 'every code is sent once').toBe(codes.length);
};
/** Requests that reached a provider API of the emulator. */
const attempts = () => emulator.requests.list().filter((entry) => entry.provider).length;
const codeFor = (e164: string) => {
  const code = emulator.inbox.list({ to: e164 }).at(-1)?.code;
  expect(code, `a code for ${e164}`).toMatch(/^\d{6}$/);
  return code as string;
};
const wrongCodeFor = (e164: string) => (codeFor(e164) === '000000' ? '111111' : '000000');

const expectRefusal = (answer: Answer, status: number, message: string, code?: string) => {
  expect({ status: answer.status, ...answer.error }).toEqual({
    status,
    message,
    ...(code && { code }),
  });
};

const sendBindCode = (verifier: string, uuid: string, locale?: CallOptions['locale']) =>
  asAlice('smsOTP:create', {
    values: { action: 'verifiers:bind', verifier, uuid },
    ...(locale && { locale }),
  });

const settingsOf = (type: string) => {
  const settings = emulatorSettings(emulator.url)[type];
  if (!settings) {
    throw new Error(`no emulator settings for ${type}`);
  }
  return settings;
};

beforeAll(async () => {
  mkdirSync(work, { recursive: true });
  writeFileSync(path.join(work, 'npmrc'), 'fund=false\naudit=false\nupdate-notifier=false\n');
  await timed('build and pack', async () => {
    await run('pnpm', ['--filter', namespace, 'build'], { cwd: repoRoot, env: process.env });
    const packed = await run('pnpm', ['pack', '--pack-destination', work], {
      cwd: packageDir,
      env: process.env,
    });
    tarball = packed.stdout.trim().split('\n').at(-1) ?? '';
  });
  const install = await timed('NocoBase install', () => installNocobase(env));
  console.log(
    `NocoBase: ${install.cached ? `installed app reused from ${cacheDir}` : `installed into ${cacheDir}`}`
  );
  await timed('app copy', () => copyApp(appDir, env));
  emulator = await startEmulatorForPlugin();
  port = await freePort();
  nocobase = await timed('NocoBase start', () =>
    startNocobase(appDir, env, { port, log: path.join(work, 'nocobase.log') })
  );
  api = nocobaseApi(nocobase.url);
  admin = await signIn('admin@nocobase.com', 'admin123');
}, 1_800_000);

afterAll(async () => {
  await nocobase?.stop();
  await emulator?.close();
  await registry?.close();
  const changed = await templateChanges(env);
  const sizes = await run('du', ['-sh', cacheDir, work], { cwd: tmpdir(), env });
  console.log(
    `timings (s): ${JSON.stringify(timings)}\ndisk (installed app, then this run's copy beyond its hard links):\n${sizes.stdout}`
  );
  if (!process.env.DUANXIN_KEEP) {
    rmSync(work, { recursive: true, force: true });
  }
  expect(changed, 'the installed app is never modified by a run').toEqual([]);
}, 120_000);

describe('the plugin in NocoBase', () => {
  it('is added from its packed tarball through the plugin manager, and enabled', async () => {
    const plugins = (await asAdmin('pm:list', { query: { paginate: 'false' } })) as {
      packageName: string;
      enabled: boolean;
    }[];
    expect(
      plugins.find((plugin) => plugin.packageName === '@nocobase/plugin-verification')
    ).toMatchObject({ enabled: true });

    const form = new FormData();
    form.append('file', new Blob([readFileSync(tarball)]), path.basename(tarball));
    await asAdmin('pm:add', { form });
    // The plugin manager unpacks it in the background.
    for (let tries = 0; !existsSync(path.join(pluginDir, 'package.json')); tries++) {
      expect(tries, 'the uploaded plugin is unpacked').toBeLessThan(60);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    await asAdmin('pm:enable', { query: { filterByTk: namespace, awaitResponse: 'true' } });
    // Signing in by SMS, to verify with a bound phone.
    await asAdmin('pm:enable', { query: { filterByTk: 'auth-sms', awaitResponse: 'true' } });

    const listed = (await asAdmin('smsOTPProviders:list')) as { name: string; title: string }[];
    expect(listed.map((provider) => provider.name)).toEqual(
      expect.arrayContaining(providers.map((provider) => provider.type))
    );
    expect(listed.find((provider) => provider.name === 'duanxin-yunpian')?.title).toBe(
      `{{t("YunPian SMS Service (duanxin)", {"ns":"${namespace}"})}}`
    );
  });

  it('refuses settings a send could not read, naming each field, in the admin’s language', async () => {
    const values = {
      name: 'sms_broken',
      verificationType: 'sms-otp',
      options: {
        provider: 'duanxin-yunpian',
        settings: { apikey: '{{$env.NOT_SET}}', endpoint: 'ftp://127.0.0.1:1', templates: [] },
      },
    };
    const english = await api('verifiers:create', { token: admin, values });
    expectRefusal(
      english,
      400,
      'Invalid settings: apikey: The variable NOT_SET is not set (Settings › Variables and secrets); templates: A template with usageType "Generic" is required (Logto\'s test send uses it).; endpoint: must be an http(s) URL',
      'InvalidSettings'
    );
    const chinese = await api('verifiers:create', { token: admin, values, locale: 'zh-CN' });
    expect(chinese.error?.message).toMatch(
      /^设置无效：apikey: 变量 NOT_SET 未设置（设置 › 变量和密钥）; /
    );
  });

  it('keeps a YunPian verifier’s secret in Variables and secrets and its {{code}} intact', async () => {
    const { apikey, ...yunpian } = settingsOf('duanxin-yunpian');
    const { accessKeySecret, ...tencent } = settingsOf('duanxin-tencent');
    for (const [name, value] of [
      ['DUANXIN_YUNPIAN_APIKEY', apikey],
      ['DUANXIN_TENCENT_SECRET', accessKeySecret],
    ]) {
      await asAdmin('environmentVariables:create', { values: { name, type: 'secret', value } });
    }
    await asAdmin('verifiers:create', {
      values: {
        name: 'sms_yunpian',
        title: 'YunPian',
        verificationType: 'sms-otp',
        options: {
          provider: 'duanxin-yunpian',
          settings: { ...yunpian, apikey: '{{$env.DUANXIN_YUNPIAN_APIKEY}}' },
        },
      },
    });
    await asAdmin('verifiers:create', {
      values: {
        name: 'sms_tencent',
        title: 'Tencent Cloud',
        verificationType: 'sms-otp',
        options: {
          provider: 'duanxin-tencent',
          settings: { ...tencent, accessKeySecret: '{{$env.DUANXIN_TENCENT_SECRET}}' },
        },
      },
    });
    const saved = (await asAdmin('verifiers:get', { query: { filterByTk: 'sms_yunpian' } })) as {
      options: { settings: { apikey: string; templates: { content: { china: string } }[] } };
    };
    expect(saved.options.settings.apikey).toBe('{{$env.DUANXIN_YUNPIAN_APIKEY}}');
    expect(saved.options.settings.templates[0]?.content.china).toBe(
      '【duanxin】您的验证码是{{#code}}。如非本人操作，请忽略本短信'
    );

    await asAdmin('users:create', {
      values: {
        username: 'alice',
        nickname: 'Alice',
        password: 'alice-password-1',
        phone: '13800138000',
        roles: ['member'],
      },
    });
    await asAdmin('authenticators:create', {
      values: {
        name: 'sms',
        authType: 'SMS',
        enabled: true,
        options: { public: { verifier: 'sms_yunpian', autoSignup: false } },
      },
    });
    alice = await signIn('alice', 'alice-password-1');
    // For the admin form in Chinese.
    await asAdmin('systemSettings:update', {
      query: { filterByTk: '1' },
      values: { enabledLanguages: ['en-US', 'zh-CN'] },
    });
  });

  it('binds a phone typed as people type it, with the code from the inbox; a wrong code sends nothing', async () => {
    expect(await sendBindCode('sms_yunpian', '138 0013 8000')).toMatchObject({ status: 200 });
    expectDelivered('yunpian +8613800138000');
    expect(emulator.inbox.list()[0]?.text).toBe(
      `【duanxin】您的验证码是${codeFor('+8613800138000')}。如非本人操作，请忽略本短信`
    );

    const before = attempts();
    const wrong = await asAlice('verifiers:bind', {
      values: {
        verifier: 'sms_yunpian',
        uuid: '138 0013 8000',
        code: wrongCodeFor('+8613800138000'),
      },
    });
    expectRefusal(wrong, 400, 'Verification code is invalid', 'InvalidVerificationCode');
    const bound = await asAlice('verifiers:bind', {
      values: { verifier: 'sms_yunpian', uuid: '138 0013 8000', code: codeFor('+8613800138000') },
    });
    expect(bound.status).toBe(200);
    expect(attempts()).toBe(before);
    expectDelivered();

    const mine = (await asAlice('verifiers:listByUser')).data as {
      name: string;
      boundInfo: { bound: boolean };
    }[];
    expect(mine.find((verifier) => verifier.name === 'sms_yunpian')?.boundInfo.bound).toBe(true);
  });

  it('signs the user in with a code sent to that phone', async () => {
    const sent = await api('smsOTP:publicCreate', {
      values: { action: 'auth:signIn', verifier: 'sms_yunpian', uuid: '13800138000' },
    });
    expect(sent.status).toBe(200);
    expectDelivered('yunpian +8613800138000');
    const signedIn = await api('auth:signIn', {
      authenticator: 'sms',
      values: { uuid: '13800138000', code: codeFor('+8613800138000') },
    });
    expect(signedIn.status, JSON.stringify(signedIn.error)).toBe(200);
    expect(signedIn.data).toMatchObject({ user: { username: 'alice' } });
  });

  it('unbinds it through another bound phone, on another provider', async () => {
    expect(await sendBindCode('sms_tencent', '+86 139-0013-9000')).toMatchObject({ status: 200 });
    expectDelivered('tencent +8613900139000');
    const bound = await asAlice('verifiers:bind', {
      values: {
        verifier: 'sms_tencent',
        uuid: '+86 139-0013-9000',
        code: codeFor('+8613900139000'),
      },
    });
    expect(bound.status).toBe(200);

    const sent = await asAlice('smsOTP:create', {
      values: { action: 'verifiers:unbind', verifier: 'sms_tencent' },
    });
    expect(sent.status).toBe(200);
    expectDelivered('tencent +8613900139000');
    const unbind = (code: string) =>
      asAlice('verifiers:unbind', {
        values: { verifier: 'sms_tencent', unbindVerifier: 'sms_yunpian', code },
      });
    expectRefusal(
      await unbind(wrongCodeFor('+8613900139000')),
      400,
      'Verification code is invalid',
      'InvalidVerificationCode'
    );
    expect((await unbind(codeFor('+8613900139000'))).status).toBe(200);
    expectDelivered();

    const mine = (await asAlice('verifiers:listByUser')).data as {
      name: string;
      boundInfo: { bound: boolean };
    }[];
    expect(
      Object.fromEntries(mine.map((verifier) => [verifier.name, verifier.boundInfo.bound]))
    ).toMatchObject({ sms_yunpian: false, sms_tencent: true });
  });

  it('ends a provider’s flow-control refusal in NocoBase’s RateLimit, sent once and not retried', async () => {
    // NocoBase's own resend limit compares the number as typed; YunPian counts the number.
    for (const typed of ['137 0013 7000', '13700137000', '+86 137 0013 7000']) {
      expect(await sendBindCode('sms_yunpian', typed)).toMatchObject({ status: 200 });
    }
    expectDelivered(...Array(3).fill('yunpian +8613700137000'));
    const before = attempts();
    expectRefusal(
      await sendBindCode('sms_yunpian', '+8613700137000'),
      429,
      'You are trying so frequently, please slow down'
    );
    expectRefusal(
      await sendBindCode('sms_yunpian', '+8613700137000', 'zh-CN'),
      429,
      '您的操作太频繁，请稍后再试'
    );
    expect(attempts(), 'each refused send reached YunPian once').toBe(before + 2);
    expectDelivered();

    // NocoBase's own limit: the same typed number again within the code's 120 s.
    const resend = await sendBindCode('sms_yunpian', '13700137000');
    expect(resend.status).toBe(429);
    expect(resend.error).toMatchObject({ code: 'RateLimit' });
    expect(attempts()).toBe(before + 2);
  });

  it('ends a bad number in NocoBase’s InvalidReceiver, with nothing sent', async () => {
    const before = attempts();
    for (const typed of ['12345', '138 0013 800', 'not a number']) {
      expectRefusal(
        await sendBindCode('sms_yunpian', typed),
        400,
        'Not a valid cellphone number, please re-enter',
        'InvalidReceiver'
      );
    }
    expectRefusal(
      await sendBindCode('sms_yunpian', '12345', 'zh-CN'),
      400,
      '不是有效的手机号，请重新输入',
      'InvalidReceiver'
    );
    expect(attempts(), 'no request for a number that cannot be read').toBe(before);

    // A number the provider refuses: international SMS off on the account.
    emulator.account('yunpian').international = false;
    try {
      expectRefusal(
        await sendBindCode('sms_yunpian', '+852 9123 4567'),
        400,
        'Not a valid cellphone number, please re-enter',
        'InvalidReceiver'
      );
    } finally {
      emulator.account('yunpian').international = true;
    }
    expect(attempts()).toBe(before + 1);
    expectDelivered();
  });

  it('logs its refusals without secrets, codes or whole numbers', () => {
    const ours = readFileSync(nocobase.log, 'utf8')
      .split('\n')
      .filter((line) => line.includes('[duanxin]'));
    expect(ours.length).toBeGreaterThan(0);
    const secrets = [
      String(settingsOf('duanxin-yunpian').apikey),
      String(settingsOf('duanxin-tencent').accessKeySecret),
    ];
    const codes = emulator.inbox.list().map((message) => message.code ?? '');
    for (const line of ours) {
      for (const hidden of [...secrets, ...codes, '13700137000', '91234567']) {
        expect(line).not.toContain(hidden);
      }
    }
  });
});

describe('installing from the loopback registry of the release test', () => {
  it('adds the published package with yarn pm add --registry, and it runs after a restart', async () => {
    mkdirSync(path.join(work, 'registry'));
    registry = await timed('publish', () =>
      publishToLocalRegistry(path.join(work, 'registry'), packageDir, namespace)
    );
    // The tarball's copy is replaced: its marker goes with it.
    const marker = path.join(pluginDir, '.from-the-tarball');
    writeFileSync(marker, '');
    await timed('yarn pm add', () =>
      run('npx', ['-y', 'yarn@1.22.22', 'pm', 'add', namespace, `--registry=${registry?.url}`], {
        cwd: appDir,
        env,
      })
    );
    for (
      let tries = 0;
      existsSync(marker) || !existsSync(path.join(pluginDir, 'package.json'));
      tries++
    ) {
      expect(tries, 'the plugin from the registry is unpacked').toBeLessThan(60);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const installed = JSON.parse(readFileSync(path.join(pluginDir, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
      main: string;
      peerDependencies: Record<string, string>;
    };
    const source = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(installed).toMatchObject({
      name: namespace,
      version: source.version,
      main: './dist/server/index.js',
    });
    expect(Object.keys(installed.peerDependencies)).toContain('@nocobase/plugin-verification');

    await timed('NocoBase restart', async () => {
      await nocobase.stop();
      nocobase = await startNocobase(appDir, env, { port, log: path.join(work, 'nocobase.log') });
    });
    const listed = (await asAdmin('smsOTPProviders:list')) as { name: string }[];
    expect(listed.map((entry) => entry.name)).toContain('duanxin-yunpian');
    expect(await sendBindCode('sms_yunpian', '135 0013 5000')).toMatchObject({ status: 200 });
    expectDelivered('yunpian +8613500135000');
  }, 600_000);
});

// On the plugin as installed from the registry.
describe.skipIf(!chromiumPath)('the admin form in headless Chromium', () => {
  const provider = 'YunPian SMS Service (duanxin)';

  it('shows each field’s error, then saves a verifier that sends', async () => {
    const templates = JSON.stringify(settingsOf('duanxin-yunpian').templates, null, 2);
    const result = await driveAdminForm({
      url: nocobase.url,
      token: admin,
      locale: 'en-US',
      provider,
      title: 'YunPian from the form',
      fill: { Endpoint: 'ftp://127.0.0.1:1', 'Default country': 'XX' },
      fix: {
        'API Key': '{{$env.DUANXIN_YUNPIAN_APIKEY}}',
        'SMS Template': templates,
        Endpoint: emulator.url,
        'Default country': 'CN',
      },
      screenshot: path.join(screenshots, 'admin-form.en.png'),
    });
    expect(result.errors).toEqual({
      Endpoint: 'must be an http(s) URL',
      'Default country': 'An ISO country code such as CN or US',
      'API Key': 'The field value is required',
    });
    expect(result.saved).toBe(true);

    const verifiers = (await asAdmin('verifiers:list', { query: { paginate: 'false' } })) as {
      name: string;
      title: string;
      options: { provider: string; settings: Record<string, unknown> };
    }[];
    const made = verifiers.find((verifier) => verifier.title === 'YunPian from the form');
    expect(made?.options).toMatchObject({
      provider: 'duanxin-yunpian',
      settings: {
        apikey: '{{$env.DUANXIN_YUNPIAN_APIKEY}}',
        endpoint: emulator.url,
        defaultCountry: 'CN',
      },
    });
    expect(JSON.stringify(made?.options.settings.templates)).toContain('{{#code}}');

    expect(await sendBindCode(made?.name ?? '', '136 0013 6000')).toMatchObject({ status: 200 });
    expectDelivered('yunpian +8613600136000');
  }, 240_000);

  it('speaks the admin’s language', async () => {
    const result = await driveAdminForm({
      url: nocobase.url,
      token: admin,
      locale: 'zh-CN',
      provider: '云片短信服务 (duanxin)',
      fill: {
        'API Key': '{{$env.DUANXIN_YUNPIAN_APIKEY}}',
        'Timeout (ms)': 'soon',
        'Default country': 'XX',
      },
      screenshot: path.join(screenshots, 'admin-form.zh-CN.png'),
    });
    expect(result.errors).toEqual({
      'Timeout (ms)': '应为数字，实际为文本',
      'Default country': '应为 ISO 国家代码，如 CN 或 US',
    });
  }, 240_000);
});
