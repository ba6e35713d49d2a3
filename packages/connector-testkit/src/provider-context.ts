/**
 * For unit tests of a provider's emulation: an in-memory stand-in for the emulator core (inbox,
 * balance, flow control) with a clock the test moves, so a `ProviderDefinition`'s `handle` can be
 * called without a server.
 */
import { FlowControl } from '@duanxin/emulator';
import type {
  InboxMessage,
  ProviderAccount,
  ProviderContext,
  ProviderDefinition,
} from '@duanxin/shared';

export const fakeNow = 1_700_000_000_000;

export const fakeProviderContext = (
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
