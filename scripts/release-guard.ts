/**
 * Where `pnpm release` may publish: a registry on loopback (a local Verdaccio, as
 * `pnpm test:release` starts), or npm's own registry when `--public` says so. Anything else is
 * refused before anything is built or published.
 *
 * `changeset publish` takes the registry from each package's `publishConfig`, then from the
 * environment (`npm_config_@duanxin:registry`, then `npm_config_registry`), and falls back to
 * npm's; release.ts runs it with both variables set to the registry allowed here, and no
 * package may set its own, so neither a config file (`.npmrc`) nor a manifest can send a
 * package elsewhere.
 */
import net from 'node:net';

export const npmRegistry = 'https://registry.npmjs.org/';

const scope = '@duanxin';
/** What `changeset publish` reads first for a scoped package, and then. */
export const scopedKey = `npm_config_${scope}:registry`;
export const npmRegistryKey = 'npm_config_registry';

/** `http(s)://` on localhost, 127.0.0.0/8 or ::1 — no name that DNS could send elsewhere. */
export const isLoopbackRegistry = (value: string): boolean => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return false;
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost') {
    return true;
  }
  if (net.isIPv4(host)) {
    return host.startsWith('127.');
  }
  return host === '::1';
};

const normalise = (value: string) => (value.endsWith('/') ? value : `${value}/`);

export type ReleasePackage = { name: string; publishConfig?: Record<string, unknown> };

export class ReleaseRefused extends Error {
  override name = 'ReleaseRefused';
}

/** The values of one npm setting in the environment; npm reads its name in any letter case. */
const fromEnvironment = (environment: Record<string, string | undefined>, key: string) => {
  const values = Object.entries(environment).flatMap(([name, value]) =>
    name.toLowerCase() === key && value ? [normalise(value)] : []
  );
  const distinct = [...new Set(values)];
  if (distinct.length > 1) {
    throw new ReleaseRefused(
      `The environment sets ${key} to several registries: ${distinct.join(', ')}.`
    );
  }
  return distinct[0];
};

/**
 * The registry every package will be published to, or a `ReleaseRefused` saying why not: the
 * `--registry` option, else `npm_config_@duanxin:registry`, else `npm_config_registry` (which
 * npx sets to npm's registry when nothing else does), else npm's with `--public`.
 */
export const releaseRegistry = (
  packages: readonly ReleasePackage[],
  environment: Record<string, string | undefined>,
  { allowPublic, registry: option }: { allowPublic: boolean; registry?: string }
): string => {
  for (const pkg of packages) {
    const keys = Object.keys(pkg.publishConfig ?? {}).filter((key) => key.endsWith('registry'));
    if (keys.length > 0) {
      throw new ReleaseRefused(
        `${pkg.name} sets publishConfig.${keys[0]}: the registry is chosen per release, never in a manifest.`
      );
    }
  }
  const registry =
    (option && normalise(option)) ??
    fromEnvironment(environment, scopedKey) ??
    fromEnvironment(environment, npmRegistryKey) ??
    (allowPublic ? npmRegistry : undefined);
  if (registry === undefined) {
    throw new ReleaseRefused(
      'No registry named: pass --registry with a registry on loopback (see CONTRIBUTING.md), or --public to publish to npm.'
    );
  }
  if (isLoopbackRegistry(registry) || (allowPublic && registry === npmRegistry)) {
    return registry;
  }
  throw new ReleaseRefused(
    allowPublic
      ? `--public publishes to ${npmRegistry} only, not to ${registry}.`
      : `${registry} is not on loopback; only --public publishes elsewhere, and only to ${npmRegistry}.`
  );
};
