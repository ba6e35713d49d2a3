/**
 * Test setup: no test may reach a real provider. Every outgoing TCP connection is checked; one to
 * an address that is not loopback is refused before it is made, and the test that asked for it fails.
 */
import { afterEach, expect } from 'vitest';

import { guardConnections } from './loopback-patch.js';

// vitest evaluates this file afresh for each test file of a worker: one listener and one list
// of violations for them all.
const state = globalThis as { duanxinViolations?: string[] };
if (state.duanxinViolations === undefined) {
  const violations: string[] = [];
  state.duanxinViolations = violations;
  guardConnections((host) => violations.push(host));
}
const violations = state.duanxinViolations;

afterEach(() => {
  const seen = violations.splice(0);
  expect(seen, 'a test tried to connect outside loopback').toEqual([]);
});
