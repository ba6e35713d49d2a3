/**
 * What the registry serves: each package's published manifest and tarball, unpacked to list its
 * files, and the size of each once installed with its dependencies.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { run } from './shell.js';

export type PackedPackage = {
  name: string;
  version: string;
  manifest: Record<string, Record<string, string> | string | undefined>;
  tarballUrl: string;
  /** Paths inside the tarball's `package/`. */
  files: string[];
  packedBytes: number;
  unpackedBytes: number;
};

const filesUnder = (dir: string, prefix = ''): { file: string; bytes: number }[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      return filesUnder(full, relative);
    }
    return entry.isFile() ? [{ file: relative, bytes: statSync(full).size }] : [];
  });

export const describeTarballs = async (
  registryUrl: string,
  packages: readonly { name: string; version: string }[],
  dir: string
): Promise<PackedPackage[]> =>
  Promise.all(
    packages.map(async ({ name, version }) => {
      const packument = (await (
        await fetch(new URL(name.replace('/', '%2f'), registryUrl))
      ).json()) as {
        versions?: Record<string, PackedPackage['manifest'] & { dist: { tarball: string } }>;
      };
      const manifest = packument.versions?.[version];
      if (!manifest) {
        throw new Error(`${name}@${version} is not in the local registry`);
      }
      const tarball = Buffer.from(await (await fetch(manifest.dist.tarball)).arrayBuffer());
      const slug = name.replace('@', '').replace('/', '-');
      const file = path.join(dir, `${slug}.tgz`);
      const unpacked = path.join(dir, slug);
      writeFileSync(file, tarball);
      mkdirSync(unpacked);
      await run('tar', ['xzf', file, '-C', unpacked], { cwd: dir, env: process.env });
      const files = filesUnder(path.join(unpacked, 'package'));
      return {
        name,
        version,
        manifest,
        tarballUrl: manifest.dist.tarball,
        files: files.map((entry) => entry.file).sort(),
        packedBytes: tarball.length,
        unpackedBytes: files.reduce((sum, entry) => sum + entry.bytes, 0),
      };
    })
  );

/** Bytes in `node_modules` after `npm install <package>` into an empty project. */
export const installedSizes = async (
  packed: readonly PackedPackage[],
  dir: string,
  env: NodeJS.ProcessEnv
): Promise<Map<string, number>> => {
  const sizes = new Map<string, number>();
  const queue = [...packed];
  const worker = async () => {
    for (let pkg = queue.shift(); pkg; pkg = queue.shift()) {
      const project = path.join(dir, pkg.name.replace('@', '').replace('/', '-'));
      mkdirSync(project, { recursive: true });
      writeFileSync(path.join(project, 'package.json'), '{ "private": true }\n');
      await run(
        'npm',
        ['install', `${pkg.name}@${pkg.version}`, '--no-audit', '--no-fund', '--loglevel=error'],
        { cwd: project, env }
      );
      const bytes = filesUnder(path.join(project, 'node_modules')).reduce(
        (sum, entry) => sum + entry.bytes,
        0
      );
      sizes.set(pkg.name, bytes);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return sizes;
};

export const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
