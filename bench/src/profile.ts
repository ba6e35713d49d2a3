/**
 * Where a client's CPU goes, from a `--cpu-prof` profile. Each sample is charged to the innermost
 * JavaScript frame that belongs to a package or a bundled source file, so that time in Node's
 * crypto or http internals counts for whoever called them (our signing, got's request). Samples
 * with no such frame are Node's own socket, TLS and HTTP parsing work, or the garbage collector.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type CpuProfile = {
  nodes: ProfileNode[];
  samples: number[];
  startTime: number;
  timeDeltas: number[];
};

export type Share = { label: string; share: number };

/** Names the source a line of a bundle came from, by esbuild's `// path` section comments. */
export const bundleSections = (bundleFile: string, describe: (source: string) => string) => {
  const starts: { line: number; label: string }[] = [];
  readFileSync(bundleFile, 'utf8')
    .split('\n')
    .forEach((text, line) => {
      const source = /^\/\/ ((?:\.\.\/)*[\w@.-]+\/\S+\.[cm]?[jt]s)$/.exec(text)?.[1];
      if (source) {
        starts.push({ line, label: describe(source) });
      }
    });
  return (line: number): string => {
    let label = 'bundle';
    for (const start of starts) {
      if (start.line > line) {
        break;
      }
      label = start.label;
    }
    return label;
  };
};

/** `…/node_modules/.pnpm/x@1/node_modules/@scope/name/lib/a.js` → `@scope/name`. */
export const packageOf = (path: string): string | undefined => {
  const rest = path.split('/node_modules/').at(-1);
  if (!rest || rest === path) {
    return undefined;
  }
  const [first, second] = rest.split('/');
  // node_modules/.cache/…: this benchmark's own built scripts, not a package.
  if (first?.startsWith('.')) {
    return undefined;
  }
  return first?.startsWith('@') ? `${first}/${second ?? ''}` : first;
};

/** `../shared/src/phone.ts` → `shared/src/phone.ts`; a connector's own files → `connector/src/…`. */
export const describeSource = (source: string): string =>
  packageOf(source) ??
  source
    .replace(/^(\.\.\/)+/, '')
    .replace(/^packages\//, '')
    .replace(/^(connector-[a-z]+-sms\/)?src\//, (_match, connector?: string) =>
      connector || !source.includes('shared/') ? 'connector/src/' : 'src/'
    );

const specialFrames = new Map([
  ['(garbage collector)', 'garbage collector'],
  ['(program)', 'Node itself (no JavaScript on the stack)'],
  ['(idle)', 'idle'],
]);

export type ProfileOptions = {
  /** Bundles whose frames are labelled by source section instead of as one file. */
  bundles: Map<string, (line: number) => string>;
  /** Samples before this monotonic time (µs) are start-up and warm-up, and left out. */
  fromUs: number;
};

const labelFrame = (frame: CallFrame, options: ProfileOptions): string | undefined => {
  if (!frame.url.startsWith('file://')) {
    return undefined;
  }
  const file = fileURLToPath(frame.url);
  const section = options.bundles.get(file);
  if (section) {
    return section(frame.lineNumber);
  }
  return packageOf(file) ?? file.split('/').slice(-2).join('/');
};

/** Share of non-idle samples per label, largest first. */
export const attributeProfile = (profileFile: string, options: ProfileOptions): Share[] => {
  const profile = JSON.parse(readFileSync(profileFile, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) {
      parents.set(child, node.id);
    }
  }
  const labelOf = new Map<number, string>();
  const resolve = (id: number): string => {
    const known = labelOf.get(id);
    if (known) {
      return known;
    }
    const node = nodes.get(id);
    const parent = parents.get(id);
    const label =
      (node && labelFrame(node.callFrame, options)) ??
      (node && specialFrames.get(node.callFrame.functionName)) ??
      (parent === undefined ? 'Node internals (sockets, TLS, HTTP parsing)' : resolve(parent));
    labelOf.set(id, label);
    return label;
  };
  const counts = new Map<string, number>();
  let time = profile.startTime;
  profile.samples.forEach((sample, index) => {
    time += profile.timeDeltas[index] ?? 0;
    if (time >= options.fromUs) {
      const label = resolve(sample);
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
  });
  counts.delete('idle');
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  return [...counts]
    .map(([label, count]) => ({ label, share: count / total }))
    .sort((a, b) => b.share - a.share);
};

/** Adds up shares by group, keeping the groups' order of first appearance by size. */
export const groupShares = (shares: Share[], groupOf: (label: string) => string): Share[] => {
  const grouped = new Map<string, number>();
  for (const { label, share } of shares) {
    const group = groupOf(label);
    grouped.set(group, (grouped.get(group) ?? 0) + share);
  }
  return [...grouped].map(([label, share]) => ({ label, share })).sort((a, b) => b.share - a.share);
};
