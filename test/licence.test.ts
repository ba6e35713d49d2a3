/**
 * Every published package says `"license": "MIT"` and ships the licence text (npm packs a
 * package's own LICENSE only), the same text as the repository's; so does the scaffold.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { templateDir } from '../scripts/create-connector.js';
import { publicPackages } from '../scripts/release.js';
import { repoRoot } from './shell.js';

const licence = readFileSync(path.join(repoRoot, 'LICENSE'), 'utf8');

describe('licence', () => {
  it('is MIT, in the words of the repository LICENSE', () => {
    expect(licence).toMatch(/^MIT License\n/);
  });

  it.each([
    ...publicPackages().map((pkg) => [pkg.name, pkg.dir] as const),
    ['the connector scaffold', templateDir] as const,
  ])('%s declares MIT and carries the same LICENSE', (_name, dir) => {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      license?: string;
    };
    expect(manifest.license).toBe('MIT');
    expect(readFileSync(path.join(dir, 'LICENSE'), 'utf8')).toBe(licence);
  });
});
