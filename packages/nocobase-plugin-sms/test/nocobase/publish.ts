/**
 * The package published as a release publishes it, to the release test's registry: a Verdaccio
 * on loopback (test/release/registry.ts), behind the release guard, which refuses any registry
 * that is not on loopback (scripts/release-guard.ts).
 */
import path from 'node:path';

import { npmRegistryKey, releaseRegistry, scopedKey } from '../../../../scripts/release-guard.js';
import { startLocalRegistry, type LocalRegistry } from '../../../../test/release/registry.js';
import { run } from '../../../../test/release/shell.js';

export const publishToLocalRegistry = async (
  dir: string,
  packageDir: string,
  name: string
): Promise<LocalRegistry> => {
  const registry = await startLocalRegistry(dir);
  const target = releaseRegistry([{ name }], {}, { allowPublic: false, registry: registry.url });
  await run('pnpm', ['publish', '--no-git-checks', '--registry', target], {
    cwd: packageDir,
    env: {
      // Every spelling of both settings gives way to the one registry allowed.
      ...Object.fromEntries(
        Object.entries(process.env).filter(
          ([key]) => ![npmRegistryKey, scopedKey].includes(key.toLowerCase())
        )
      ),
      npm_config_userconfig: registry.npmrc,
      [npmRegistryKey]: target,
      [scopedKey]: target,
      npm_config_cache: path.join(dir, 'npm-cache'),
    },
  });
  return registry;
};
