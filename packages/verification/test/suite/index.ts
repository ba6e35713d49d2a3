/**
 * One suite for every store (unstorage's `testDriver()`): the verifier's whole contract, through
 * a real connector and the emulator, run against each driver. Drivers add only their own tests.
 */
import { describe } from 'vitest';

import { describeBinding } from './binding.js';
import { describeConcurrency } from './concurrency.js';
import { useVerifierContext, type StoreFactory, type VerifierContext } from './context.js';
import { describeSending } from './sending.js';
import { describeVerifying } from './verifying.js';

export { testSecret, refusal, tally, type StoreFactory, type VerifierContext } from './context.js';

export const testVerifierStore = (
  makeStore: StoreFactory,
  additionalTests?: (context: VerifierContext) => void
) =>
  describe('verifier conformance', () => {
    const context = useVerifierContext(makeStore);
    describeSending(context);
    describeVerifying(context);
    describeConcurrency(context);
    describeBinding(context);
    additionalTests?.(context);
  });
