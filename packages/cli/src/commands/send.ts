import { randomInt } from 'node:crypto';

import type { SendMessageData } from '@logto/connector-kit';
import { Command, InvalidArgumentError, Option } from 'commander';
import { maskCode, maskPhone, templateTypes } from '@duanxin/shared';

import { assertValidConfig } from '../config-input.js';
import { redactRequest, formatRequest } from '../dry-run.js';
import { exitCodes, type ExitCode } from '../exit-codes.js';
import { rows } from '../output.js';
import type { ProviderName } from '../providers.js';
import {
  addConnectionOptions,
  providerArgument,
  runAction,
  type ActionContext,
  type ConnectionOptions,
} from './common.js';

type SendOptions = ConnectionOptions & {
  to: string;
  type: string;
  code?: string;
  randomCode?: boolean;
  dryRun?: boolean;
};

const parseCode = (value: string): string => {
  if (!/^[0-9]{4,10}$/.test(value)) {
    throw new InvalidArgumentError('expected 4 to 10 digits.');
  }
  return value;
};

const randomCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** What the connector's sendMessage resolves with (Logto ignores it; the CLI shows it). */
type SendResult = {
  messageId?: string;
  requestId?: string;
  template?: string;
  templateCode?: string;
  templateUsageType?: string;
  templateId?: string;
  fellBackToGeneric?: boolean;
  phoneNumber?: string;
  fee?: number;
  count?: number;
  /** Through a failover connector: who sent it, and what the providers before it answered. */
  deliveredBy?: string;
  earlier?: { name: string; outcome: string; code: string; providerCode?: string }[];
};

const describeEarlier = (earlier: SendResult['earlier']) =>
  earlier?.length
    ? earlier
        .map(({ name, outcome, code, providerCode }) =>
          [name, outcome, providerCode, code].filter(Boolean).join(' ')
        )
        .join('; ')
    : undefined;

const describeTemplate = (template: string, type: string, fellBack: boolean) =>
  fellBack
    ? `${template} (the Generic template, standing in for ${type})`
    : template === type
      ? template
      : `${template} (${type})`;

const dryRun = (
  { output, provider, entry }: ActionContext,
  data: SendMessageData,
  config: unknown,
  secrets: string[]
) => {
  const code = String(data.payload.code);
  const prepared = entry.buildSendRequest(data, config);
  const request = redactRequest(prepared.call.build(), {
    secrets,
    phoneNumber: prepared.phoneNumber,
    code,
  });
  const template = describeTemplate(prepared.template, data.type, prepared.fellBackToGeneric);
  const phoneNumber = maskPhone(prepared.phoneNumber);
  if (output.json) {
    output.printJson({
      ok: true,
      provider,
      dryRun: true,
      template: prepared.template,
      fellBackToGeneric: prepared.fellBackToGeneric,
      phoneNumber,
      request,
    });
    return;
  }
  output.out(
    [
      output.paint(
        'bold',
        `Dry run: nothing was sent. ${provider} would receive (secrets ***, number and code masked):`
      ),
      '',
      formatRequest(request),
      '',
      rows([
        ['template', template],
        ['sent to', phoneNumber],
        ['code', maskCode(code)],
      ]),
    ].join('\n')
  );
};

const send = async (context: ActionContext, options: SendOptions): Promise<ExitCode> => {
  const { output, provider, entry } = context;
  const { config, secrets } = await context.load();
  assertValidConfig(config, entry);
  const data: SendMessageData = {
    to: options.to,
    type: options.type as SendMessageData['type'],
    payload: { code: options.code ?? randomCode() },
  };
  if (options.dryRun) {
    dryRun(context, data, config, secrets);
    return exitCodes.ok;
  }
  // Created and called exactly as Logto does: the default export, then sendMessage(data, config).
  const connector = await entry.create({ getConfig: async () => config });
  const result = (await output.during(
    `sending through ${provider}`,
    connector.sendMessage(data, config)
  )) as SendResult;
  const template =
    result.template ?? result.templateCode ?? result.templateUsageType ?? result.templateId ?? '';
  const phoneNumber = result.phoneNumber && maskPhone(result.phoneNumber);
  if (output.json) {
    output.printJson({
      ok: true,
      provider,
      dryRun: false,
      messageId: result.messageId,
      requestId: result.requestId,
      template,
      fellBackToGeneric: result.fellBackToGeneric,
      phoneNumber,
      ...(result.fee !== undefined && { fee: result.fee }),
      ...(result.count !== undefined && { count: result.count }),
      ...(result.deliveredBy !== undefined && {
        deliveredBy: result.deliveredBy,
        earlier: result.earlier,
      }),
    });
    return exitCodes.ok;
  }
  output.out(
    [
      output.paint('green', `✓ ${provider} accepted the message (accepted is not yet delivered)`),
      rows([
        ['sent by', result.deliveredBy],
        ['before it', describeEarlier(result.earlier)],
        [entry.messageIdName, result.messageId],
        ['request id', result.requestId],
        ['template', describeTemplate(template, data.type, Boolean(result.fellBackToGeneric))],
        ['sent to', phoneNumber],
        ['code', maskCode(String(data.payload.code))],
        ['fee', result.fee === undefined ? undefined : String(result.fee)],
        ['parts', result.count === undefined ? undefined : String(result.count)],
      ]),
      ...(entry.queryStatus && result.messageId
        ? [
            output.paint(
              'dim',
              `  delivery: duanxin status ${provider} --config ${options.config} --id '${result.messageId}' --to <number>`
            ),
          ]
        : []),
    ].join('\n')
  );
  return exitCodes.ok;
};

const examples = `
Examples:
  # Send a code to a mainland number through Aliyun, with the config Logto uses:
  $ duanxin send aliyun --config aliyun.json --to 8613800138000

  # A given code and usage type (a missing type falls back to Generic):
  $ duanxin send tencent --config tencent.json --to +85291234567 --type SignIn --code 123456

  # Show the signed request and send nothing; secrets from the environment:
  $ ALIYUN_ACCESS_KEY_SECRET=… duanxin send aliyun --config aliyun.json --to 8613800138000 --dry-run

  # Against the emulator (pnpm emulator), whatever endpoint the config names:
  $ duanxin send yunpian --config yunpian.json --to 8613800138000 --endpoint http://127.0.0.1:8080`;

export const sendCommand = (): Command => {
  const command = new Command('send')
    .summary('send a test code through a connector, as Logto does')
    .description(
      "Send a verification code through the connector's own code path (the package Logto loads), and print the provider's message id, the template used, the number as sent and any fee. Failures print the provider's code and message with a hint."
    )
    .addArgument(providerArgument())
    .requiredOption(
      '--to <number>',
      'the phone number, with country code (8613800138000, +85291234567)'
    )
    .addOption(
      new Option('--type <TemplateType>', 'the usage type whose template is used')
        .choices(templateTypes)
        .default('Generic')
    )
    .addOption(
      new Option('--code <digits>', 'the code to send (4 to 10 digits)')
        .argParser(parseCode)
        .conflicts('randomCode')
    )
    .option('--random-code', 'send a random 6-digit code (the default)')
    .option('--dry-run', 'print the signed HTTP request, secrets redacted, and send nothing');
  return addConnectionOptions(command)
    .addHelpText('after', examples)
    .action((provider: ProviderName, options: SendOptions) =>
      runAction(provider, options, (context) => send(context, options))
    );
};
