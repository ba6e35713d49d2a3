import { Command, InvalidArgumentError } from 'commander';
import { isCalendarDay, maskPhone, readStatusQuery, type DeliveryRecord } from '@duanxin/shared';

import { assertValidConfig } from '../config-input.js';
import { exitCodes, type ExitCode } from '../exit-codes.js';
import { rows } from '../output.js';
import {
  providerEntry,
  providerNames,
  providerTitles,
  statusProviderNames,
  type ProviderName,
} from '../providers.js';
import {
  addConnectionOptions,
  providerArgument,
  runAction,
  type ActionContext,
  type ConnectionOptions,
} from './common.js';

type StatusOptions = ConnectionOptions & { id: string; to: string; date?: string };

const parseDate = (value: string): string => {
  if (!isCalendarDay(value)) {
    throw new InvalidArgumentError('expected a date as YYYY-MM-DD.');
  }
  return value;
};

const stateColours = { delivered: 'green', failed: 'red', pending: 'yellow' } as const;

const status = async (context: ActionContext, options: StatusOptions): Promise<ExitCode> => {
  const { output, provider, entry } = context;
  // An empty or malformed id is a usage error before anything is read or asked.
  const query = readStatusQuery(
    { id: options.id, to: options.to, ...(options.date !== undefined && { date: options.date }) },
    provider
  );
  const { queryStatus } = entry;
  if (!queryStatus) {
    // The provider argument offers only the connectors that have one.
    throw new Error(`${provider} has no status query`);
  }
  const { config } = await context.load();
  assertValidConfig(config, entry);
  const report = await output.during(`asking ${provider} for receipts`, queryStatus(config, query));
  const records = report.records.map((record): DeliveryRecord => ({
    ...record,
    phoneNumber: maskPhone(record.phoneNumber),
  }));
  const good = records.some((record) => record.state !== 'failed');
  if (output.json) {
    output.printJson({ ok: good, provider, id: options.id, records });
  } else if (records.length === 0) {
    output.out(
      output.paint(
        'yellow',
        `No receipt for ${options.id} yet: it may still be on its way, or the number or --date (the day it was sent, China time) does not match.`
      )
    );
  } else {
    output.out(
      records
        .map((record) =>
          [
            output.paint(stateColours[record.state], `${record.state} (${record.providerStatus})`),
            rows([
              ['message id', record.messageId],
              ['number', record.phoneNumber],
              ['sent', record.sentAt],
              ['delivered', record.deliveredAt],
              ['detail', record.description],
            ]),
          ].join('\n')
        )
        .join('\n\n')
    );
  }
  return good ? exitCodes.ok : exitCodes.problemsFound;
};

const examples = `
Examples:
  # The delivery of a message sent today (the id is what send printed):
  $ duanxin status aliyun --config aliyun.json --id '900619746936498440^0' --to 8613800138000

  # Sent on another day (China time), as JSON:
  $ duanxin status tencent --config tencent.json --id 5000:1045710669157053657849499619 \\
      --to +8613800138000 --date 2025-01-02 --json

Exit code 0 when a receipt says delivered or pending, 6 when there is none or it failed.
${providerTitles(providerNames.filter((name) => !statusProviderNames.includes(name)))} have no per-message status query.`;

export const statusCommand = (): Command => {
  const command = new Command('status')
    .summary('the delivery status of a sent message')
    .description(
      `Ask the provider for the delivery receipt of one message (${providerTitles(statusProviderNames)}): accepted is not delivered.`
    )
    .addArgument(providerArgument(statusProviderNames))
    .requiredOption(
      '--id <message id>',
      `what send printed: ${statusProviderNames.map((name) => `${providerEntry(name).title} ${providerEntry(name).messageIdName}`).join(', ')}`
    )
    .requiredOption('--to <number>', 'the number it was sent to')
    .option('--date <YYYY-MM-DD>', 'the day it was sent, China time (default today)', parseDate);
  return addConnectionOptions(command)
    .addHelpText('after', examples)
    .action((provider: ProviderName, options: StatusOptions) =>
      runAction(provider, options, (context) => status(context, options))
    );
};
