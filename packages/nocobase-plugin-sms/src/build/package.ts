/**
 * What `pnpm pack` and `pnpm publish` ship: the package as NocoBase reads it, written into `lib/`
 * (`publishConfig.directory`). NocoBase orders plugins by their `peerDependencies` and loads the
 * CommonJS `main`, the client entries beside the `client.js` and `client-v2.js` markers, and
 * `dist/locale/*.json` (docs/nocobase.md §1). The peers are NocoBase's own packages, which the
 * workspace must never install — pnpm installs a workspace package's peers — so they are added
 * here, and optional: nothing but NocoBase itself should install them.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The NocoBase release the end-to-end test runs (docs/nocobase.md). */
export const testedNocobaseVersion = '2.2.15';

const nocobasePeers = [
  '@nocobase/client',
  '@nocobase/plugin-verification',
  '@nocobase/server',
  '@nocobase/utils',
];

type Manifest = Record<string, unknown> & { publishConfig?: Record<string, unknown> };

export const publishedManifest = (source: Manifest): Manifest => {
  const { scripts: _scripts, devDependencies: _dev, publishConfig, type: _type, ...kept } = source;
  const { directory: _directory, ...publishing } = publishConfig ?? {};
  return {
    ...kept,
    main: './dist/server/index.js',
    types: './dist/server/index.d.ts',
    peerDependencies: Object.fromEntries(nocobasePeers.map((name) => [name, '2.x'])),
    peerDependenciesMeta: Object.fromEntries(
      nocobasePeers.map((name) => [name, { optional: true }])
    ),
    publishConfig: publishing,
  };
};

/** NocoBase shows a plugin built against other versions as incompatible (it still runs). */
const externalVersion = () =>
  `module.exports = ${JSON.stringify(
    Object.fromEntries(nocobasePeers.map((name) => [name, testedNocobaseVersion])),
    null,
    2
  )};\n`;

const markers = {
  'server.js': "module.exports = require('./dist/server/index.js');\n",
  'client.js': "module.exports = require('./dist/client/index.js');\n",
  'client-v2.js': "module.exports = require('./dist/client-v2/index.js');\n",
};

const serverTypes = `import { Plugin } from '@nocobase/server';

/** The server plugin NocoBase loads: duanxin's SMS providers for the SMS OTP verifier. */
export default class PluginDuanxinSmsServer extends Plugin {}
`;

/**
 * Writes the package around the built `dist/`: manifest, markers, locales (the plugin's own
 * messages and each provider's title), and the docs.
 */
export const writePackage = (
  packageDir: string,
  locales: Record<string, Record<string, string>>
): void => {
  const out = path.join(packageDir, 'lib');
  const source = JSON.parse(
    readFileSync(path.join(packageDir, 'package.json'), 'utf8')
  ) as Manifest;
  writeFileSync(
    path.join(out, 'package.json'),
    `${JSON.stringify(publishedManifest(source), null, 2)}\n`
  );
  for (const [file, contents] of Object.entries(markers)) {
    writeFileSync(path.join(out, file), contents);
  }
  for (const [locale, messages] of Object.entries(locales)) {
    writeFileSync(
      path.join(out, 'dist', 'locale', `${locale}.json`),
      `${JSON.stringify(messages, null, 2)}\n`
    );
  }
  writeFileSync(path.join(out, 'dist', 'externalVersion.js'), externalVersion());
  writeFileSync(path.join(out, 'dist', 'server', 'index.d.ts'), serverTypes);
  for (const doc of ['README.md', 'CHANGELOG.md']) {
    if (existsSync(path.join(packageDir, doc))) {
      cpSync(path.join(packageDir, doc), path.join(out, doc));
    }
  }
};
