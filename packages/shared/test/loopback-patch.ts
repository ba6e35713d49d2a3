/**
 * Refuses every outgoing TCP connection to an address that is not loopback, before it is made:
 * the connection fails with a "loopback guard" error and `onViolation` is told the host. Used by
 * the test setup (loopback-guard.ts) and, for processes the tests start, by loopback-preload.ts.
 */
import net from 'node:net';

export const isLoopback = (host: string | undefined): boolean => {
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

// Kept on the global object: vitest evaluates a setup file afresh for each test file, while the
// patched prototype stays patched in the worker.
const shared = globalThis as { duanxinGuardListeners?: ((host: string) => void)[] };
const listeners = (shared.duanxinGuardListeners ??= []);

/** Patches `net.Socket.prototype.connect` once per process; later calls only add a listener. */
export const guardConnections = (onViolation: (host: string) => void): void => {
  listeners.push(onViolation);
  const originalConnect = net.Socket.prototype.connect;
  if ((originalConnect as { duanxinGuard?: true }).duanxinGuard) {
    return;
  }
  const guarded = function (this: net.Socket, ...args: ConnectArgs) {
    // net.connect() and every HTTP agent pass the normalised arguments, `[options, callback]`,
    // as one array: read the options inside it, never take the array for a Unix socket path.
    const [given, second] = args as unknown[];
    const first = Array.isArray(given) ? (given[0] as unknown) : given;
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
      for (const listener of shared.duanxinGuardListeners ?? []) listener(String(host));
      const error = new Error(`loopback guard: tests may not connect to ${String(host)}`);
      process.nextTick(() => this.destroy(error));
      return this;
    }
    return originalConnect.apply(this, args);
  } as typeof originalConnect & { duanxinGuard?: true };
  guarded.duanxinGuard = true;
  net.Socket.prototype.connect = guarded;
};
