/**
 * One suite for every store (unstorage's `testDriver()`): the verifier's whole contract, through
 * a real connector and the emulator, run against each driver. Drivers add only their own tests.
 */
import { describe } from 'vitest';

import { describeBinding } from './binding.js';
import { describeConcurrency } from './concurrency.js';
import {
  useVerifierContext,
  type StoreFactory,
  type StoreOutage,
  type VerifierContext,
} from './context.js';
import { describeGuessing } from './guessing.js';
import { describeHttpHandler } from './http.js';
import { describeOutage } from './outage.js';
import { describePumping } from './pumping.js';
import { describeSending } from './sending.js';
import { describeSubject } from './subject.js';
import { describeVerifying } from './verifying.js';

export {
  testSecret,
  refusal,
  tally,
  wrongCode,
  type StoreFactory,
  type StoreOutage,
  type VerifierContext,
} from './context.js';

export const testVerifierStore = (
  makeStore: StoreFactory,
  {
    outage,
    additionalTests,
  }: { outage: StoreOutage; additionalTests?: (context: VerifierContext) => void }
) =>
  describe('verifier conformance', () => {
    const context = useVerifierContext(makeStore, outage);
    describeSending(context);
    describeVerifying(context);
    describeConcurrency(context);
    describeGuessing(context);
    describePumping(context);
    describeSubject(context);
    describeBinding(context);
    describeOutage(context);
    describeHttpHandler(context);
    additionalTests?.(context);
  });
