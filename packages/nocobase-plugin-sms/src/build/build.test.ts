import { describe, expect, it } from 'vitest';

import { wrapAsAmd } from './amd.js';
import { publishedManifest } from './package.js';

describe('the published manifest', () => {
  const source = {
    name: '@duanxin/nocobase-plugin-sms',
    version: '0.1.0',
    type: 'module',
    scripts: { build: 'tsup' },
    devDependencies: { '@duanxin/shared': 'workspace:*' },
    publishConfig: { access: 'public', directory: 'lib' },
  };

  it('is the CommonJS package NocoBase requires, ordered after its NocoBase peers', () => {
    expect(publishedManifest(source)).toEqual({
      name: '@duanxin/nocobase-plugin-sms',
      version: '0.1.0',
      main: './dist/server/index.js',
      types: './dist/server/index.d.ts',
      peerDependencies: {
        '@nocobase/client': '2.x',
        '@nocobase/plugin-verification': '2.x',
        '@nocobase/server': '2.x',
        '@nocobase/utils': '2.x',
      },
      peerDependenciesMeta: {
        '@nocobase/client': { optional: true },
        '@nocobase/plugin-verification': { optional: true },
        '@nocobase/server': { optional: true },
        '@nocobase/utils': { optional: true },
      },
      publishConfig: { access: 'public' },
    });
  });
});

describe('the AMD wrapper of a client', () => {
  it('names the module and lists each module it requires as a dependency, once', () => {
    const commonJs =
      'var a=require("react"),b=require("antd"),c=require("react");module.exports={};';
    expect(wrapAsAmd('@duanxin/nocobase-plugin-sms', commonJs)).toBe(
      [
        'define("@duanxin/nocobase-plugin-sms", ["require", "exports", "module", "react", "antd"], function (require, exports, module) {',
        commonJs,
        '});',
        '',
      ].join('\n')
    );
  });
});
