/**
 * `pnpm test:release`: the release path on a real registry. Verdaccio on loopback; `pnpm release`
 * builds and publishes every public package to it; then, in clean folders outside the
 * repository, each kind of user installs from it as they would:
 *   - a Logto admin adds the connectors with `logto connector add` (by name, and from a
 *     tarball) into a simulated Logto, whose own loader loads them against kits 4.7 and 5.1;
 *   - an operator runs `npx @duanxin/cli` against `npx @duanxin/emulator`;
 *   - an app developer installs the verifier and a connector, typechecks and runs a TypeScript
 *     file that sends and verifies a code;
 *   - an integrator builds and tests a `pnpm create-connector` package on the published testkit.
 * Nothing leaves loopback but installs of public packages from npm's registry.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { huaweiProvider } from '@duanxin/connector-huawei-sms/emulator';
import { startEmulator, type Emulator } from '@duanxin/emulator';

import { publicPackages } from '../../scripts/release.js';
import {
  addConnectors,
  connectorDirectory,
  expectEachSends,
  loadWithLogto,
  logtoHosts,
  setUpLogto,
} from './logto-admin.js';
import { developApp } from './app-developer.js';
import { integrate } from './integrator.js';
import { operate } from './operator.js';
import { startLocalRegistry, type LocalRegistry } from './registry.js';
import { repoRoot, run, userEnvironment, wipeNpxInstalls } from './shell.js';
import { describeTarballs, installedSizes, type PackedPackage } from './tarballs.js';

const work = path.join(
  tmpdir(),
  `duanxin-release-${process.pid}-${randomBytes(3).toString('hex')}`
);
const packages = publicPackages();
const versionOf = (name: string) => packages.find((pkg) => pkg.name === name)?.version;

/** What a package ships: a library's `lib/`, or a NocoBase plugin's `dist/` and markers. */
const library = {
  files:
    /^(package\.json|LICENSE|README\.md|CHANGELOG\.md|logo\.svg|bin\/[\w.-]+\.js|lib\/[\w.-]+\.(js|d\.ts))$/,
  types: 'lib/index.d.ts',
};
const nocobasePlugin = {
  files:
    /^(package\.json|LICENSE|README\.md|CHANGELOG\.md|(server|client|client-v2)\.js|dist\/(server|client|client-v2)\/index\.(js|d\.ts)|dist\/locale\/[\w-]+\.json|dist\/externalVersion\.js)$/,
  types: 'dist/server/index.d.ts',
};

let registry: LocalRegistry;
let env: NodeJS.ProcessEnv;
let emulator: Emulator;
let packed: PackedPackage[];

/** A clean folder outside the repository. */
const folder = (name: string) => {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  return dir;
};

beforeAll(async () => {
  mkdirSync(work);
  wipeNpxInstalls();
  registry = await startLocalRegistry(folder('registry'));
  env = userEnvironment(registry.npmrc);
  emulator = await startEmulator({ port: 0, flowControl: false, providers: [huaweiProvider] });
  // The maintainer's command; the token for the local registry comes from the npm config.
  await run('pnpm', ['release', '--registry', registry.url, '--no-git-tag'], {
    cwd: repoRoot,
    env: { ...process.env, npm_config_userconfig: registry.npmrc },
  });
  packed = await describeTarballs(registry.url, packages, folder('tarballs'));
}, 600_000);

