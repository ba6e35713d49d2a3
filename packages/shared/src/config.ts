import { z, type ZodIssue, type ZodType, type ZodTypeDef } from 'zod';

import { badInput, type ProviderName } from './errors/index.js';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

const isLoopback = (url: URL) =>
  loopbackHosts.has(url.hostname) ||
  url.hostname.startsWith('127.') ||
  url.hostname.endsWith('.localhost');

/**
 * `endpoint` is an origin only (`scheme://host[:port]`): the connector adds the provider's fixed
 * path. https is required except on loopback, where the emulator runs.
 */
export const endpointGuard = z.string().superRefine((value, context) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    context.addIssue({ code: 'custom', message: 'must be a URL such as https://host[:port]' });
    return;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    context.addIssue({ code: 'custom', message: 'must be an http(s) URL' });
  } else if (url.protocol === 'http:' && !isLoopback(url)) {
    context.addIssue({ code: 'custom', message: 'must use https (http only on loopback)' });
  }
  if (
    (url.pathname !== '/' && url.pathname !== '') ||
    url.search ||
    url.hash ||
    value.endsWith('/')
  ) {
    context.addIssue({ code: 'custom', message: 'must be an origin only, without a path' });
  }
  if (url.username || url.password) {
    context.addIssue({ code: 'custom', message: 'must not carry credentials' });
  }
});

/** ISO 3166 codes, as a JSON array or a comma-separated string (easier in Logto's form). */
export const allowedCountriesGuard = z
  .union([z.array(z.string()), z.string()])
  .transform((value) =>
    (Array.isArray(value) ? value : value.split(','))
      .map((code) => code.trim().toUpperCase())
      .filter(Boolean)
  )
  .pipe(z.array(z.string().regex(/^[A-Z]{2}$/, 'must be ISO 3166 country codes such as CN, HK')));

/** Optional fields every duanxin connector accepts on top of the official connector's config. */
export const commonConfigShape = {
  endpoint: endpointGuard.optional(),
  /** Timeout of one attempt in ms (default 10 s, well under Logto's own request time). */
  timeout: z.number().int().min(100).max(60_000).optional(),
  /** Retries when the request provably never left the machine (default 1). */
  maxRetries: z.number().int().min(0).max(5).optional(),
  proxy: z
    .string()
    .url()
    .refine((value) => /^https?:\/\//.test(value), 'must be an http(s) proxy URL')
    .optional(),
  allowedCountries: allowedCountriesGuard.optional(),
};

/** Issue lines without the received values: a misplaced secret must not end up in a message. */
export const describeIssues = (issues: readonly ZodIssue[]): string =>
  issues
    .map((issue) => {
      const path = issue.path.join('.') || 'config';
      const message =
        issue.code === 'invalid_enum_value'
          ? `expected one of ${issue.options.join(', ')}`
          : issue.code === 'invalid_union'
            ? 'has an unexpected shape'
            : issue.message;
      return `${path}: ${message}`;
    })
    .join('; ');

/**
 * Validates a config and prepares what sends need, cached by value: Logto builds a new connector
 * and passes the same config for every code, so identity caching would never hit.
 */
export const createConfigCache = <Prepared, Output, Input>(
  provider: ProviderName,
  guard: ZodType<Output, ZodTypeDef, Input>,
  prepare: (config: Output) => Prepared,
  maxEntries = 32
) => {
  const cache = new Map<string, Prepared>();
  return (config: unknown): Prepared => {
    const key = JSON.stringify(config) ?? 'undefined';
    const hit = cache.get(key);
    if (hit) {
      return hit;
    }
    const result = guard.safeParse(config);
    if (!result.success) {
      const first = result.error.issues[0]?.path.join('.');
      throw badInput(
        provider,
        'InvalidConfig',
        `Invalid config: ${describeIssues(result.error.issues)}`,
        first || undefined
      );
    }
    const prepared = prepare(result.data);
    if (cache.size >= maxEntries) {
      cache.delete(cache.keys().next().value as string);
    }
    cache.set(key, prepared);
    return prepared;
  };
};
