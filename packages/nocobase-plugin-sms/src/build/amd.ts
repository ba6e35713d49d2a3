/**
 * NocoBase's admin app loads a plugin's client with requirejs (docs/nocobase.md §4): an AMD
 * module named after the package, whose dependencies are the modules the app defines (react,
 * antd, `@nocobase/client`, …). esbuild writes CommonJS; this wraps it in `define`, with
 * requirejs's `require`, `exports` and `module` standing in for Node's.
 */
const externalRequire = /\brequire\("([^"]+)"\)/g;

export const wrapAsAmd = (moduleId: string, commonJs: string): string => {
  const dependencies = [
    ...new Set([...commonJs.matchAll(externalRequire)].map((match) => match[1])),
  ];
  const names = ['require', 'exports', 'module', ...dependencies].map((name) =>
    JSON.stringify(name)
  );
  return [
    `define(${JSON.stringify(moduleId)}, [${names.join(', ')}], function (require, exports, module) {`,
    commonJs,
    '});',
    '',
  ].join('\n');
};
