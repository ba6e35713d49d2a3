import type { ConnectorMetadata } from '@logto/connector-kit';
import { z } from 'zod';

import { badInput, type ProviderName } from './errors/index.js';

/**
 * Every `TemplateType` of connector-kit 5.1, as strings: kits older than 5.x lack some enum
 * members, and a connector must not rely on symbols its host's kit may not have.
 */
export const templateTypes = [
  'SignIn',
  'Register',
  'ForgotPassword',
  'OrganizationInvitation',
  'Generic',
  'UserPermissionValidation',
  'BindNewIdentifier',
  'MfaVerification',
  'BindMfa',
] as const;

export type TemplateTypeName = (typeof templateTypes)[number];

/**
 * The template for a send: the one for this usage type, else `Generic` (what Logto's own
 * `getConfigTemplateByType` does from kit 4.7 on; kept here so older kits behave the same).
 */
export const pickTemplate = <T extends { usageType: string }>(
  templates: readonly T[],
  type: string,
  provider: ProviderName
): { template: T; fellBack: boolean } => {
  const exact = templates.find((template) => template.usageType === type);
  if (exact) {
    return { template: exact, fellBack: false };
  }
  const generic = templates.find((template) => template.usageType === 'Generic');
  if (generic) {
    return { template: generic, fellBack: true };
  }
  throw badInput(
    provider,
    'TemplateNotFound',
    `No template for usage type "${type}" and no Generic template to fall back to.`,
    'templates'
  );
};

/** A form placeholder: `<template-code>`, `<template-id>`; no provider's template id looks so. */
const placeholderShape = /^<[^<>]+>$/;

const stringsOf = (value: unknown, key?: string): string[] =>
  typeof value === 'string'
    ? key === 'usageType'
      ? []
      : [value]
    : Array.isArray(value)
      ? value.flatMap((item) => stringsOf(item))
      : typeof value === 'object' && value !== null
        ? Object.entries(value).flatMap(([name, item]) => stringsOf(item, name))
        : [];

/**
 * The template ids a connector's form pre-fills, read from its metadata: the `<…>` values of the
 * `templates` form item's default (`<template-code>`). Saved unedited, they name no template.
 */
export const formPlaceholders = (metadata: ConnectorMetadata): ReadonlySet<string> =>
  new Set(
    stringsOf(metadata.formItems?.find((item) => item.key === 'templates')?.defaultValue).filter(
      (value) => placeholderShape.test(value)
    )
  );

export type PlaceholderTemplate = { usageType: string; placeholder: string };

const placeholderOf = (template: object, placeholders: ReadonlySet<string>) =>
  stringsOf(template).find((value) => placeholders.has(value));

/** Templates that still hold a form placeholder (anywhere: `{ china, overseas }` included). */
export const placeholderTemplates = (
  templates: readonly { usageType: string }[],
  placeholders: ReadonlySet<string>
): PlaceholderTemplate[] =>
  templates.flatMap((template) => {
    const placeholder = placeholderOf(template, placeholders);
    return placeholder === undefined ? [] : [{ usageType: template.usageType, placeholder }];
  });

/**
 * The templates a send may use: one left as the form's placeholder is no template, so its usage
 * type falls back to Generic. A Generic left so leaves nothing to send with: the config is refused.
 */
export const usableTemplates = <T extends { usageType: string }>(
  templates: readonly T[],
  placeholders: ReadonlySet<string>,
  provider: ProviderName
): T[] => {
  const usable = templates.filter(
    (template) => placeholderOf(template, placeholders) === undefined
  );
  const generic = templates.find((template) => template.usageType === 'Generic');
  if (generic && !requireGenericTemplate(usable)) {
    throw badInput(
      provider,
      'InvalidConfig',
      `The Generic template is still the form's placeholder ${placeholderOf(generic, placeholders) ?? ''}: give it a template of the provider's.`,
      'templates'
    );
  }
  return usable;
};

/** The config only has to carry a Generic template: Logto's console test send uses it. */
export const requireGenericTemplate = (templates: readonly { usageType: string }[]): boolean =>
  templates.some(({ usageType }) => usageType === 'Generic');

export const genericTemplateIssue = {
  message: 'A template with usageType "Generic" is required (Logto\'s test send uses it).',
};

/**
 * A config's `templates`: entries of a `usageType` and the provider's template fields (`shape`),
 * one of them Generic.
 */
export const templatesGuard = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z
    .array(z.object({ usageType: z.string().min(1), ...shape }))
    // The generic shape hides from TypeScript that every entry has its `usageType`.
    .refine(
      (templates) => requireGenericTemplate(templates as { usageType: string }[]),
      genericTemplateIssue
    );

/**
 * A verification code as Logto generates it. Anything else (letters, 100 characters) is refused:
 * providers reject it for verification templates, and it may be an attempt to smuggle text.
 */
export const verificationCodeGuard = z.string().regex(/^[0-9]{4,10}$/);

/** The code of a payload; `readSendData` reads the rest of what `sendMessage` is given. */
export const readVerificationCode = (payload: unknown, provider: ProviderName): string => {
  const code = (payload as { code?: unknown } | undefined)?.code;
  if (code === undefined) {
    throw badInput(
      provider,
      'InvalidRequestParameters',
      'payload.code is missing.',
      'payload.code'
    );
  }
  const result = verificationCodeGuard.safeParse(code);
  if (!result.success) {
    throw badInput(
      provider,
      'InvalidRequestParameters',
      'payload.code must be a string of 4 to 10 digits.',
      'payload.code'
    );
  }
  return result.data;
};

const invalidData = (provider: ProviderName, description: string, field: string) =>
  badInput(provider, 'InvalidRequestParameters', description, field);

/**
 * `sendMessage(data)` read without trusting its type: an older host, a script or a bug may pass
 * `null`, a string payload or a numeric type. Each is refused as bad input, never a TypeError;
 * the number (`to`) is left to the phone rules, which refuse anything but a string of digits.
 */
export const readSendData = (
  data: unknown,
  provider: ProviderName
): { to: unknown; type: string; code: string } => {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw invalidData(
      provider,
      'The message data must be an object { to, type, payload }.',
      'data'
    );
  }
  const { to, type, payload } = data as Record<string, unknown>;
  if (typeof type !== 'string' || type.length === 0) {
    throw invalidData(provider, 'type must be a template type such as "Generic".', 'type');
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw invalidData(
      provider,
      'payload must be an object with the code: { "code": "123456" }.',
      'payload'
    );
  }
  return { to, type, code: readVerificationCode(payload, provider) };
};

/**
 * A template field given once, or as `{ china, overseas }`: providers approve domestic and
 * international templates separately. Hong Kong, Macau and Taiwan numbers take `overseas`.
 */
export const regionalGuard = <T extends z.ZodTypeAny>(value: T) =>
  z.union([value, z.object({ china: value, overseas: value })]);

export type Regional<T> = T | { china: T; overseas: T };

export const pickRegional = <T>(value: Regional<T>, isMainlandChina: boolean): T =>
  typeof value === 'object' && value !== null && 'china' in value && 'overseas' in value
    ? isMainlandChina
      ? value.china
      : value.overseas
    : (value as T);
