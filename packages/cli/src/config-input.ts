/**
 * The config an operator gives the CLI: exactly the JSON pasted into Logto's connector form, from a
 * file or stdin, with `"env:NAME"` values taken from the environment.
 *
 * `env:` is resolved here and never in connector code: inside Logto, an admin could otherwise put
 * `env:DATABASE_URL` in a field and ship the server's environment to an endpoint of their choice.
 */
import { readFile } from 'node:fs/promises';

import { describeIssues } from '@duanxin/shared';

import { CliError, exitCodes } from './exit-codes.js';
import { isProviderName, providerEntry, type ProviderEntry } from './providers.js';

export type ConfigOverrides = { endpoint?: string; timeout?: number };

export type LoadedConfig = {
  config: Record<string, unknown>;
  /** Values never to print: the connector's confidential fields and a proxy's password. */
  secrets: string[];
};

const envReference = /^env:([A-Za-z_][A-Za-z0-9_]*)$/;

const configError = (message: string, hint?: string) =>
  new CliError(message, exitCodes.configInvalid, hint);

/** `--config "$(cat aliyun.json)"`: the config itself, secrets and all, where a path belongs. */
const looksLikeJson = /^\s*[{[]/;
/** What a path looks like, to be named in a message: short, on one line, no quotes or braces. */
const pathLike = /^[^\n\r\t"'{}[\]]{1,256}$/;

const readSource = async (source: string): Promise<string> => {
  if (looksLikeJson.test(source)) {
    throw new CliError(
      '`--config` expects a path or `-`; the value looks like JSON — use `--config -` and pipe it.',
      exitCodes.usage,
      'cat aliyun.json | duanxin check aliyun --config -'
    );
  }
  if (source !== '-') {
    try {
      return await readFile(source, 'utf8');
    } catch (error: unknown) {
      const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      // A value that is no path may be anything, a secret too: it is never repeated.
      const named = pathLike.test(source) ? ` ${source}` : ' given to --config';
      throw configError(`Cannot read the config file${named} (${reason}).`);
    }
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
};

/** JSON.parse's message quotes the text around the error, which may hold a secret: not shown. */
const parseJson = (text: string, source: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch (error: unknown) {
    const position = /position (\d+)/.exec(String(error))?.[1];
    throw configError(
      `The config ${source === '-' ? 'on stdin' : source} is not valid JSON${position ? ` (at character ${position})` : ''}.`
    );
  }
};

const resolveEnv = (value: unknown, path: string): unknown => {
  if (typeof value === 'string') {
    const name = envReference.exec(value)?.[1];
    if (!name) {
      return value;
    }
    const resolved = process.env[name];
    if (resolved === undefined || resolved === '') {
      throw configError(
        `${path} is "env:${name}", but the environment variable ${name} is not set.`,
        `export ${name}=… in this shell, or put the value in the config.`
      );
    }
    return resolved;
  }
  if (Array.isArray(value)) {
    return value.map((item, index) => resolveEnv(item, `${path}.${index}`));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        resolveEnv(item, path ? `${path}.${key}` : key),
      ])
    );
  }
  return value;
};

const proxyPassword = (proxy: unknown): string | undefined => {
  try {
    return typeof proxy === 'string'
      ? decodeURIComponent(new URL(proxy).password) || undefined
      : undefined;
  } catch {
    return undefined;
  }
};

const secretsOf = (config: Record<string, unknown>, entry: ProviderEntry): string[] => {
  const confidential = entry.metadata.formItems
    ?.filter((item) => item.isConfidential)
    .map((item) => config[item.key]);
  const listed = (entry.listed?.configs(config) ?? []).flatMap((inner) =>
    isProviderName(inner.provider) ? secretsOf(inner.config, providerEntry(inner.provider)) : []
  );
  return [...(confidential ?? []), proxyPassword(config.proxy), ...listed].filter(
    (value): value is string => typeof value === 'string' && value.length > 0
  );
};

export const loadConfig = async (
  source: string,
  entry: ProviderEntry,
  overrides: ConfigOverrides
): Promise<LoadedConfig> => {
  const parsed = parseJson(await readSource(source), source);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw configError('The config must be a JSON object, as in the Logto connector form.');
  }
  const override = (config: Record<string, unknown>) => ({
    ...config,
    ...(overrides.endpoint !== undefined && { endpoint: overrides.endpoint }),
    ...(overrides.timeout !== undefined && { timeout: overrides.timeout }),
  });
  const resolved = resolveEnv(parsed, '') as Record<string, unknown>;
  // A failover config's providers each have their own endpoint and timeout.
  const config = entry.listed ? entry.listed.map(resolved, override) : override(resolved);
  return { config, secrets: secretsOf(config, entry) };
};

/** The connector's own guard, each zod issue on a line of its own (values are never quoted). */
export const configIssues = (config: unknown, entry: ProviderEntry): string[] => {
  const result = entry.configGuard.safeParse(config);
  return result.success ? [] : result.error.issues.map((issue) => describeIssues([issue]));
};

export const assertValidConfig = (config: unknown, entry: ProviderEntry): void => {
  const issues = configIssues(config, entry);
  if (issues.length > 0) {
    throw configError(
      `The config is invalid:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`,
      'Fix these fields; `duanxin check` lists the same issues and then checks against the provider.'
    );
  }
};
