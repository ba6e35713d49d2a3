import tls from 'node:tls';

import { builtinProviders } from './providers/index.js';

/** Production hosts of the built-in providers, for `redirectTls`. */
export const providerHosts: readonly string[] = builtinProviders.flatMap(
  (provider) => provider.hosts ?? []
);

/**
 * Sends every TLS connection to the given host names to the emulator's HTTPS port on loopback,
 * without certificate checks, whatever client makes it (our connectors, Logto's, the vendors'
 * SDKs): clients with fixed `https://` endpoints can then be run against the emulator, all by the
 * same path. Returns a function that undoes the patch.
 */
export const redirectTls = (
  target: { port: number; host?: string },
  hosts: readonly string[] = providerHosts
): (() => void) => {
  const original = tls.connect;
  const redirected = new Set(hosts);
  const patched = (...args: unknown[]) => {
    // tls.connect(options[, callback]) or tls.connect(port[, host][, options][, callback])
    const callback = typeof args.at(-1) === 'function' ? (args.at(-1) as () => void) : undefined;
    const options: tls.ConnectionOptions =
      typeof args[0] === 'object' && args[0] !== null
        ? { ...(args[0] as tls.ConnectionOptions) }
        : {
            ...(typeof args[2] === 'object' ? (args[2] as tls.ConnectionOptions) : {}),
            port: args[0] as number,
            host: typeof args[1] === 'string' ? args[1] : undefined,
          };
    const host = options.servername || options.host;
    if (host && redirected.has(host)) {
      options.servername = host;
      options.host = target.host ?? '127.0.0.1';
      options.port = target.port;
      options.rejectUnauthorized = false;
    }
    return callback ? original(options, callback) : original(options);
  };
  tls.connect = patched as typeof tls.connect;
  return () => {
    tls.connect = original;
  };
};
