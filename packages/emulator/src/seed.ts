import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type {
  EmulatorSeed,
  ProviderAccount,
  ProviderDefinition,
  SeedCredential,
  SeedSignature,
  SeedTemplate,
} from './types.js';

/** A seed as written by hand: every provider and every field optional. */
export type EmulatorSeedInput = Record<string, Partial<ProviderAccount>>;

const approvalState = z.enum(['approved', 'pending', 'rejected']);

const accountSchema = z
  .object({
    credentials: z.array(
      z
        .object({
          id: z.string().min(1),
          secret: z.string().optional(),
          token: z.string().optional(),
          canQuery: z.boolean().optional(),
          disabled: z.boolean().optional(),
        })
        .strict()
    ),
    signatures: z.array(z.object({ name: z.string().min(1), state: approvalState }).strict()),
    templates: z.array(
      z
        .object({
          id: z.string().min(1),
          content: z.string(),
          state: approvalState,
          international: z.boolean().optional(),
          kind: z.enum(['verification', 'notification']).optional(),
        })
        .strict()
    ),
    balance: z.number().nonnegative(),
    international: z.boolean(),
    flowControl: z.union([
      z.literal(false),
      z.array(
        z
          .object({
            seconds: z.number().positive(),
            max: z.number().int().nonnegative(),
            code: z.string().min(1),
            message: z.string().optional(),
            perKey: z.boolean().optional(),
          })
          .strict()
      ),
    ]),
    apps: z.array(
      z.object({ id: z.string().min(1), international: z.boolean().optional() }).strict()
    ),
    regions: z.array(z.string()),
    defaultSignature: z.string(),
  })
  .partial()
  .strict();

const seedSchema = z.record(accountSchema);

/**
 * The effective seed: each provider's `defaultAccount()`, with the given seed (an object or the
 * path of a JSON file) merged over it. Scalars replace the default; credentials, signatures,
 * templates and apps are merged by id/name, so a seed can add a template without restating the
 * built-in ones.
 */
export const loadSeed = (
  providers: readonly ProviderDefinition[],
  input?: EmulatorSeedInput | string
): EmulatorSeed => {
  const overrides = validateSeed(
    typeof input === 'string' ? readSeedFile(input) : (input ?? {}),
    providers,
    typeof input === 'string' ? input : 'seed object'
  );
  return Object.fromEntries(
    providers.map((provider) => [
      provider.name,
      mergeAccount(structuredClone(provider.defaultAccount()), overrides[provider.name] ?? {}),
    ])
  );
};

const readSeedFile = (path: string): unknown => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the emulator seed file ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(
      `The emulator seed file ${path} is not valid JSON: ${(error as Error).message}`
    );
  }
};

const validateSeed = (
  value: unknown,
  providers: readonly ProviderDefinition[],
  source: string
): EmulatorSeedInput => {
  const parsed = seedSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`
    );
    throw new Error(`Invalid emulator seed (${source}):\n${issues.join('\n')}`);
  }
  const known = providers.map((provider) => provider.name);
  const unknown = Object.keys(parsed.data).filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `Invalid emulator seed (${source}): unknown provider ${unknown.join(', ')} (known: ${known.join(', ')})`
    );
  }
  return structuredClone(parsed.data) as EmulatorSeedInput;
};

const mergeAccount = (
  base: ProviderAccount,
  override: Partial<ProviderAccount>
): ProviderAccount => {
  const merged: ProviderAccount = {
    ...base,
    ...override,
    credentials: mergeBy<SeedCredential>(base.credentials, override.credentials, (c) => c.id),
    signatures: mergeBy<SeedSignature>(base.signatures, override.signatures, (s) => s.name),
    templates: mergeBy<SeedTemplate>(base.templates, override.templates, (t) => t.id),
  };
  if (base.apps !== undefined || override.apps !== undefined) {
    merged.apps = mergeBy(base.apps ?? [], override.apps, (app) => app.id);
  }
  return merged;
};

const mergeBy = <T>(
  base: readonly T[],
  override: readonly T[] | undefined,
  key: (item: T) => string
): T[] => {
  const byKey = new Map(base.map((item) => [key(item), item]));
  for (const item of override ?? []) {
    byKey.set(key(item), item);
  }
  return [...byKey.values()];
};
