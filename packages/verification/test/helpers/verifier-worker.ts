/**
 * One app instance for the cross-process test: a verifier on the shared Redis store, sending
 * through the Aliyun connector to the emulator. Reads `{ id, method, args }` lines on stdin and
 * answers `{ id, ok, value }` or `{ id, ok: false, code, retryAfterSeconds }` lines on stdout.
 */
import { createInterface } from 'node:readline';

import createAliyunSmsConnector from '@duanxin/connector-aliyun-sms';
import { emulatorConnectorConfigs } from '@duanxin/emulator';
import {
  createRedisStore,
  createSmsVerifier,
  isSmsVerificationError,
  type SmsVerifierOptions,
} from '@duanxin/verification';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`verifier-worker: ${name} is not set`);
  }
  return value;
};

const store = createRedisStore({ url: env('REDIS_URL'), prefix: env('STORE_PREFIX') });
const verifier = createSmsVerifier({
  connector: await createAliyunSmsConnector({
    getConfig: async () => emulatorConnectorConfigs(env('EMULATOR_URL')).aliyun,
  }),
  store,
  secret: env('VERIFIER_SECRET'),
  ...(JSON.parse(env('VERIFIER_OPTIONS')) as Partial<SmsVerifierOptions>),
});

type Call = { id: number; method: 'send' | 'verify'; args: never };

const answer = async ({ id, method, args }: Call) => {
  try {
    const value = await verifier[method](args);
    return { id, ok: true, value };
  } catch (error) {
    return isSmsVerificationError(error)
      ? { id, ok: false, code: error.code, retryAfterSeconds: error.retryAfterSeconds }
      : { id, ok: false, code: 'UNEXPECTED', message: String(error) };
  }
};

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  void answer(JSON.parse(line) as Call).then((reply) => {
    process.stdout.write(`${JSON.stringify(reply)}\n`);
  });
});
lines.on('close', () => {
  void store.close?.().then(() => process.exit(0));
});
process.stdout.write('ready\n');
