/**
 * Every `duanxin` command, with every input below, prints no secret (in any encoding the
 * testkit's `secretForms` knows), no number or code in clear, and no stack trace, on stdout or
 * stderr; and none ends as an unexpected error (exit 1). Each run is the process a user starts:
 * `pnpm -s duanxin …` runs this same cli.ts (test/readme-cli.test.ts runs the README's lines
 * through pnpm itself).
 *
 * The inputs tried, for every provider of the registry:
 *   check, check --json; send (mainland and Hong Kong), send --json; send --dry-run and
 *   --dry-run --json; a wrong secret (the provider refuses); an unreachable endpoint; a provider
 *   that hangs (--timeout); an HTML error page; status where there is a query;
 * and, through one connector, what only the CLI does with them:
 *   a provider echoing the secret URL-encoded and in base64 in a send, a check and a status
 *   answer; the config as the value of --config; a config on stdin that is not JSON; an env:
 *   reference that is not set; --to empty, letters, two numbers, 30 digits; --code with letters
 *   or 100 digits; an unknown --type; an unknown option carrying the secret; an --endpoint with
 *   the secret as its password; a --timeout that is no number; status with an empty or blank id
 *   and a day that does not exist; output into a closed pipe; --help of each command, --version,
 *   an unknown command, no arguments at all.
 */
import { describe, expect, it } from 'vitest';

import { secretForms } from '@duanxin/connector-testkit';

import { providerEntry, providerNames } from '../src/providers.js';

import { cliTimeout, runCli, writeJsonFile, type CliOptions, type CliRun } from './run-cli.js';
import { useEmulator } from './use-emulator.js';

const lab = useEmulator();

const code = '739164';
// Not the numbers hints give as examples (8613800138000): those are not the user's.
const mainland = '8615502022241';
const hongKong = '85261234567';
/** A secret with what encodings change: + / = % & space and quotes. */
const tricky = 'S3cr+t/k=y%2B&"x y\'';

const confidentialKeys = (name: string) =>
  (providerEntry(name as (typeof providerNames)[number]).metadata.formItems ?? [])
    .filter((item) => item.isConfidential)
    .map((item) => item.key);

/** The config's secrets: its own confidential fields, and those of the configs it lists. */
const confidentialValues = (name: (typeof providerNames)[number], config: object): string[] => [
  ...confidentialKeys(name)
    .map((key) => (config as Record<string, unknown>)[key])
    .filter((value): value is string => typeof value === 'string'),
  ...(providerEntry(name).listed?.configs(config) ?? []).flatMap((inner) =>
    confidentialValues(inner.provider as (typeof providerNames)[number], inner.config)
  ),
];

/** The config with every secret (its own, and those of the configs it lists) set to `secret`. */
const withSecret = (name: (typeof providerNames)[number], config: object, secret: string) => {
  const replace = (provider: string, inner: Record<string, unknown>) => ({
    ...inner,
    ...Object.fromEntries(
      confidentialKeys(provider)
        .filter((key) => key in inner)
        .map((key) => [key, secret])
    ),
  });
  const listed = providerEntry(name).listed;
  return listed
    ? listed.map(config as Record<string, unknown>, (inner, provider) => replace(provider, inner))
    : replace(name, config as Record<string, unknown>);
};

const expectClean = (run: CliRun, secrets: readonly string[], label: string) => {
  const output = `${run.stdout}\n${run.stderr}`;
  for (const form of secrets.flatMap(secretForms)) {
    expect(output, label).not.toContain(form);
  }
  expect(output, label).not.toContain(code);
  for (const number of [mainland, hongKong]) {
    expect(output, label).not.toContain(number.slice(-8));
  }
  expect(output, label).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
  expect(output, label).not.toMatch(/node:internal|Error: .*\n\s+at /);
  expect(run.exitCode, `${label}\n${run.stderr}`).not.toBe(1);
};

describe('nothing sensitive, no stack trace: every provider', { timeout: cliTimeout * 4 }, () => {
  it.each(providerNames)('%s', async (name) => {
    const entry = providerEntry(name);
    const config = entry.emulatorConfig(lab.emulator.url);
    const secrets = confidentialValues(name, config);
    expect(secrets.length).toBeGreaterThan(0);
    const file = await writeJsonFile(config);
    const wrongSecret = await writeJsonFile(withSecret(name, config, tricky));
    const send = ['send', name, '--config', file, '--to', mainland, '--code', code];
    const runs: [string, string[], CliOptions?][] = [
      ['check', ['check', name, '--config', file]],
      ['check --json', ['check', name, '--config', file, '--json']],
      ['send', send],
      ['send to Hong Kong', ['send', name, '--config', file, '--to', hongKong, '--code', code]],
      ['send --json', [...send, '--json']],
      ['send --dry-run', [...send, '--dry-run']],
      ['send --dry-run --json', [...send, '--dry-run', '--json']],
      ['a wrong secret', ['send', name, '--config', wrongSecret, '--to', mainland, '--code', code]],
      ['unreachable', [...send, '--endpoint', 'http://127.0.0.1:1']],
      ...(entry.queryStatus
        ? ([['status', ['status', name, '--config', file, '--id', '1', '--to', mainland]]] as [
            string,
            string[],
          ][])
        : []),
    ];
    for (const [label, args, options] of runs) {
      expectClean(await runCli(args, options), [...secrets, tricky], `${name}: ${label}`);
    }
    for (const fault of [
      { kind: 'hang' as const },
      { kind: 'malformed' as const, status: 502, body: '<html>Bad Gateway</html>' },
    ]) {
      // A connector over others: the first request, whichever provider its route asks first.
      lab.emulator.faults.inject(entry.listed ? { fault } : { fault, provider: name });
      const run = await runCli([...send, '--timeout', '300']);
      expectClean(run, secrets, `${name}: ${fault.kind}`);
      expect(run.exitCode).toBe(5);
    }
    expect(lab.emulator.inbox.list().every((message) => message.code === code)).toBe(true);
  });
});

