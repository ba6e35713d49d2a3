import { afterEach, describe, expect, it, vi } from 'vitest';

import { resolveOptions } from './options.js';
import { templateTypeForScene } from './scenes.js';
import { createMemoryStore } from './store/memory.js';
import type { VerificationStore } from './store/types.js';

const connector = { sendMessage: async () => undefined };
const secret = 'x'.repeat(32);
const sharedStore = {
  ...createMemoryStore(),
  name: 'shared',
  ephemeral: false,
} as VerificationStore;

describe('resolveOptions', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('fills in documented defaults, ignoring undefined', () => {
    const resolved = resolveOptions({ connector, secret, codeLength: undefined });
    expect(resolved).toMatchObject({
      codeLength: 6,
      expiresIn: 300,
      resendCooldown: 60,
      allowedAttempts: 5,
      perNumberCap: { max: 10, window: 3600 },
      perIpCap: { max: 30, window: 3600 },
      perPrefixCap: { max: 20, window: 3600, trailingDigits: 4 },
      globalCap: { max: 1000, window: 3600 },
      perNumberGuessCap: { max: 20, window: 86_400 },
      perIpGuessCap: { max: 30, window: 3600 },
      allowRemovingLast: false,
      sendTimeout: 60,
      scenes: { 'sign-in': 'SignIn', 'bind-phone': 'BindNewIdentifier' },
    });
    expect(resolved.store.name).toBe('memory');
  });

  it('generates a secret for the memory store only, saying so loudly', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(resolveOptions({ connector }).secret).toHaveLength(32);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('WARNING: no `secret` given'));
    expect(() => resolveOptions({ connector, store: sharedStore })).toThrow(
      '[duanxin] [verification] Missing required option `secret`'
    );
  });

  it('refuses a short secret with any store', () => {
    for (const short of ['too short', new Uint8Array(31)]) {
      expect(() => resolveOptions({ connector, secret: short })).toThrow(/at least 32 bytes/);
    }
    expect(resolveOptions({ connector, secret: new Uint8Array(32) }).secret).toHaveLength(32);
  });

  it('reads typed numbers as mainland Chinese by default, and takes only known country codes', () => {
    expect(resolveOptions({ connector, secret }).defaultCountry).toBe('CN');
    expect(resolveOptions({ connector, secret, defaultCountry: 'US' }).defaultCountry).toBe('US');
    for (const defaultCountry of ['cn', 'China', 'XX', '']) {
      expect(() =>
        resolveOptions({ connector, secret, defaultCountry: defaultCountry as 'CN' })
      ).toThrow(/`defaultCountry` must be an ISO 3166 country code/);
    }
  });

  it.each([
    [{ codeLength: 3 }, /codeLength/],
    [{ codeLength: 11 }, /codeLength/],
    [{ expiresIn: 0 }, /expiresIn/],
    [{ allowedAttempts: 1.5 }, /allowedAttempts/],
    [{ resendCooldown: -1 }, /resendCooldown/],
    [{ perNumberCap: { max: 0, window: 60 } }, /perNumberCap.max/],
    [{ perIpCap: { max: 1, window: 0 } }, /perIpCap.window/],
    [{ perPrefixCap: { max: 1, window: 60, trailingDigits: 0 } }, /perPrefixCap.trailingDigits/],
    [{ globalCap: { max: 0.5, window: 60 } }, /globalCap.max/],
    [{ perNumberGuessCap: { max: 1, window: -1 } }, /perNumberGuessCap.window/],
    [{ perIpGuessCap: { max: 0, window: 60 } }, /perIpGuessCap.max/],
  ])('refuses %o', (bad, message) => {
    expect(() => resolveOptions({ connector, secret, ...bad })).toThrow(message);
  });

  it('requires a connector', () => {
    expect(() => resolveOptions({ secret } as never)).toThrow(
      /Missing required option `connector`/
    );
  });

  it('accepts false to switch a cap off', () => {
    const resolved = resolveOptions({ connector, secret, perIpCap: false, globalCap: false });
    expect(resolved).toMatchObject({ perIpCap: false, globalCap: false });
  });
});

describe('templateTypeForScene', () => {
  const scenes = resolveOptions({
    connector,
    secret,
    scenes: { 'delete-account': 'Generic' },
  }).scenes;

  it('maps built-in and added scenes', () => {
    expect(templateTypeForScene(scenes, 'mfa')).toBe('MfaVerification');
    expect(templateTypeForScene(scenes, 'delete-account')).toBe('Generic');
  });

  it.each(['constructor', 'toString', '__proto__', 'unknown', 'a:b', 7])('refuses %s', (scene) => {
    expect(() => templateTypeForScene(scenes, scene)).toThrow('Unknown verification scene');
  });
});
