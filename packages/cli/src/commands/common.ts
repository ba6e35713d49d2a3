/** What `send`, `check` and `status` share: the provider argument, config options, the run loop. */
import { Argument, InvalidArgumentError, Option, type Command } from 'commander';
import { destroyAgents, endpointGuard } from '@duanxin/shared';

import { loadConfig, type LoadedConfig } from '../config-input.js';
import type { ExitCode } from '../exit-codes.js';
import { describeFailure, printFailure } from '../failure.js';
import { Output } from '../output.js';
import {
  providerEntry,
  providerNames,
  type ProviderEntry,
  type ProviderName,
} from '../providers.js';

export type ConnectionOptions = {
  config: string;
  endpoint?: string;
  timeout?: number;
  json?: boolean;
};

export const providerArgument = (names: readonly ProviderName[] = providerNames) =>
  new Argument('<provider>', "the connector's provider").choices(names);

const parseTimeout = (value: string): number => {
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 100 || ms > 60_000) {
    throw new InvalidArgumentError('expected milliseconds from 100 to 60000.');
  }
  return ms;
};

const parseEndpoint = (value: string): string => {
  const result = endpointGuard.safeParse(value);
  if (!result.success) {
    throw new InvalidArgumentError(
      `${result.error.issues.map((issue) => issue.message).join('; ')}.`
    );
  }
  return value;
};

export const addConnectionOptions = (command: Command): Command =>
  command
    .requiredOption(
      '-c, --config <file|->',
      "the connector config: the JSON of Logto's connector form, from a file or - for stdin"
    )
    .addOption(
      new Option(
        '--endpoint <url>',
        "API origin, overriding the config's endpoint (e.g. the emulator)"
      ).argParser(parseEndpoint)
    )
    .addOption(
      new Option(
        '--timeout <ms>',
        "timeout of one attempt, overriding the config's timeout"
      ).argParser(parseTimeout)
    )
    .option('--json', 'print one JSON object on stdout, for scripts');

export type ActionContext = {
  output: Output;
  provider: ProviderName;
  entry: ProviderEntry;
  /** Loads the config and hides its secrets from all further output. */
  load: () => Promise<LoadedConfig>;
};

/**
 * Runs a command and sets the exit code; every failure is reported the same way. Keep-alive
 * sockets are closed so the process ends as soon as the output is written.
 */
export const runAction = async (
  provider: ProviderName,
  options: ConnectionOptions,
  action: (context: ActionContext) => Promise<ExitCode>
): Promise<void> => {
  const output = new Output(Boolean(options.json));
  const entry = providerEntry(provider);
  const load = async () => {
    const loaded = await loadConfig(options.config, entry, options);
    output.hide(loaded.secrets);
    return loaded;
  };
  try {
    process.exitCode = await action({ output, provider, entry, load });
  } catch (error: unknown) {
    const failure = describeFailure(error, provider);
    printFailure(output, failure, provider);
    process.exitCode = failure.exitCode;
  } finally {
    destroyAgents();
  }
};