describe(
  'nothing sensitive, no stack trace: what the CLI does with input',
  { timeout: cliTimeout * 4 },
  () => {
    const withSecret = (config: object) => ({ ...config, accessKeySecret: tricky });

    it('a provider echoing the secret, URL-encoded and in base64: send, check, status', async () => {
      const config = await writeJsonFile(withSecret(lab.configs.aliyun));
      const yunpian = await writeJsonFile({ ...lab.configs.yunpian, apikey: tricky });
      const echo = `apikey=${encodeURIComponent(tricky)}, authorization: Basic ${Buffer.from(tricky).toString('base64')}`;
      const cases: [string, string, string[]][] = [
        [
          'aliyun',
          JSON.stringify({ Code: 'SignatureDoesNotMatch', Message: echo, RequestId: echo }),
          ['send', 'aliyun', '--config', config, '--to', mainland, '--code', code, '--json'],
        ],
        [
          'aliyun',
          JSON.stringify({ Code: 'isv.INVALID_PARAMETERS', Message: echo, RequestId: echo }),
          ['status', 'aliyun', '--config', config, '--id', '1^0', '--to', mainland],
        ],
        [
          'aliyun',
          JSON.stringify({ Code: 'isp.SYSTEM_ERROR', Message: echo }),
          ['check', 'aliyun', '--config', config],
        ],
        [
          'yunpian',
          JSON.stringify({ code: 2, msg: '参数格式不正确', detail: echo }),
          ['check', 'yunpian', '--config', yunpian, '--json'],
        ],
        [
          'yunpian',
          JSON.stringify({ code: 2, msg: '参数格式不正确', detail: echo }),
          ['send', 'yunpian', '--config', yunpian, '--to', mainland, '--code', code],
        ],
      ];
      for (const [provider, body, args] of cases) {
        lab.emulator.faults.inject({
          fault: { kind: 'malformed', status: provider === 'yunpian' ? 400 : 200, body },
          provider,
          times: 5,
        });
        const run = await runCli(args);
        expectClean(run, [tricky], args.slice(0, 2).join(' '));
        lab.emulator.faults.clear();
      }
    });

    it('bad input of every kind', async () => {
      const config = withSecret(lab.configs.aliyun);
      const file = await writeJsonFile(config);
      const send = ['send', 'aliyun', '--config', file];
      const status = ['status', 'aliyun', '--config', file, '--to', mainland];
      const runs: [string[], CliOptions?][] = [
        [['send', 'aliyun', '--config', JSON.stringify(config), '--to', mainland]],
        [['check', 'aliyun', '--config', '-'], { stdin: `{ "accessKeySecret": "${tricky}", ` }],
        [
          ['check', 'aliyun', '--config', '-'],
          { stdin: JSON.stringify({ ...config, signName: 'env:DUANXIN_UNSET' }) },
        ],
        [[...send, '--to', '']],
        [[...send, '--to', 'abc']],
        [[...send, '--to', `${mainland},8613900139000`]],
        [[...send, '--to', '8'.repeat(30)]],
        [[...send, '--to', mainland, '--code', `${code}ab`]],
        [[...send, '--to', mainland, '--code', '1'.repeat(100)]],
        [[...send, '--to', mainland, '--type', 'Nope']],
        [[...send, '--to', mainland, `--accessKeySecret=${tricky}`]],
        [
          [
            ...send,
            '--to',
            mainland,
            '--endpoint',
            `http://u:${encodeURIComponent(tricky)}@127.0.0.1:1`,
          ],
        ],
        [[...send, '--to', mainland, '--timeout', 'soon']],
        [[...status, '--id', '']],
        [[...status, '--id', '   ']],
        [[...status, '--id', '1^0', '--date', '2025-02-30']],
        [[...send, '--to', mainland, '--code', code, '--json'], { closeStdout: true }],
        [['--help']],
        [['send', '--help']],
        [['check', '--help']],
        [['status', '--help']],
        [['emulator', '--help']],
        [['--version']],
        [['frobnicate']],
        [[]],
      ];
      for (const [args, options] of runs) {
        expectClean(await runCli(args, options), [tricky], args.join(' ') || '(no arguments)');
      }
    });
  }
);
