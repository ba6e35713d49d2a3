/** Test support: an in-memory stand-in for the emulator core (inbox, balance, flow control). */
import { FlowControl } from '../flow-control.js';
import type {
  InboxMessage,
  ProviderAccount,
  ProviderContext,
  ProviderDefinition,
} from '../types.js';

export const fakeNow = 1_700_000_000_000;

export const fakeContext = (
  provider: ProviderDefinition,
  account: ProviderAccount = provider.defaultAccount()
) => {
  const clock = { now: fakeNow };
  const inbox: InboxMessage[] = [];
  const flow = new FlowControl();
  const context: ProviderContext = {
    account,
    now: () => clock.now,
    deliver: (message) => {
      account.balance = Math.max(0, account.balance - 1);
      const stored = {
        ...message,
        id: `m${inbox.length + 1}`,
        provider: provider.name,
        receivedAt: clock.now,
      };
      inbox.push(stored);
      return stored;
    },
    checkFlow: (number, key) =>
      flow.check(provider.name, account.flowControl, number, key, clock.now),
    useNonce: () => true,
    sent: () => inbox,
  };
  return { context, inbox, clock, account };
};
