import createAliyunSmsConnector from '@duanxin/connector-aliyun-sms';
import { emulatorConnectorConfigs, startEmulator, type Emulator } from '@duanxin/emulator';
import { destroyAgents } from '@duanxin/shared';
import type { SendMessageData, SmsConnector } from '@logto/connector-kit';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';

import {
  createSmsVerifier,
  isSmsVerificationError,
  type SmsVerificationError,
  type SmsVerificationErrorCode,
  type SmsVerifierOptions,
  type VerificationStore,
} from '../../src/index.js';

export type StoreFactory = () => VerificationStore | Promise<VerificationStore>;

/**
 * Takes the store's backend away and brings it back: a real redis-server killed and restarted
 * on its port (its data lost), or, for the memory store, every call failing meanwhile.
 */
export type StoreOutage = { begin(): Promise<void>; end(): Promise<void> };

export const testSecret = 'a test secret of at least thirty-two bytes';

export type VerifierContext = {
  emulator: Emulator;
  outage: StoreOutage;
  /** Every `sendMessage` call, as the connector received it. */
  calls: SendMessageData[];
  store: VerificationStore;
  /** The verifier's clock: starts at the real time, moves only when told. */
  clock: { now: number; advance(seconds: number): void };
  createVerifier(options?: Partial<SmsVerifierOptions>): ReturnType<typeof createSmsVerifier>;
  /** The codes a number received, oldest first, read from the emulator's inbox. */
  codesReceived(e164: string): string[];
  /** The latest code the number received. */
  lastCode(e164: string): string;
};

const notConfigured = async () => {
  throw new Error('the config is passed with every send');
};

/**
 * A verifier over a real duanxin connector (Aliyun) and the emulator over HTTP, on `makeStore`'s
 * store. The emulator's own flow control is off: the verifier's limits are under test.
 */
export const useVerifierContext = (
  makeStore: StoreFactory,
  outage: StoreOutage
): VerifierContext => {
  const context = { calls: [] as SendMessageData[], outage } as VerifierContext;
  let connector: SmsConnector;
  let balance = 0;

  beforeAll(async () => {
    context.emulator = await startEmulator({ flowControl: false });
    balance = context.emulator.account('aliyun').balance;
    connector = await createAliyunSmsConnector({ getConfig: notConfigured });
  });
  afterAll(async () => {
    await context.emulator.close();
    destroyAgents();
  });
  beforeEach(async () => {
    context.emulator.inbox.clear();
    context.emulator.requests.clear();
    context.emulator.faults.clear();
    context.emulator.account('aliyun').balance = balance;
    context.calls.length = 0;
    context.store = await makeStore();
    const clock = { now: Date.now(), advance: (seconds: number) => (clock.now += seconds * 1000) };
    context.clock = clock;
  });
  afterEach(async () => {
    // A failed test must not leave the next one without a store.
    await context.outage.end();
    await context.store.close?.();
  });

  context.createVerifier = (options = {}) =>
    createSmsVerifier({
      connector: {
        sendMessage: (data, config) => {
          context.calls.push(structuredClone(data));
          return connector.sendMessage(data, config);
        },
      },
      config: emulatorConnectorConfigs(context.emulator.url).aliyun,
      store: context.store,
      secret: testSecret,
      now: () => context.clock.now,
      ...options,
    });
  context.codesReceived = (e164) =>
    context.emulator.inbox.list({ to: e164 }).map((message) => message.code ?? '');
  context.lastCode = (e164) => {
    const code = context.codesReceived(e164).at(-1);
    expect(code, `no code reached ${e164}`).toMatch(/^[0-9]+$/);
    return code as string;
  };
  return context;
};

/** A code of the same length that is not `code`. */
export const wrongCode = (code: string, offset = 1): string =>
  String((Number(code) + offset) % 10 ** code.length).padStart(code.length, '0');

/** The verification error a promise rejects with, checked to carry `code`. */
export const refusal = async (
  promise: Promise<unknown>,
  code: SmsVerificationErrorCode
): Promise<SmsVerificationError> => {
  const error = await promise.then(
    () => expect.unreachable(`expected ${code}, but it succeeded`),
    (error: unknown) => error
  );
  expect(isSmsVerificationError(error) && error.code, String(error)).toBe(code);
  return error as SmsVerificationError;
};

/** Counts outcomes of settled promises: 'ok' or the error code. */
export const tally = (results: PromiseSettledResult<unknown>[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const result of results) {
    const key =
      result.status === 'fulfilled'
        ? 'ok'
        : isSmsVerificationError(result.reason)
          ? result.reason.code
          : String(result.reason);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
};
