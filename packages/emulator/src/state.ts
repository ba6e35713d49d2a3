/** The emulator's state: seed and accounts, inbox, request log, faults, flow control, nonces. */
import { FaultQueue, Timers } from './faults.js';
import { FlowControl, NonceStore } from './flow-control.js';
import { Inbox, RequestLog } from './inbox.js';
import { builtinProviders } from './providers/index.js';
import { loadSeed } from './seed.js';
import type { EmulatorOptions } from './server.js';
import type {
  EmulatorSeed,
  ProviderAccount,
  ProviderContext,
  ProviderDefinition,
} from './types.js';

export type EmulatorState = {
  now: () => number;
  providers: ProviderDefinition[];
  seed: EmulatorSeed;
  inbox: Inbox;
  requestLog: RequestLog;
  faults: FaultQueue;
  flow: FlowControl;
  nonces: NonceStore;
  /** Delays and trickles, cancelled by close(). */
  timers: Timers;
  /** The live account of a provider; throws on an unknown one. */
  account: (name: string) => ProviderAccount;
};

/** Extra providers replace the built-in one of the same name, or come after the built-ins. */
const mergeProviders = (
  builtins: readonly ProviderDefinition[],
  extras: readonly ProviderDefinition[]
): ProviderDefinition[] => {
  const replaced = builtins.map(
    (builtin) => extras.find((extra) => extra.name === builtin.name) ?? builtin
  );
  return [...replaced, ...extras.filter((extra) => !builtins.some((b) => b.name === extra.name))];
};

const seedFor = (
  providers: readonly ProviderDefinition[],
  options: Pick<EmulatorOptions, 'seed' | 'flowControl'>
): EmulatorSeed => {
  const seed = loadSeed(providers, options.seed);
  if (options.flowControl === false) {
    for (const account of Object.values(seed)) {
      account.flowControl = false;
    }
  }
  return seed;
};

const accountIn =
  (seed: EmulatorSeed) =>
  (name: string): ProviderAccount => {
    const found = seed[name];
    if (!found) {
      throw new Error(`unknown provider ${name} (known: ${Object.keys(seed).join(', ')})`);
    }
    return found;
  };

export const createState = (
  options: Pick<EmulatorOptions, 'now' | 'providers' | 'seed' | 'flowControl'>
): EmulatorState => {
  const providers = mergeProviders(builtinProviders, options.providers ?? []);
  const seed = seedFor(providers, options);
  return {
    now: options.now ?? Date.now,
    providers,
    seed,
    inbox: new Inbox(),
    requestLog: new RequestLog(),
    faults: new FaultQueue(),
    flow: new FlowControl(),
    nonces: new NonceStore(),
    timers: new Timers(),
    account: accountIn(seed),
  };
};

/** What a provider's handler is given: its live account, the clock, delivery, flow, nonces. */
export const contextFor = (state: EmulatorState, provider: ProviderDefinition): ProviderContext => {
  const { account, now, inbox, flow, nonces } = state;
  return {
    account: account(provider.name),
    now,
    deliver: (message) => {
      const paying = account(provider.name);
      paying.balance = Math.max(0, paying.balance - 1);
      return inbox.add({ ...message, provider: provider.name, receivedAt: now() });
    },
    checkFlow: (number, key) =>
      flow.check(provider.name, account(provider.name).flowControl, number, key, now()),
    useNonce: (nonce, ttlSeconds) => nonces.use(provider.name, nonce, ttlSeconds, now()),
    sent: () => inbox.list({ provider: provider.name }),
  };
};
