#!/usr/bin/env node
/**
 * `duanxin`: test a Logto SMS connector config from a terminal — send a code, dry-run the request,
 * check the config against the provider without sending, query delivery, run the emulator.
 */
import { readFileSync } from 'node:fs';

import { Command, CommanderError } from 'commander';

import { checkCommand } from './commands/check.js';
import { emulatorCommand } from './commands/emulator.js';
import { sendCommand } from './commands/send.js';
import { statusCommand } from './commands/status.js';
import { exitCodes, exitCodesHelp } from './exit-codes.js';
import { describeFailure, printFailure } from './failure.js';
import { Output, tolerateClosedPipes, withoutArgumentValues } from './output.js';
import { providerTitles } from './providers.js';

const overview = `
Examples:
  $ duanxin check aliyun --config aliyun.json
  $ duanxin send aliyun --config aliyun.json --to 8613800138000 --dry-run
  $ duanxin send aliyun --config aliyun.json --to 8613800138000
  $ duanxin status aliyun --config aliyun.json --id '900619746936498440^0' --to 8613800138000
  $ duanxin emulator --port 8080

The config is the JSON of Logto's connector form. A value "env:NAME" is read from the
environment variable NAME (by this CLI only, never by the connectors inside Logto), so a
config can live in a repository without its secrets. Secrets are never printed; numbers
and codes are masked.
${exitCodesHelp}`;

// The same relative path from src/ (tsx) and lib/ (built).
const { version } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8')
) as { version: string };

const program = new Command('duanxin')
  .description(`Test Logto SMS connector configs for ${providerTitles()}.`)
  .version(version)
  .addCommand(sendCommand())
  .addCommand(checkCommand())
  .addCommand(statusCommand())
  .addCommand(emulatorCommand())
  .addHelpText('after', overview)
  .showHelpAfterError('(add --help for usage and examples)')
  .exitOverride();

const errorOutput = {
  outputError: (message: string, write: (text: string) => void) =>
    write(withoutArgumentValues(message)),
};
program.configureOutput(errorOutput);
for (const command of program.commands) {
  command.exitOverride().configureOutput(errorOutput).addHelpText('after', exitCodesHelp);
}

tolerateClosedPipes();
// A bug is reported in one line, as every other failure: a stack trace is no message.
const reportUnexpected = (error: unknown) => {
  printFailure(new Output(false), describeFailure(error, undefined), undefined);
  process.exitCode = exitCodes.unexpected;
};
process.on('uncaughtException', reportUnexpected);
process.on('unhandledRejection', reportUnexpected);

try {
  await program.parseAsync();
} catch (error: unknown) {
  if (error instanceof CommanderError) {
    // Help and --version exit 0; every other parser error is a usage error.
    process.exitCode = error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
  } else {
    reportUnexpected(error);
  }
}
