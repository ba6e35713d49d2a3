/**
 * Test setup: no test may reach a real provider. Every outgoing TCP connection is checked; one to
 * an address that is not loopback is refused before it is made, and the test that asked for it fails.
 */
import net from 'node:net';
import { afterEach, expect } from 'vitest';

const violations: string[] = [];

const isLoopback = (host: string | undefined): boolean => {
  if (host === undefined || host === '' || host === 'localhost' || host.endsWith('.localhost')) {
    return true;
  }
  const bare = host.replace(/^\[|\]$/g, '');
  if (net.isIPv4(bare)) {
    return bare.startsWith('127.');
  }
  if (net.isIPv6(bare)) {
    return bare === '::1' || /^::ffff:127\./i.test(bare);
  }
  return false;
};

type ConnectArgs = Parameters<net.Socket['connect']>;

const originalConnect = net.Socket.prototype.connect;
// Patched once per worker; vitest re-runs setup files per test file, so guard against stacking.
if (!(originalConnect as { duanxinGuard?: true }).duanxinGuard) {
  const guarded = function (this: net.Socket, ...args: ConnectArgs) {
    const [first, second] = args as unknown[];
    const options =
      typeof first === 'object' && first !== null && !Array.isArray(first)
        ? (first as net.NetConnectOpts & { host?: string; path?: string })
        : undefined;
    const host = options
      ? 'path' in options && options.path
        ? 'localhost'
        : options.host
      : typeof first === 'number'
        ? (second as string | undefined)
        : 'localhost'; // a Unix socket path
    if (!isLoopback(host)) {
      violations.push(String(host));
      const error = new Error(`loopback guard: tests may not connect to ${String(host)}`);
      process.nextTick(() => this.destroy(error));
      return this;
    }
    return originalConnect.apply(this, args);
  } as typeof originalConnect & { duanxinGuard?: true };
  guarded.duanxinGuard = true;
  net.Socket.prototype.connect = guarded;
}

afterEach(() => {
  const seen = violations.splice(0);
  expect(seen, 'a test tried to connect outside loopback').toEqual([]);
});
