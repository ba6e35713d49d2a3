/**
 * `pnpm create-connector <name> [--title "Display Name"] [--dir <directory>]`: generates
 * `packages/connector-<name>-sms` (or `<directory>/connector-<name>-sms`) from
 * `templates/connector/`, a working connector for an EXAMPLE protocol (connector, emulator
 * provider, conformance test), ready to have the provider's real protocol put in its place. Its
 * configs stand alone, so the package also builds and tests outside this repository on the
 * published duanxin packages once its `workspace:*` ranges are versions.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import * as prettier from 'prettier';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const templateDir = path.join(repoRoot, 'templates', 'connector');

const namePattern = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const formatted = new Set(['.ts', '.json']);

export type CreateConnectorOptions = {
  /** Provider name, e.g. `huawei`; `connector-` and `-sms` around it are dropped. */
  name: string;
  /** Shown in metadata and the README; default: the name in title case. */
  title?: string;
  /** Where the package directory goes; default `<repo>/packages`. */
  packagesDir?: string;
};

export type Placeholders = Record<'__name__' | '__Pascal__' | '__camel__' | '__Title__', string>;

export const normaliseName = (input: string): string => {
  const name = input
    .trim()
    .toLowerCase()
    .replace(/^connector-/, '')
    .replace(/-sms$/, '');
  if (!namePattern.test(name) || name.length > 40) {
    throw new Error(
      `"${input}" is not a usable provider name: lower-case letters, digits and single dashes, starting with a letter (e.g. huawei, example-cloud).`
    );
  }
  return name;
};

export const placeholdersFor = (name: string, title?: string): Placeholders => {
  const words = name.split('-');
  const capitalised = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  const pascal = capitalised.join('');
  return {
    __name__: name,
    __Pascal__: pascal,
    __camel__: pascal.charAt(0).toLowerCase() + pascal.slice(1),
    __Title__: title?.trim() || capitalised.join(' '),
  };
};

const fill = (text: string, placeholders: Placeholders, file: string): string => {
  let result = text;
  for (const [placeholder, value] of Object.entries(placeholders)) {
    result = result.split(placeholder).join(value);
  }
  const leftover = /__[A-Za-z]+__/.exec(result);
  if (leftover) {
    throw new Error(`templates/connector/${file} has an unknown placeholder ${leftover[0]}`);
  }
  return result;
};

const listFiles = (dir: string, prefix = ''): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(path.join(dir, entry.name), path.join(prefix, entry.name))
      : [path.join(prefix, entry.name)]
  );

/** Writes the package; returns its directory and the files written (relative to it). */
export const createConnector = async (options: CreateConnectorOptions) => {
  const name = normaliseName(options.name);
  const placeholders = placeholdersFor(name, options.title);
  const target = path.join(
    options.packagesDir ?? path.join(repoRoot, 'packages'),
    `connector-${name}-sms`
  );
  if (existsSync(target)) {
    throw new Error(`${path.relative(process.cwd(), target) || target} already exists.`);
  }
  const files = listFiles(templateDir);
  for (const file of files) {
    const destination = path.join(target, file);
    let text = fill(readFileSync(path.join(templateDir, file), 'utf8'), placeholders, file);
    // Names differ in length from their placeholders: line breaks must follow.
    if (formatted.has(path.extname(file))) {
      const config = (await prettier.resolveConfig(path.join(repoRoot, 'package.json'))) ?? {};
      text = await prettier.format(text, { ...config, filepath: destination });
    }
    mkdirSync(path.dirname(destination), { recursive: true });
    writeFileSync(destination, text);
  }
  return { name, dir: target, packageName: `@duanxin/connector-${name}-sms`, files };
};

const insideSteps = (
  relative: string
) => `It implements an EXAMPLE protocol end to end (connector and emulator provider), so it works now:
  npx vitest run ${relative}

Next:
  1. pnpm install
     Links its workspace dependencies and records the package in pnpm-lock.yaml: CI installs
     with --frozen-lockfile and fails until the updated lockfile is committed. (Tests and
     typecheck work before that: @duanxin/* resolves to the sources through the root configs.
     Its build, like an integrator's, uses the built @duanxin/shared and @duanxin/emulator:
     pnpm build once.)
  2. Replace the EXAMPLE protocol with the provider's, keeping the tests green: the facts in
     src/index.ts (the answer reading), src/request.ts (real signing in src/signing.ts),
     src/errors.ts, src/phone.ts, src/hints.ts and emulator/; then src/constant.ts
     (endpoint, metadata id, form items), src/types.ts (config fields) and README.md (every
     TODO).
  3. The provider registry lists each connector's operator object (the ...Sms export of
     src/index.ts): add the package and one registry line, for the CLI, the demo and the tests.
  4. docs/writing-a-connector.md walks through the rest, up to the release.`;

const outsideSteps = (dir: string) => `It stands on its own, on the published duanxin packages:
  1. In package.json, replace each "workspace:*" with the published version (e.g. "^0.1.0").
  2. cd ${dir} && npm install && npm run build && npm test
     (the conformance suite and Logto loading pass with the EXAMPLE protocol)
  3. Replace the EXAMPLE protocol with the provider's: docs/writing-a-connector.md in the
     duanxin repository walks through it.`;

const nextSteps = (dir: string, packageName: string) => {
  const relative = path.relative(repoRoot, dir);
  const inside = !relative.startsWith('..') && !path.isAbsolute(relative);
  return `Created ${inside ? relative : dir} (${packageName}).

${inside ? insideSteps(relative) : outsideSteps(dir)}`;
};

const usage =
  'Usage: pnpm create-connector <name> [--title "Display Name"] [--dir <directory, default packages/>]';

const main = async () => {
  const args = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    // `pnpm create-connector -- acme`, as npm wants it: pnpm passes the `--` on.
    args: args[0] === '--' ? args.slice(1) : args,
    options: {
      title: { type: 'string' },
      dir: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  if (positionals.length === 0) {
    console.error(usage);
    process.exitCode = 1;
    return;
  }
  const [name, ...extra] = positionals;
  if (!name || extra.length > 0) {
    console.error(usage);
    process.exitCode = 1;
    return;
  }
  // pnpm runs scripts in the repository root; a relative --dir is the caller's.
  const packagesDir =
    values.dir === undefined
      ? undefined
      : path.resolve(process.env.INIT_CWD ?? process.cwd(), values.dir);
  const created = await createConnector({
    name,
    ...(values.title !== undefined && { title: values.title }),
    ...(packagesDir !== undefined && { packagesDir }),
  });
  console.log(nextSteps(created.dir, created.packageName));
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`create-connector: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
