#!/usr/bin/env node
/**
 * `pnpm emulator [--port 8080] [--host 127.0.0.1] [--https] [--seed seed.json] [--no-flow-control]`
 * Starts the emulator and prints the endpoint and the seeded credentials to paste into a
 * connector config. Stops on Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { emulatorConnectorConfigs } from './connector-configs.js';
import { startEmulator } from './server.js';
import type { ProviderAccount } from './types.js';

const credentialLabels: Record<string, [id: string, secret: string, token: string]> = {
  aliyun: ['AccessKeyId', 'AccessKeySecret', 'SecurityToken'],
  tencent: ['SecretId', 'SecretKey', 'Token'],
  yunpian: ['apikey', 'secret', 'token'],
};

function describeAccount(name: string, account: ProviderAccount): string[] {
  const [idLabel, secretLabel, tokenLabel] = credentialLabels[name] ?? ['id', 'secret', 'token'];
  const lines = account.credentials.map((credential) => {
    const parts = [`${idLabel} ${credential.id}`];
    if (credential.secret !== undefined) parts.push(`${secretLabel} ${credential.secret}`);
    if (credential.token !== undefined) parts.push(`${tokenLabel} ${credential.token}`);
    if (credential.canQuery === false) parts.push('(no query permission)');
    if (credential.disabled) parts.push('(disabled)');
    return `    ${parts.join('  ')}`;
  });
  const approved = <T extends { state: string }>(items: T[], label: (item: T) => string) =>
    items
      .filter((item) => item.state === 'approved')
      .map(label)
      .join(', ') || '(none)';
  lines.push(`    signatures: ${approved(account.signatures, (s) => s.name)}`);
  lines.push(`    templates:  ${approved(account.templates, (t) => `${t.id} "${t.content}"`)}`);
  if (account.apps?.length) {
    lines.push(`    apps:       ${account.apps.map((app) => app.id).join(', ')}`);
  }
  if (account.regions?.length) {
    lines.push(`    regions:    ${account.regions.join(', ')}`);
  }
  const flow = account.flowControl === false ? 'off' : 'on';
  lines.push(
    `    balance ${account.balance}, international ${account.international ? 'on' : 'off'}, flow control ${flow}`
  );
  return lines;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      https: { type: 'boolean', default: false },
      seed: { type: 'string' },
      'no-flow-control': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--port must be a port number, got ${values.port}`);
  }
  const emulator = await startEmulator({
    port,
    host: values.host,
    https: values.https,
    ...(values.seed === undefined ? {} : { seed: values.seed }),
    flowControl: !values['no-flow-control'],
  });

  const lines = [
    `duanxin emulator listening on ${emulator.url}`,
    `  Every provider is served at this origin: use it as the connector's endpoint.`,
  ];
  if (emulator.certificate) {
    lines.push(
      '  HTTPS with a self-signed certificate: trust it or disable verification for tests.'
    );
  }
  for (const [name, account] of Object.entries(emulator.seed)) {
    lines.push('', `  ${name}  endpoint ${emulator.url}`, ...describeAccount(name, account));
  }
  lines.push('', '  Connector configs for the default seed (paste into the Logto console):');
  for (const [name, config] of Object.entries(emulatorConnectorConfigs(emulator.url))) {
    lines.push(`    ${name}: ${JSON.stringify(config)}`);
  }
  lines.push(
    '',
    `  inbox     GET ${emulator.url}/_inbox   (DELETE to clear)`,
    `  requests  GET ${emulator.url}/_requests   (DELETE to clear)`,
    `  faults    POST/GET/DELETE ${emulator.url}/_faults`
  );
  console.log(lines.join('\n'));

  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
