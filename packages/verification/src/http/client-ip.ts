import { BlockList, isIPv4, isIPv6 } from 'node:net';

import { configError } from '../errors.js';

/**
 * Whose word to take for the client's address:
 * - `false`: the connection's own address; forwarding headers are ignored (anyone can send one).
 * - a number n: the app is reached through exactly n proxies (1: one load balancer), each
 *   appending the address it saw: the client is the n-th entry from the end of the chain.
 * - addresses and CIDR ranges of your proxies: hops through them are believed, back to the
 *   first address that is not one of them.
 */
export type TrustProxy = false | number | readonly string[];

/** `1.2.3.4`, `1.2.3.4:5678`, `[2001:db8::1]:443`, `::ffff:1.2.3.4` → a bare address, or undefined. */
const bareAddress = (value: string): string | undefined => {
  let address = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) {
    address = bracketed[1];
  } else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(address)) {
    address = address.slice(0, address.lastIndexOf(':'));
  }
  address = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped && isIPv4(mapped)) {
    return mapped;
  }
  return isIPv4(address) || isIPv6(address) ? address : undefined;
};

const trustedProxies = (entries: readonly string[]): BlockList => {
  const list = new BlockList();
  for (const entry of entries) {
    const [network = '', bits] = entry.split('/');
    const address = bareAddress(network);
    if (!address) {
      throw configError(`[http] \`trustProxy\`: ${entry} is not an IP address or CIDR range.`);
    }
    const type = isIPv4(address) ? 'ipv4' : 'ipv6';
    if (bits === undefined) {
      list.addAddress(address, type);
    } else {
      const prefix = Number(bits);
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > (type === 'ipv4' ? 32 : 128)) {
        throw configError(`[http] \`trustProxy\`: ${entry} has an invalid prefix length.`);
      }
      list.addSubnet(address, prefix, type);
    }
  }
  return list;
};

/**
 * The client's address from the connection's (`remoteAddress`) and, as far as `trustProxy`
 * allows, the forwarding header (`X-Forwarded-For` by default, or e.g. `CF-Connecting-IP`).
 */
export const createClientIp = (trustProxy: TrustProxy = false, header = 'x-forwarded-for') => {
  if (typeof trustProxy === 'number' && (!Number.isInteger(trustProxy) || trustProxy < 0)) {
    throw configError('[http] `trustProxy` must be false, a number of proxies, or a list.');
  }
  const trusted = Array.isArray(trustProxy) ? trustedProxies(trustProxy) : undefined;
  const isTrusted = (address: string | undefined) =>
    address !== undefined && trusted?.check(address, isIPv4(address) ? 'ipv4' : 'ipv6') === true;

  return (headers: Headers, remoteAddress: string | undefined): string | undefined => {
    const remote = remoteAddress === undefined ? undefined : bareAddress(remoteAddress);
    if (trustProxy === false || trustProxy === 0) {
      return remote;
    }
    const forwarded = (headers.get(header) ?? '')
      .split(',')
      .filter((entry) => entry.trim() !== '')
      .map(bareAddress);
    // Nearest hop last. Without a connection address (e.g. a serverless platform) the platform's
    // proxy is the unseen last hop.
    const chain = [...forwarded, remote];
    let index = chain.length - 1;
    if (typeof trustProxy === 'number') {
      index = Math.max(0, index - trustProxy);
    } else {
      while (index > 0 && isTrusted(chain[index])) {
        index--;
      }
    }
    // A malformed entry where the client should be: the proxy is misconfigured or lied to.
    return chain[index] ?? remote;
  };
};
