/**
 * `pnpm release --registry <url> | --public [changeset publish options, e.g. --no-git-tag]`:
 * builds every package and publishes each public one whose version the registry does not have
 * yet, with `changeset publish` (pnpm publish, so `workspace:` ranges become versions).
 *
 * The registry (`--registry`, else `npm_config_@duanxin:registry`, else `npm_config_registry`)
 * must be on loopback, such as a local Verdaccio; `--public` publishes to npm's registry
 * instead, and nowhere else (release-guard.ts).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import {
  ReleaseRefused,
  releaseRegistry,
  npmRegistryKey,
  scopedKey,
  type ReleasePackage,
} from './release-guard.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** The workspace packages that are published: every `packages/*` not marked private. */
export const publicPackages = (): (ReleasePackage & { dir: string; version: string })[] =>
  readdirSync(path.join(repoRoot, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = path.join(repoRoot, 'packages', entry.name);
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name: string;
        version: string;
        private?: boolean;
        publishConfig?: Record<string, unknown>;
      };
      return { ...manifest, dir };
    })
    .filter((pkg) => !pkg.private);

const run = (command: string, args: string[], env: NodeJS.ProcessEnv = process.env) => {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.error?.message ?? result.status})`
    );
  }
};

const main = () => {
  const { values, tokens } = parseArgs({
    options: { public: { type: 'boolean' }, registry: { type: 'string' } },
    strict: false,
    tokens: true,
  });
  // Everything else is for changeset publish (--no-git-tag, --tag, --otp).
  const publishArgs = tokens.flatMap((token) => {
    if (token.kind === 'option' && (token.name === 'public' || token.name === 'registry')) {
      return [];
    }
    if (token.kind === 'option') {
      return token.value === undefined ? [token.rawName] : [token.rawName, token.value];
    }
    return token.kind === 'positional' ? [token.value] : [];
  });
  const packages = publicPackages();
  const registry = releaseRegistry(packages, process.env, {
    allowPublic: values.public === true,
    ...(typeof values.registry === 'string' && { registry: values.registry }),
  });

  console.log(`release: ${packages.length} packages, to ${registry}`);
  run('pnpm', ['build']);
  // Every spelling of both settings is replaced by the one registry allowed.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => ![npmRegistryKey, scopedKey].includes(name.toLowerCase())
    )
  );
  run('changeset', ['publish', ...publishArgs], {
    ...env,
    [npmRegistryKey]: registry,
    [scopedKey]: registry,
  });
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (error: unknown) {
    console.error(`release: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = error instanceof ReleaseRefused ? 2 : 1;
  }
}
