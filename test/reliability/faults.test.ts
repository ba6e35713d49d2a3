import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { maskCode } from '@duanxin/shared';

import { ourClient, providers } from './clients.js';
import { faultCases } from './fault-cases.js';
import { runCase, startEnvironment, type Environment } from './harness.js';

let environment: Environment;

beforeAll(async () => {
  environment = await startEnvironment();
});
afterAll(async () => {
  await environment.close();
});

describe.each(providers)('duanxin %s under faults', (provider) => {
  const client = ourClient(provider);

  it.each(faultCases.map((faultCase) => [faultCase.name, faultCase] as const))(
    '%s',
    async (_name, faultCase) => {
      const observed = await runCase(environment, client, faultCase);
      const { expected } = faultCase;
      expect({
        resolved: observed.resolved,
        code: observed.code,
        outcome: observed.outcome,
        attempts: observed.attempts,
        deliveries: observed.deliveries,
      }).toEqual({
        resolved: expected.resolved,
        code: expected.code,
        outcome: expected.outcome,
        attempts: expected.attempts,
        deliveries: expected.deliveries,
      });
      // Within the configured timeout per attempt, plus a generous margin for a small machine.
      expect(observed.elapsedMs).toBeLessThan(
        Number(client.config.timeout) * expected.attempts + 4000
      );
      expect(observed.activeSockets).toBe(0);
      for (const secret of client.secrets) {
        expect(observed.printed).not.toContain(secret);
      }
      expect(observed.printed).not.toContain('482915');
      expect(observed.printed).not.toContain('13800138000');
      expect(maskCode('482915')).not.toContain('4');
    }
  );
});
