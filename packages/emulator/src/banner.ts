/**
 * What `pnpm emulator` and `duanxin emulator` print at start-up: the endpoint, the seeded
 * credentials and connector configs to paste into Logto, and the control endpoints.
 */
import type { Emulator } from './server.js';
import type { ProviderAccount, ProviderDefinition } from './types.js';

const describeAccount = (
  labels: ProviderDefinition['credentialLabels'],
  account: ProviderAccount
): string[] => {
  const {
    id: idLabel = 'id',
    secret: secretLabel = 'secret',
    token: tokenLabel = 'token',
  } = labels ?? {};
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
};

export const describeEmulator = (emulator: Emulator): string => {
  const lines = [
    `duanxin emulator listening on ${emulator.url}`,
    `  Every provider is served at this origin: use it as the connector's endpoint.`,
  ];
  if (emulator.certificate) {
    lines.push(
      '  HTTPS with a self-signed certificate: trust it or disable verification for tests.'
    );
  }
  for (const provider of emulator.providers) {
    const account = emulator.account(provider.name);
    lines.push(
      '',
      `  ${provider.name}  endpoint ${emulator.url}`,
      ...describeAccount(provider.credentialLabels, account)
    );
  }
  lines.push('', '  Connector configs for the default seed (paste into the Logto console):');
  for (const { name, connectorConfig } of emulator.providers) {
    if (connectorConfig) {
      lines.push(`    ${name}: ${JSON.stringify(connectorConfig(emulator.url))}`);
    }
  }
  lines.push(
    '',
    `  inbox     GET ${emulator.url}/_inbox   (DELETE to clear)`,
    `  requests  GET ${emulator.url}/_requests   (DELETE to clear)`,
    `  faults    POST/GET/DELETE ${emulator.url}/_faults`
  );
  return lines.join('\n');
};
