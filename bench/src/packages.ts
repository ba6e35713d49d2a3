/** Where installed packages live and what they depend on (pnpm layout: follow the symlinks). */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

import { benchDir } from './paths.js';

type Manifest = { name: string; version: string; dependencies?: Record<string, string> };

const readManifest = (packageDir: string): Manifest =>
  JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as Manifest;

/** Node's lookup: `node_modules/<name>` in `from` or the nearest ancestor that has it. */
export const resolvePackageDir = (name: string, from: string = benchDir): string => {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) {
      return realpathSync(candidate);
    }
    if (path.dirname(dir) === dir) {
      throw new Error(`package ${name} not found from ${from}`);
    }
  }
};

export const packageVersion = (name: string, from?: string): string =>
  readManifest(resolvePackageDir(name, from)).version;

/** The package and everything it depends on, transitively, by name. */
export const dependencyClosure = (name: string, from: string = benchDir): Set<string> => {
  const seen = new Set<string>();
  const visit = (packageName: string, parentDir: string) => {
    if (seen.has(packageName)) {
      return;
    }
    seen.add(packageName);
    const dir = resolvePackageDir(packageName, parentDir);
    for (const dependency of Object.keys(readManifest(dir).dependencies ?? {})) {
      visit(dependency, dir);
    }
  };
  visit(name, from);
  return seen;
};
