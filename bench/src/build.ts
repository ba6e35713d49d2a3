/**
 * Everything the client processes run is plain JavaScript started with plain `node`: a loader
 * such as tsx would sit in every `import` and distort import and cold-start times.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { build, type Options } from 'tsup';

import { connectorBuild } from '../../tsup.connector.js';

import { providers, type Provider } from './matrix.js';
import { benchDir, repoRoot } from './paths.js';

const run = promisify(execFile);

export type BuiltFiles = {
  /** Each connector built by its own tsup config: the lib/index.js Logto loads. */
  connectors: Record<Provider, string>;
  /** The same bundles with got replaced by a stub, for our own work per send. */
  ownWork: Record<Provider, string>;
  children: { sendLoop: string; coldStart: string; ownWork: string };
  /** The emulator process, with everything it uses bundled in. */
  emulator: string;
  /** The verifier process (bench/src/child/verifier-loop.ts), likewise. */
  verifierLoop: string;
};

export const connectorDir = (provider: Provider) =>
  path.join(repoRoot, 'packages', `connector-${provider}-sms`);

const buildConnector = async (workDir: string, provider: Provider): Promise<string> => {
  const outDir = path.join(workDir, 'duanxin', provider);
  const tsup = path.join(repoRoot, 'node_modules', 'tsup', 'dist', 'cli-default.js');
  await run(process.execPath, [tsup, '--silent', '--out-dir', outDir], {
    cwd: connectorDir(provider),
  });
  return path.join(outDir, 'index.js');
};

/** From the connector's sources with its own build options, only `got` swapped for the stub. */
const buildOwnWork = async (workDir: string, provider: Provider): Promise<string> => {
  const outDir = path.join(workDir, 'own-work', provider);
  const options = connectorBuild() as Options;
  await build({
    ...options,
    config: false,
    silent: true,
    entry: { index: path.join(connectorDir(provider), 'src', 'index.ts') },
    outDir,
    external: options.external?.filter((name) => name !== 'got'),
    esbuildOptions: (esbuild) => {
      esbuild.alias = { got: path.join(benchDir, 'src', 'stub-got.ts') };
    },
  });
  return path.join(outDir, 'index.js');
};

const buildChildren = async (workDir: string): Promise<BuiltFiles['children']> => {
  const outDir = path.join(workDir, 'child');
  const source = (name: string) => path.join(benchDir, 'src', 'child', `${name}.ts`);
  await build({
    config: false,
    silent: true,
    entry: {
      'send-loop': source('send-loop'),
      'cold-start': source('cold-start'),
      'own-work': source('own-work'),
    },
    outDir,
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    splitting: false,
    clean: true,
    // Loaded at run time from bench/node_modules, as a user's code would load them.
    external: ['got', /^@logto\//, /^@alicloud\//, 'tencentcloud-sdk-nodejs-sms'],
    // Bundled CommonJS dependencies (hpagent, through the emulations' imports) require Node
    // built-ins.
    banner: {
      js: "import { createRequire as __benchCreateRequire } from 'node:module';\nconst require = __benchCreateRequire(import.meta.url);",
    },
  });
  const built = (name: string) => path.join(outDir, `${name}.js`);
  return {
    sendLoop: built('send-loop'),
    coldStart: built('cold-start'),
    ownWork: built('own-work'),
  };
};

/** Our workspace packages from their sources, whatever a tsconfig or a missing lib/ says. */
const workspaceSources = Object.fromEntries(
  ['shared', 'emulator', 'verification'].map((name) => [
    `@duanxin/${name}`,
    path.join(repoRoot, 'packages', name, 'src', 'index.ts'),
  ])
);

/** One script with everything it imports bundled in, run by plain `node`. */
const buildSelfContained = async (workDir: string, name: string, source: string) => {
  const outDir = path.join(workDir, name);
  await build({
    config: false,
    silent: true,
    entry: { [name]: source },
    outDir,
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    clean: true,
    noExternal: [/./],
    // Bundled CommonJS dependencies require Node built-ins.
    banner: {
      js: "import { createRequire as __benchCreateRequire } from 'node:module';\nconst require = __benchCreateRequire(import.meta.url);",
    },
    esbuildOptions: (esbuild) => {
      esbuild.alias = workspaceSources;
    },
  });
  return path.join(outDir, `${name}.js`);
};

/** The verifier process alone (`pnpm bench --only verifier`). */
export const buildVerifierLoop = (workDir: string): Promise<string> =>
  buildSelfContained(
    workDir,
    'verifier-loop',
    path.join(benchDir, 'src', 'child', 'verifier-loop.ts')
  );

export const buildAll = async (workDir: string): Promise<BuiltFiles> => {
  const connectors = {} as Record<Provider, string>;
  const ownWork = {} as Record<Provider, string>;
  for (const provider of providers) {
    connectors[provider] = await buildConnector(workDir, provider);
    ownWork[provider] = await buildOwnWork(workDir, provider);
  }
  return {
    connectors,
    ownWork,
    children: await buildChildren(workDir),
    emulator: await buildSelfContained(
      workDir,
      'emulator-process',
      path.join(benchDir, 'src', 'emulator-process.ts')
    ),
    verifierLoop: await buildVerifierLoop(workDir),
  };
};
