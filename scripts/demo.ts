/**
 * The main job on an embedded default: starts the emulator in-process, configures every
 * registered connector against it, sends a code for every TemplateType to a mainland, a Hong Kong
 * and a US number through each connector exactly as Logto calls it, and shows what each phone
 * received; then shows the failover connector moving on when its first provider refuses.
 * Exits non-zero unless every message arrived exactly once.
 */
import { randomInt } from 'node:crypto';

import { startEmulator, type Emulator } from '@duanxin/emulator';
import { findProvider, providers } from '@duanxin/providers';
import { emulatorConfigs } from '@duanxin/providers/emulator';
import { destroyAgents, maskPhone, templateTypes } from '@duanxin/shared';

// Every connector of the registry (@duanxin/providers) takes part.
const connectors = providers.flatMap((operator) => {
  const emulatorConfig = emulatorConfigs[operator.provider];
  return emulatorConfig ? [{ ...operator, emulatorConfig }] : [];
});
// Logto passes numbers as digits with country code and no `+`. 16502530000 also reads as the
// mainland mobile 165 0253 0000: each connector must still reach +1 650 253 0000.
const phones = ['8613800138000', '85291234567', '16502530000'];

const notConfigured = async () => {
  throw new Error("the demo passes its config with every send, as Logto's test send does");
};

const main = async () => {
  const emulator = await startEmulator({
    port: 0,
    flowControl: false,
  });
  const rows: string[][] = [];
  let failures = 0;
  let failover = { ok: false, lines: ['Failover: not shown'] };

  try {
    for (const { provider: name, createConnector, emulatorConfig } of connectors) {
      const config = emulatorConfig(emulator.url);
      for (const to of phones) {
        for (const type of templateTypes) {
          const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
          const before = emulator.inbox.list().length;
          // Logto creates the connector anew for every code it sends.
          const connector = await createConnector({ getConfig: notConfigured });
          let status = 'ok';
          try {
            await connector.sendMessage({ to, type: type as never, payload: { code } }, config);
          } catch (error: unknown) {
            const data = (error as { data?: { errorDescription?: string } }).data;
            status = `failed: ${data?.errorDescription ?? String(error)}`;
          }
          const arrived = emulator.inbox.list().slice(before);
          const matching = arrived.filter(
            (message) => message.code === code && message.to === `+${to}`
          );
          if (status === 'ok' && (arrived.length !== 1 || matching.length !== 1)) {
            status = `expected exactly one message with the code, the phone got ${arrived.length}`;
          }
          if (status !== 'ok') {
            failures++;
          }
          rows.push([name, type, maskPhone(`+${to}`), code, arrived[0]?.text ?? '—', status]);
        }
      }
    }
    failover = await showFailover(emulator);
  } finally {
    await emulator.close();
    destroyAgents();
  }

  printTable(['provider', 'template type', 'phone', 'code', 'the phone shows', 'result'], rows);
  const total = rows.length;
  console.log(`\n${total - failures} of ${total} codes arrived exactly once.`);
  console.log(`\n${failover.lines.join('\n')}`);
  if (failures > 0 || !failover.ok) {
    process.exitCode = 1;
  }
};

/**
 * The failover connector moving on: the emulator's fault injection makes Aliyun, first for
 * mainland numbers, refuse with flow control; Tencent must send the code, and only Tencent.
 */
const showFailover = async (emulator: Emulator) => {
  const failover = findProvider('failover');
  const emulatorConfig = emulatorConfigs.failover;
  if (!failover || !emulatorConfig) {
    return { ok: false, lines: ['Failover: no failover connector in the registry'] };
  }
  emulator.faults.inject({
    provider: 'aliyun',
    fault: {
      kind: 'malformed',
      body: JSON.stringify({
        RequestId: 'demo-fault',
        Code: 'isv.BUSINESS_LIMIT_CONTROL',
        Message: '触发分钟级流控Permits:1',
      }),
    },
  });
  const to = '8613800138000';
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const before = emulator.inbox.list().length;
  const connector = await failover.createConnector({ getConfig: notConfigured });
  const result = (await connector.sendMessage(
    { to, type: 'SignIn' as never, payload: { code } },
    emulatorConfig(emulator.url)
  )) as { deliveredBy?: string; earlier?: { name: string; providerCode?: string }[] };
  const arrived = emulator.inbox.list().slice(before);
  const refusals = (result.earlier ?? []).map((answer) => `${answer.name} ${answer.providerCode}`);
  const ok = arrived.length === 1 && arrived[0]?.provider === 'tencent' && arrived[0].code === code;
  return {
    ok,
    lines: [
      `Failover to ${maskPhone(`+${to}`)} with Aliyun made to refuse (emulator fault injection):`,
      `  refused first: ${refusals.join(', ') || '—'}; sent by: ${result.deliveredBy ?? '—'}`,
      `  the phone got ${arrived.length} text(s): ${arrived.map((m) => `${m.provider}: ${m.text}`).join(' | ')}`,
      ok ? '  ✓ one code, from the second provider' : '  ✗ expected exactly one text, from tencent',
    ],
  };
};

/** Width as a terminal shows it: CJK characters take two columns. */
const displayWidth = (text: string) =>
  [...text].reduce((width, char) => width + (/[\u1100-\uffff]/.test(char) ? 2 : 1), 0);

const printTable = (header: string[], rows: string[][]) => {
  const widths = header.map((title, column) =>
    Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row[column] ?? '')))
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell + ' '.repeat((widths[column] ?? 0) - displayWidth(cell)))
      .join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) {
    console.log(line(row));
  }
};

await main();
