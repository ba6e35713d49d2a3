import { createBindingFlows } from './binding.js';
import { createCounters } from './limits.js';
import { resolveOptions, type SmsVerifierOptions } from './options.js';
import { createSend } from './sending.js';
import { normalisePhone } from './phone.js';
import { guardStore } from './store/guard.js';
import { createVerify } from './verifying.js';

export type { SendRequest, SendResult } from './sending.js';
export type { VerifyRequest, VerifyResult } from './verifying.js';

/** Sends one-time codes through an SMS connector, verifies them, and binds numbers to users. */
export const createSmsVerifier = (options: SmsVerifierOptions) => {
  const opts = resolveOptions(options);
  const store = guardStore(opts.store);
  const counters = createCounters(opts);
  const send = createSend(opts, store, counters);
  const verify = createVerify(opts, store, counters);
  return {
    send,
    verify,
    ...createBindingFlows({
      store,
      send,
      verify,
      allowRemovingLast: opts.allowRemovingLast,
      normalise: (phone) => normalisePhone(phone, opts.defaultCountry),
    }),
  };
};

export type SmsVerifier = ReturnType<typeof createSmsVerifier>;
