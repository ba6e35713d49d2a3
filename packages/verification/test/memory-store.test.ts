import { describe } from 'vitest';

import { createMemoryStore } from '../src/index.js';
import { simulatedOutage } from './helpers/simulated-outage.js';
import { testVerifierStore } from './suite/index.js';

describe('memory store', () => {
  const { outage, wrap } = simulatedOutage();
  testVerifierStore(() => wrap(createMemoryStore()), { outage });
});
