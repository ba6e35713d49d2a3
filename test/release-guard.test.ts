/**
 * `pnpm release` publishes only to a registry on loopback, or to npm's with `--public`: the guard
 * decides before anything is built, and the command refuses with exit code 2.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import {
  isLoopbackRegistry,
  npmRegistry,
  ReleaseRefused,
  releaseRegistry,
} from '../scripts/release-guard.js';

const packages = [{ name: '@duanxin/shared' }, { name: '@duanxin/cli' }];

describe('loopback registries', () => {
  it.each([
    'http://127.0.0.1:4873/',
    'http://127.1.2.3:4873',
    'http://localhost:4873/',
    'https://[::1]:4873/',
  ])('%s is loopback', (url) => {
    expect(isLoopbackRegistry(url)).toBe(true);
  });

  it.each([
    npmRegistry,
    'https://registry.npmmirror.com/',
    'http://128.0.0.1:4873/',
    'http://127.0.0.1.nip.io/',
    'http://localhost.example.com/',
    'http://verdaccio.localhost/',
    'http://[::ffff:7f00:1]/',
    'file:///tmp/registry',
    'not a url',
  ])('%s is not', (url) => {
    expect(isLoopbackRegistry(url)).toBe(false);
  });
});

describe('the registry a release goes to', () => {
  const loopback = 'http://127.0.0.1:4873/';
  const registry = (
    env: Record<string, string>,
    options: { allowPublic?: boolean; registry?: string } = {}
  ) => releaseRegistry(packages, env, { allowPublic: false, ...options });

  it('is the loopback registry named by --registry, the scoped setting, or the registry setting', () => {
    // npx exports npm_config_registry (npm's, by default): a more specific name overrides it.
    const fromNpx = { npm_config_registry: npmRegistry };
    expect(registry(fromNpx, { registry: 'http://127.0.0.1:4873' })).toBe(loopback);
    expect(registry({ ...fromNpx, 'npm_config_@duanxin:registry': loopback })).toBe(loopback);
    expect(registry({ npm_config_registry: 'http://localhost:4873' })).toBe(
      'http://localhost:4873/'
    );
  });

  it('is npm only with --public, and only npm', () => {
    expect(registry({}, { allowPublic: true })).toBe(npmRegistry);
    expect(registry({ npm_config_registry: npmRegistry }, { allowPublic: true })).toBe(npmRegistry);
    expect(() =>
      registry({ npm_config_registry: 'https://registry.npmmirror.com/' }, { allowPublic: true })
    ).toThrow(/--public publishes to https:\/\/registry\.npmjs\.org\/ only/);
  });

  it.each([
    [{}, /No registry named/],
    [{ npm_config_registry: npmRegistry }, /is not on loopback/],
    [{ NPM_CONFIG_REGISTRY: 'https://registry.npmmirror.com/' }, /is not on loopback/],
    [
      { 'npm_config_@duanxin:registry': npmRegistry, npm_config_registry: loopback },
      /is not on loopback/,
    ],
    [{ npm_config_registry: loopback, NPM_CONFIG_REGISTRY: npmRegistry }, /several registries/],
  ])('refuses %o', (env, message) => {
    expect(() => registry(env)).toThrow(ReleaseRefused);
    expect(() => registry(env)).toThrow(message);
  });

  it('refuses a --registry that is not on loopback', () => {
    expect(() => registry({}, { registry: 'https://registry.npmjs.org' })).toThrow(
      /is not on loopback/
    );
  });

  it('refuses a package that names its own registry', () => {
    const withOwn = [...packages, { name: '@duanxin/x', publishConfig: { registry: npmRegistry } }];
    expect(() => releaseRegistry(withOwn, {}, { allowPublic: false, registry: loopback })).toThrow(
      /@duanxin\/x sets publishConfig.registry/
    );
  });
});

describe('pnpm release', () => {
  const release = (env: Record<string, string>, args: string[] = []) => {
    const environment = { ...process.env };
    for (const key of Object.keys(environment)) {
      if (/^npm_config_.*registry$/i.test(key)) delete environment[key];
    }
    return spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(new URL('../scripts/release.ts', import.meta.url)),
        ...args,
      ],
      { encoding: 'utf8', env: { ...environment, ...env } }
    );
  };

  // .invalid never resolves: were the guard broken, the publish could not reach anything.
  it('refuses a registry that is not on loopback before building anything', () => {
    const result = release({}, ['--registry', 'http://registry.invalid/', '--no-git-tag']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('release: http://registry.invalid/ is not on loopback');
    expect(result.stdout).not.toContain('build');
  });

  it('refuses to guess when no registry is named', () => {
    const result = release({});
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('No registry named');
  });
});
