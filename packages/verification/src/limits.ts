import { hashKey } from './code.js';
import { SmsVerificationError, secondsToWait, type SmsVerificationErrorCode } from './errors.js';
import type { ResolvedOptions, RollingCap } from './options.js';
import type { Counter, CounterFull, GuessCounterName, SendCounterName } from './store/types.js';

const refusals: Record<SendCounterName | GuessCounterName, SmsVerificationErrorCode> = {
  number: 'NUMBER_CAP_REACHED',
  ip: 'IP_CAP_REACHED',
  prefix: 'PREFIX_CAP_REACHED',
  global: 'GLOBAL_CAP_REACHED',
  'number-guesses': 'NUMBER_GUESS_CAP_REACHED',
  'ip-guesses': 'IP_GUESS_CAP_REACHED',
};

/** The refusal of a full counter, with when to retry. */
export const counterRefusal = ({ counter, retryAfterMs }: CounterFull<string>) =>
  new SmsVerificationError(refusals[counter as SendCounterName], {
    retryAfterSeconds: secondsToWait(retryAfterMs),
  });

type Keys = { e164: string; phoneKey: string; ipKey: string | undefined };

/** The rolling counters a send and a wrong code are counted in, from the options. */
export const createCounters = (opts: ResolvedOptions) => {
  const counter = <Name extends string>(
    name: Name,
    key: string,
    cap: RollingCap | false
  ): Counter<Name>[] => (cap ? [{ name, key, max: cap.max, windowMs: cap.window * 1000 }] : []);
  const prefixKey = (e164: string) => {
    const trailing = (opts.perPrefixCap && opts.perPrefixCap.trailingDigits) || 4;
    return hashKey(opts.secret, 'prefix', e164.slice(0, -trailing));
  };

  return {
    forSend: ({ e164, phoneKey, ipKey }: Keys): Counter<SendCounterName>[] => [
      ...counter('number', `send:number:${phoneKey}`, opts.perNumberCap),
      ...(ipKey ? counter('ip', `send:ip:${ipKey}`, opts.perIpCap) : []),
      ...(opts.perPrefixCap
        ? counter('prefix', `send:prefix:${prefixKey(e164)}`, opts.perPrefixCap)
        : []),
      ...counter('global', 'send:global', opts.globalCap),
    ],
    forGuess: ({ phoneKey, ipKey }: Keys): Counter<GuessCounterName>[] => [
      ...counter('number-guesses', `guess:number:${phoneKey}`, opts.perNumberGuessCap),
      ...(ipKey ? counter('ip-guesses', `guess:ip:${ipKey}`, opts.perIpGuessCap) : []),
    ],
  };
};

export type Counters = ReturnType<typeof createCounters>;
