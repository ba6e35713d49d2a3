import { createHash } from 'node:crypto';

import type { ZodIssue } from 'zod';
import { badInput, describeIssues, type ProviderName } from '@duanxin/shared';

import { isFailoverProvider, type FailoverProvider } from './connectors.js';
import { entryName, failoverSmsConfigGuard } from './types.js';

export type PreparedEntry = {
  name: string;
  provider: FailoverProvider;
  /** The entry's config as given: its connector validates and reads it itself. */
  config: unknown;
  /** Identifies this provider account in the process-wide circuits (a digest, no secret). */
  key: string;
};

export type PreparedFailover = {
  entries: PreparedEntry[];
  routes: { countries: string[]; order: PreparedEntry[] }[];
  cooldownMs: number;
};

export const defaultCooldownSeconds = 60;

const fingerprint = (provider: string, config: unknown) =>
  createHash('sha256')
    .update(`${provider}\n${JSON.stringify(config)}`)
    .digest('base64url');

/** An issue inside `providers.N.config` is that provider's: the error names it. */
const providerAt = (issue: ZodIssue | undefined, input: unknown): ProviderName => {
  const [list, index, field] = issue?.path ?? [];
  const entry =
    list === 'providers' && typeof index === 'number' && field === 'config'
      ? (input as { providers: { provider?: unknown }[] }).providers[index]
      : undefined;
  return isFailoverProvider(entry?.provider) ? entry.provider : 'failover';
};

/**
 * Validates the whole config, every provider's with its own connector's guard, before anything
 * is sent: a bad entry further down the list is refused now, not when a refusal reaches it.
 */
export const readConfig = (input: unknown): PreparedFailover => {
  const result = failoverSmsConfigGuard.safeParse(input);
  if (!result.success) {
    const [first] = result.error.issues;
    throw badInput(
      providerAt(first, input),
      'InvalidConfig',
      `Invalid config: ${describeIssues(result.error.issues)}`,
      first?.path.join('.') || undefined
    );
  }
  // The raw configs, not the parsed ones: each connector reads its own (its guard transforms).
  const raw = (input as { providers: { config: unknown }[] }).providers;
  const entries = result.data.providers.map((entry, index) => ({
    name: entryName(entry),
    provider: entry.provider,
    config: raw[index]?.config,
    key: fingerprint(entry.provider, raw[index]?.config),
  }));
  const named = (name: string) => entries.filter((entry) => entry.name === name);
  return {
    entries,
    routes: (result.data.routes ?? []).map((route) => ({
      countries: route.countries,
      order: route.order.flatMap(named),
    })),
    cooldownMs: (result.data.cooldownSeconds ?? defaultCooldownSeconds) * 1000,
  };
};