afterAll(async () => {
  await emulator?.close();
  await registry?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('pnpm release', () => {
  it('publishes every public package to the local registry', () => {
    expect(packed.map((pkg) => `${pkg.name}@${pkg.version}`).sort()).toEqual(
      packages.map((pkg) => `${pkg.name}@${pkg.version}`).sort()
    );
    for (const pkg of packed) {
      expect(pkg.tarballUrl.startsWith(registry.url), pkg.name).toBe(true);
    }
  });

  it('ships built code, types, docs and its licence: no tests, sources, source maps or fixtures', () => {
    for (const pkg of packed) {
      const layout = pkg.name === '@duanxin/nocobase-plugin-sms' ? nocobasePlugin : library;
      const unexpected = pkg.files.filter(
        (file) => !layout.files.test(file) || /\.(test|spec)\./.test(file)
      );
      expect(unexpected, pkg.name).toEqual([]);
      expect(pkg.files, pkg.name).toContain(layout.types);
      expect(pkg.files, pkg.name).toContain('README.md');
      expect(pkg.files, pkg.name).toContain('LICENSE');
    }
  });

  it('publishes manifests with versions where the workspace had workspace: ranges', () => {
    for (const pkg of packed) {
      expect(JSON.stringify(pkg.manifest), pkg.name).not.toContain('workspace:');
    }
    const testkit = packed.find((pkg) => pkg.name === '@duanxin/connector-testkit');
    expect(testkit?.manifest.dependencies).toMatchObject({
      '@duanxin/emulator': `^${versionOf('@duanxin/emulator')}`,
    });
    // The registry imports the connectors it lists, each a package of its own.
    const registry = packed.find((pkg) => pkg.name === '@duanxin/providers');
    expect(registry?.manifest.dependencies).toEqual(
      Object.fromEntries(
        packages
          .map((pkg) => pkg.name)
          .filter((name) => /^@duanxin\/connector-.*-sms$/.test(name))
          .map((name) => [name, `^${versionOf(name)}`])
      )
    );
  });
});

describe('a Logto admin', () => {
  const connectorNames = packages
    .map((pkg) => pkg.name)
    .filter((name) => name.startsWith('@duanxin/connector-') && !name.endsWith('-testkit'));

  const instanceOf = (host: (typeof logtoHosts)[number]) => path.join(work, `logto-${host.kit}`);
  beforeAll(
    () => Promise.all(logtoHosts.map((host) => setUpLogto(instanceOf(host), host, env))),
    300_000
  );

  describe.each(logtoHosts)('on Logto with @logto/cli $cli (connector-kit $kit)', (host) => {
    const instance = instanceOf(host);

    it('adds a tarball by its absolute path, when its file name starts with connector-', async () => {
      const name = '@duanxin/connector-yunpian-sms';
      const version = versionOf(name);
      const tarballs = folder(`local-build-${host.kit}`);
      // A local build: pnpm pack names it duanxin-connector-yunpian-sms-<version>.tgz.
      const built = await run('pnpm', ['pack', '--pack-destination', tarballs], {
        cwd: path.join(repoRoot, 'packages', 'connector-yunpian-sms'),
        env: process.env,
      });
      const asPacked = built.stdout.trim().split('\n').at(-1) ?? '';
      expect(path.basename(asPacked)).toBe(`duanxin-connector-yunpian-sms-${version}.tgz`);

      // The CLI puts connector- before a last path segment that lacks it, and finds no file.
      const refused = await addConnectors(instance, [asPacked], env);
      expect(refused.output).toContain(
        path.join(tarballs, `connector-duanxin-connector-yunpian-sms-${version}.tgz`)
      );
      expect(refused.output).toMatch(/Failed to add/);
      expect(refused.code, 'logto connector add exits 0 even when it adds nothing').toBe(0);

      const renamed = path.join(tarballs, 'connector-yunpian-sms.tgz');
      writeFileSync(renamed, readFileSync(asPacked));
      // A relative path is taken from the connectors directory, not from where the command runs.
      const relative = await addConnectors(instance, ['./connector-yunpian-sms.tgz'], env, {
        cwd: tarballs,
      });
      expect(relative.output).toContain(
        path.join(connectorDirectory(instance), 'connector-yunpian-sms.tgz')
      );
      expect(relative.output).toMatch(/Failed to add/);

      const added = await addConnectors(instance, [renamed], env);
      expect(added.output).toContain(`Added ${name} v${version}`);
      const manifest = JSON.parse(
        readFileSync(
          path.join(connectorDirectory(instance), '@duanxin-connector-yunpian-sms', 'package.json'),
          'utf8'
        )
      ) as { name: string; version: string };
      expect(manifest).toMatchObject({ name, version });
    }, 120_000);

    it('adds every connector from the registry by name', async () => {
      const added = await addConnectors(instance, connectorNames, env);
      for (const name of connectorNames) {
        expect(added.output).toContain(`Added ${name} v${versionOf(name)}`);
      }
      expect(added.output).not.toMatch(/Failed to add|Finished with/);
    }, 120_000);

    it("loads each with Logto's own loader, and each sends a code as Logto would", async () => {
      const factories = await loadWithLogto(instance);
      expect(factories.map((factory) => factory.metadata.id).sort()).toEqual([
        'aliyun-short-message-service',
        'duanxin-failover-sms',
        'huawei-cloud-sms',
        'tencent-short-message-service',
        'yunpian-sms',
      ]);
      for (const factory of factories) {
        expect(factory.metadata.logo, factory.metadata.id).toMatch(/^data:image\/svg\+xml;base64,/);
        expect(factory.metadata.readme, factory.metadata.id).toContain('简体中文');
      }
      await expectEachSends(instance, factories, emulator);
    }, 120_000);
  });
});

describe('an operator', () => {
  it('runs npx @duanxin/cli: a dry run, then a send to npx @duanxin/emulator', async () => {
    const result = await operate(folder('operator'), env);
    expect(result.version).toBe(versionOf('@duanxin/cli'));
    expect(result.afterDryRun).toEqual([]);
    expect(result.afterSend).toMatchObject([{ provider: 'aliyun', to: '+8613800138000' }]);
    expect(result.afterHuaweiSend).toMatchObject([{ provider: 'huawei', to: '+85291234567' }]);
    expect(result.globalVersion).toBe(versionOf('@duanxin/cli'));
  }, 300_000);
});

describe('an app developer', () => {
  it('installs the verifier and a connector; a TypeScript file typechecks, sends and verifies', async () => {
    const result = await developApp(folder('app'), env, emulator);
    expect(result.resolvedFrom).toEqual({
      '@duanxin/connector-tencent-sms': expect.stringContaining(registry.url),
      '@duanxin/verification': expect.stringContaining(registry.url),
    });
    expect(result.run).toEqual({
      sent: '+8613800138000',
      verified: true,
      reused: 'CODE_NOT_FOUND',
    });
    expect(result.received).toMatchObject([{ provider: 'tencent', to: '+8613800138000' }]);
  }, 300_000);
});

describe('an integrator', () => {
  it('builds and tests a create-connector package on the published testkit and emulator', async () => {
    const result = await integrate(folder('integrator'), env, versionOf);
    expect(Object.values(result.resolvedFrom).every((url) => url.startsWith(registry.url))).toBe(
      true
    );
    expect(Object.keys(result.resolvedFrom).sort()).toEqual([
      '@duanxin/connector-testkit',
      '@duanxin/emulator',
      '@duanxin/shared',
    ]);
    // The conformance suite and Logto loading against both host kits, as inside the repository.
    expect(result.passed).toBeGreaterThanOrEqual(40);
    expect(result.failed).toBe(0);
    expect(result.declarations).not.toContain('@duanxin/');
  }, 600_000);
});

describe('sizes', () => {
  it('of every package, packed and installed', async () => {
    const installed = await installedSizes(packed, folder('sizes'), env);
    const rows = packed.map((pkg) => ({
      package: pkg.name,
      packed: pkg.packedBytes,
      unpacked: pkg.unpackedBytes,
      'installed with dependencies': installed.get(pkg.name),
    }));
    console.table(rows);
    for (const row of rows) {
      expect(row.packed).toBeGreaterThan(0);
      expect(row['installed with dependencies']).toBeGreaterThanOrEqual(row.unpacked);
    }
  }, 600_000);
});
