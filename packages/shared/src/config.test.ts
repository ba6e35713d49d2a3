import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import {
  allowedCountriesGuard,
  commonConfigShape,
  createConfigCache,
  endpointGuard,
} from './config.js';

describe('endpointGuard', () => {
  it.each([
    'https://dysmsapi.aliyuncs.com',
    'https://sms.example.com:8443',
    'http://127.0.0.1:8080',
    'http://localhost:9000',
  ])('accepts %s', (endpoint) => {
    expect(endpointGuard.safeParse(endpoint).success).toBe(true);
  });

  it.each([
    'ftp://example.com',
    'http://example.com',
    'https://example.com/v2/sms',
    'https://example.com/',
    'https://user:pass@example.com',
    'not a url',
  ])('refuses %s', (endpoint) => {
    expect(endpointGuard.safeParse(endpoint).success).toBe(false);
  });
});

describe('allowedCountriesGuard', () => {
  it('takes an array or a comma-separated string', () => {
    expect(allowedCountriesGuard.parse('cn, HK')).toEqual(['CN', 'HK']);
    expect(allowedCountriesGuard.parse(['US'])).toEqual(['US']);
    expect(allowedCountriesGuard.safeParse('China').success).toBe(false);
  });
});

describe('createConfigCache', () => {
  const guard = z.object({ secret: z.string(), ...commonConfigShape });

  it('validates once per distinct config value, not per object', () => {
    let prepared = 0;
    const read = createConfigCache('test', guard, (config) => ({ ...config, n: ++prepared }));
    expect(read({ secret: 'a' }).n).toBe(1);
    expect(read({ secret: 'a' }).n).toBe(1);
    expect(read({ secret: 'b' }).n).toBe(2);
  });

  it('names the field and never echoes the value', () => {
    const read = createConfigCache('test', guard, (config) => config);
    expect(() => read({ secret: 'a', timeout: 'super-secret-value' })).toThrow(
      expect.objectContaining({
        code: 'invalid_config',
        data: expect.objectContaining({ field: 'timeout' }),
      })
    );
    try {
      read({ secret: 'a', timeout: 'super-secret-value' });
    } catch (error: unknown) {
      expect(String(error)).not.toContain('super-secret-value');
    }
  });
});
