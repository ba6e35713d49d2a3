import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { defineConfig, type Options } from 'tsup';

import { wrapAsAmd } from './src/build/amd.js';
import { writePackage } from './src/build/package.js';
import { describeProvider, loadProviders, type ProviderDescription } from './src/catalog.js';
import { namespace } from './src/namespace.js';

const packageDir = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(packageDir, 'lib', 'dist');

const readLocale = (locale: string) =>
  JSON.parse(
    readFileSync(path.join(packageDir, 'src', 'locale', `${locale}.json`), 'utf8')
  ) as Record<string, string>;

/**
 * The legacy admin client (`/`) and the v2 one (`/v/`): AMD modules whose dependencies are the
 * host app's own react, antd and NocoBase client.
 */
const clientBuild = (
  entry: 'client' | 'client-v2',
  moduleId: string,
  catalog: ProviderDescription[]
): Options => ({
  entry: { index: `src/${entry}/index.ts` },
  outDir: path.join(dist, entry),
  format: ['cjs'],
  platform: 'browser',
  target: 'es2020',
  clean: true,
  sourcemap: false,
  minify: true,
  external: ['react', 'antd', 'react-i18next', '@nocobase/client', '@nocobase/client-v2'],
  // The providers' descriptions (src/admin/catalog.ts).
  define: { __DUANXIN_CATALOG__: JSON.stringify(catalog) },
  outExtension: () => ({ js: '.js' }),
  onSuccess: async () => {
    const file = path.join(dist, entry, 'index.js');
    writeFileSync(file, wrapAsAmd(moduleId, readFileSync(file, 'utf8')));
  },
});

/**
 * `lib/` is the package as published (`publishConfig.directory`): `dist/server/index.js` is the
 * CommonJS plugin NocoBase requires, with the connectors and everything they use bundled in,
 * since NocoBase installs no dependency of a plugin; NocoBase's own packages are the host's.
 */
export default defineConfig(async () => {
  const catalog = (await loadProviders()).map(describeProvider);
  const titles = (locale: 'en' | 'zh-CN') =>
    Object.fromEntries(catalog.map((provider) => [provider.title.en, provider.title[locale]]));
  return [
    {
      entry: { index: 'src/server/index.ts' },
      outDir: path.join(dist, 'server'),
      format: ['cjs'],
      platform: 'node',
      target: 'node20',
      clean: true,
      sourcemap: false,
      // Bundled ESM (got) reads import.meta.url.
      shims: true,
      external: [/^@nocobase\//],
      noExternal: [/^(?!@nocobase\/)/],
      outExtension: () => ({ js: '.js' }),
      onSuccess: async () => {
        mkdirSync(path.join(dist, 'locale'), { recursive: true });
        writePackage(packageDir, {
          'en-US': { ...readLocale('en-US'), ...titles('en') },
          'zh-CN': { ...readLocale('zh-CN'), ...titles('zh-CN') },
        });
      },
    },
    clientBuild('client', namespace, catalog),
    clientBuild('client-v2', `${namespace}/client-v2`, catalog),
  ];
});
