import { Command, InvalidArgumentError } from 'commander';

import { exitCodes } from '../exit-codes.js';
import { providerTitles } from '../providers.js';

type EmulatorOptions = {
  port: number;
  host: string;
  https?: boolean;
  seed?: string;
  flowControl: boolean;
};

const parsePort = (value: string): number => {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new InvalidArgumentError('expected a port number (0 picks a free one).');
  }
  return port;
};

// A port that cannot be had is a usage error; anything else wrong at start is the seed.
const listenErrors = new Set(['EADDRINUSE', 'EACCES', 'EADDRNOTAVAIL']);

const serve = async (options: EmulatorOptions): Promise<void> => {
  // Loaded on demand: the other commands start faster without it.
  const { describeEmulator, startEmulator, stopWithParent } = await import('@duanxin/emulator');
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    emulator = await startEmulator({
      port: options.port,
      host: options.host,
      https: Boolean(options.https),
      ...(options.seed !== undefined && { seed: options.seed }),
      flowControl: options.flowControl,
    });
  } catch (error: unknown) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(`✗ emulator: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = code && listenErrors.has(code) ? exitCodes.usage : exitCodes.configInvalid;
    return;
  }
  // The emulator's own output: its demo credentials are printed in full, to paste into a config.
  console.log(describeEmulator(emulator));
  stopWithParent(() => emulator.close());
};

const examples = `
Examples:
  # On a fixed port, then point a config's endpoint (or --endpoint) at it:
  $ duanxin emulator --port 8080
  $ duanxin send aliyun --config aliyun.json --to 8613800138000 --endpoint http://127.0.0.1:8080

  # With an extra pending template, HTTPS and no flow control:
  $ duanxin emulator --seed seed.json --https --no-flow-control

A seed file adds to or overrides the built-in accounts, e.g.
  { "aliyun": { "templates": [{ "id": "SMS_200001", "content": "验证码\${code}", "state": "pending" }] } }`;

export const emulatorCommand = (): Command =>
  new Command('emulator')
    .summary("start the local emulator of the providers' APIs")
    .description(
      `Start the emulator of the ${providerTitles()} SMS APIs and print its endpoint, seeded credentials and ready-to-paste connector configs. Stops on Ctrl-C.`
    )
    .option('-p, --port <port>', 'port to listen on (0 picks a free one)', parsePort, 0)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--https', 'serve HTTPS with a self-signed certificate')
    .option('--seed <file>', 'JSON seed merged over the built-in accounts')
    .option('--no-flow-control', "switch off the providers' per-number flow control")
    .addHelpText('after', examples)
    .action(serve);
