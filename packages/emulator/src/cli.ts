#!/usr/bin/env node
/**
 * `pnpm emulator [--port 8080] [--host 127.0.0.1] [--https] [--seed seed.json] [--no-flow-control]`
 * Starts the emulator and prints the endpoint and the seeded credentials to paste into a
 * connector config. Stops on Ctrl-C, on SIGTERM, and when the process that started it is gone.
 */
import { parseArgs } from 'node:util';
import { describeEmulator } from './banner.js';
import { stopWithParent } from './lifecycle.js';
import { startEmulator } from './server.js';

const usage = `Usage: duanxin-emulator [options]

Starts a local emulator of the SMS providers' APIs on loopback, with an inbox, a request log and
fault injection, and prints the endpoint and the seeded credentials to put in a connector config.

Options:
  --port <n>          port to listen on (default: a free one)
  --host <address>    address to listen on (default: 127.0.0.1)
  --https             serve HTTPS with a certificate made at start-up
  --seed <file>       JSON seed merged over each provider's default account
  --no-flow-control   switch off every provider's per-number flow control
  -h, --help          show this help

Stops on Ctrl-C or SIGTERM.`;

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      help: { type: 'boolean', short: 'h', default: false },
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      https: { type: 'boolean', default: false },
      seed: { type: 'string' },
      'no-flow-control': { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    return;
  }
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

  console.log(describeEmulator(emulator));

  stopWithParent(() => emulator.close());
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if (
    error instanceof TypeError &&
    'code' in error &&
    String(error.code).startsWith('ERR_PARSE_ARGS')
  ) {
    console.error('Run with --help for the options.');
    process.exit(2);
  }
  process.exit(1);
});
