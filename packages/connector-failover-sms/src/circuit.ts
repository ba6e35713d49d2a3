/**
 * Per-process circuits: after a provider refused for now (flow control, balance…), could not be
 * reached, or may not have sent, it is skipped for the cooldown, so a burst of sign-ins does not
 * hammer it. Logto creates the connector anew for every code, so the state lives in the module.
 * Per-number refusals (flow control of one number) skip the provider for that number only.
 * Keys are digests of the provider's config (two accounts never share a circuit) and the number.
 */
import { createHash } from 'node:crypto';

import type { ProviderAnswer } from './answers.js';
import type { PreparedEntry } from './config.js';

type Circuit = { until: number; answer: ProviderAnswer };

const circuits = new Map<string, Circuit>();
const maxCircuits = 10_000;

const digits = (to: unknown) => (typeof to === 'string' ? to.replace(/^(\+|00)/, '') : '');

const keysOf = (entry: PreparedEntry, to: unknown) => ({
  account: entry.key,
  number: `${entry.key}:${createHash('sha256').update(digits(to)).digest('base64url')}`,
});

/** The answer that opened this provider's circuit for this number, while it is open. */
export const openCircuit = (
  entry: PreparedEntry,
  to: unknown,
  now: number
): Circuit | undefined => {
  const keys = keysOf(entry, to);
  for (const key of [keys.account, keys.number]) {
    const circuit = circuits.get(key);
    if (circuit && circuit.until > now) {
      return circuit;
    }
    circuits.delete(key);
  }
  return undefined;
};

/** Opens the circuit an answer calls for: `unknown` and account-wide refusals skip the provider. */
export const tripCircuit = (
  entry: PreparedEntry,
  to: unknown,
  answer: ProviderAnswer,
  now: number,
  cooldownMs: number
): void => {
  const scope =
    answer.outcome === 'unknown' ? 'account' : answer.failover ? answer.failover : undefined;
  if (!scope || cooldownMs <= 0) {
    return;
  }
  if (circuits.size >= maxCircuits) {
    for (const [key, circuit] of circuits) {
      if (circuit.until <= now || circuits.size >= maxCircuits) {
        circuits.delete(key);
      }
    }
  }
  circuits.set(keysOf(entry, to)[scope], { until: now + cooldownMs, answer });
};
