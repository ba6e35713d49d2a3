#!/usr/bin/env node
/**
 * `pnpm emulator [--port 8080] [--host 127.0.0.1] [--https] [--seed seed.json] [--no-flow-control]`
 * Starts the emulator and prints the endpoint and the seeded credentials to paste into a
 * connector config. Stops on Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { describeEmulator } from './banner.js';
import { startEmulator } from './server.js';

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

  console.log(describeEmulator(emulator));

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
