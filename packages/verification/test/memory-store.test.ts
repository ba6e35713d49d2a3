import { describe } from 'vitest';

import { createMemoryStore } from '../src/index.js';
import { testVerifierStore } from './suite/index.js';

describe('memory store', () => {
  testVerifierStore(() => createMemoryStore());
});
