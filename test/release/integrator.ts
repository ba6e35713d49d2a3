/**
 * An integrator writing a connector outside this repository: `pnpm create-connector --dir`
 * somewhere else, its `workspace:` ranges replaced by the published versions, then `npm install`
 * (the testkit, the emulator and shared from the registry), `npm run build` and `npm test` — its
 * own conformance suite and Logto loading.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { repoRoot, run } from './shell.js';
import { readJson } from './tarballs.js';

type Manifest = { devDependencies: Record<string, string> };

export const integrate = async (
  dir: string,
  env: NodeJS.ProcessEnv,
  versionOf: (name: string) => string | undefined
) => {
  await run('pnpm', ['create-connector', 'example-cloud', '--dir', dir], {
    cwd: repoRoot,
    env: process.env,
  });
  const project = path.join(dir, 'connector-example-cloud-sms');
  const manifestFile = path.join(project, 'package.json');
  const manifest = readJson<Manifest>(manifestFile);
  for (const [name, range] of Object.entries(manifest.devDependencies)) {
    if (range.startsWith('workspace:')) {
      manifest.devDependencies[name] = `^${versionOf(name)}`;
    }
  }
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);

  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: project,
    env,
  });
  await run('npm', ['run', 'build'], { cwd: project, env });
  const tests = await run('npm', ['test'], { cwd: project, env });
  const passed = Number(/Tests\s+(?:\d+ failed \| )?(\d+) passed/.exec(tests.stdout)?.[1] ?? 0);
  const failed = Number(/Tests\s+(\d+) failed/.exec(tests.stdout)?.[1] ?? 0);

  const lock = readJson<{ packages: Record<string, { resolved?: string }> }>(
    path.join(project, 'package-lock.json')
  );
  const resolvedFrom = Object.fromEntries(
    Object.entries(lock.packages).flatMap(([location, entry]) => {
      const name = /^node_modules\/(@duanxin\/[^/]+)$/.exec(location)?.[1];
      return name ? [[name, entry.resolved ?? '']] : [];
    })
  );
  return {
    resolvedFrom,
    passed,
    failed,
    declarations: readFileSync(path.join(project, 'lib', 'index.d.ts'), 'utf8'),
  };
};
