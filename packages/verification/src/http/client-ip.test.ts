import { describe, expect, it } from 'vitest';

import { createClientIp, type TrustProxy } from './client-ip.js';

const headers = (forwarded?: string, name = 'x-forwarded-for') =>
  new Headers(forwarded === undefined ? {} : { [name]: forwarded });

describe('createClientIp', () => {
  it('takes the connection address and ignores forwarding headers by default', () => {
    const clientIp = createClientIp();
    expect(clientIp(headers('198.51.100.1'), '203.0.113.5')).toBe('203.0.113.5');
    expect(clientIp(headers('198.51.100.1'), undefined)).toBeUndefined();
    expect(clientIp(headers(), '::ffff:203.0.113.5')).toBe('203.0.113.5');
  });

  it.each<[TrustProxy, string, string | undefined, string | undefined]>([
    // hops: the n-th address from the end of "forwarded…, connection"
    [1, '192.0.2.66, 198.51.100.1', '10.0.0.2', '198.51.100.1'],
    [2, '192.0.2.66, 198.51.100.1, 10.0.0.1', '10.0.0.2', '198.51.100.1'],
    [1, '', '10.0.0.2', '10.0.0.2'],
    // more hops than entries: the leftmost entry
    [3, '198.51.100.1', '10.0.0.2', '198.51.100.1'],
    // no connection address (a serverless platform): its proxy is the unseen last hop
    [1, '198.51.100.1', undefined, '198.51.100.1'],
    // ports and brackets as some proxies write them
    [1, '198.51.100.1:4711', '10.0.0.2', '198.51.100.1'],
    [1, '[2001:db8::7]:443', '10.0.0.2', '2001:db8::7'],
    // garbage where the client should be: the connection address, not nothing
    [1, 'unknown', '10.0.0.2', '10.0.0.2'],
    // trusted ranges: back through them to the first address that is not one
    [['10.0.0.0/8'], '192.0.2.66, 198.51.100.1, 10.0.0.1', '10.0.0.2', '198.51.100.1'],
    [['10.0.0.0/8', '2001:db8:ffff::/48'], '198.51.100.1', '2001:db8:ffff::1', '198.51.100.1'],
    // an untrusted peer's header is ignored
    [['10.0.0.0/8'], '198.51.100.1', '203.0.113.5', '203.0.113.5'],
    // everything trusted: the leftmost
    [['10.0.0.0/8'], '10.1.1.1', '10.0.0.2', '10.1.1.1'],
  ])('trustProxy %j: %s via %s → %s', (trustProxy, forwarded, remote, expected) => {
    expect(createClientIp(trustProxy)(headers(forwarded), remote)).toBe(expected);
  });

  it('reads another header when told to', () => {
    const clientIp = createClientIp(1, 'cf-connecting-ip');
    expect(clientIp(headers('198.51.100.9', 'cf-connecting-ip'), '10.0.0.2')).toBe('198.51.100.9');
    expect(clientIp(headers('198.51.100.1'), '10.0.0.2')).toBe('10.0.0.2');
  });

  it('refuses a trustProxy it cannot read', () => {
    expect(() => createClientIp(['10.0.0.0/33'])).toThrow(/invalid prefix length/);
    expect(() => createClientIp(['proxy.internal'])).toThrow(/not an IP address/);
    expect(() => createClientIp(-1)).toThrow(/trustProxy/);
  });
});
