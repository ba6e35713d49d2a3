/** docs/benchmarks.md from one run's figures. */
import type { BenchResults } from './bench.js';
import { kib, mib, ms, percent, ratio, signedMs, table, us } from './markdown.js';
import { clientLabels, isFloor, providers, type ClientKind, type Provider } from './matrix.js';
import type { PairMeasurement } from './measure-pairs.js';
import { verifierSection } from './verifier/report.js';
import {
  checkCpuTargets,
  cpuPerSend,
  cpuRatioTargets,
  ownWorkMet,
  ownWorkTargetUs,
} from './targets.js';

const providerNames: Record<Provider, string> = {
  aliyun: 'Aliyun',
  tencent: 'Tencent Cloud',
  yunpian: 'YunPian',
};

const label = (client: ClientKind, provider: Provider) =>
  client === 'duanxin' ? `**${clientLabels[client][provider]}**` : clientLabels[client][provider];

const yesNo = (met: boolean) => (met ? 'met' : '**missed**');

const pairsOf = (results: BenchResults, provider: Provider) =>
  results.pairs.filter((pair) => pair.pair.provider === provider);

const find = (results: BenchResults, client: ClientKind, provider: Provider) =>
  results.pairs.find((pair) => pair.pair.client === client && pair.pair.provider === provider);

const summary = (results: BenchResults): string => {
  const rows = checkCpuTargets(results).map((check) => [
    providerNames[check.provider],
    us(check.duanxinUs),
    us(check.logtoUs),
    ratio(check.ratio),
    `≤ ${cpuRatioTargets[check.provider].toFixed(1)}×`,
    yesNo(check.met),
    us(results.ownWork[check.provider].usPerSend),
    yesNo(ownWorkMet(results, check.provider)),
  ]);
  return [
    '## Summary',
    '',
    table(
      [
        'provider',
        'duanxin CPU/send (µs)',
        "Logto's official (µs)",
        'ratio',
        'target',
        '',
        'own work outside got (µs)',
        `< ${ownWorkTargetUs} µs`,
      ],
      rows
    ),
  ].join('\n');
};

const machine = (results: BenchResults): string => {
  const { machine: info } = results;
  return [
    '## Machine and versions',
    '',
    `- ${info.cpu}, ${info.cores} cores, ${info.memoryGiB} GiB; ${info.os}; Node ${info.node}.`,
    `- 1-minute load average ${info.load.start.toFixed(1)} at the start, ${info.load.end.toFixed(1)} at the end: ` +
      'this machine is shared with other work, and figures are noisier the higher it is.',
    `- ${results.mode} run started ${results.startedAt}, took ${results.minutes.toFixed(1)} min.`,
    '',
    table(
      ['package', 'version'],
      Object.entries(results.versions).map(([name, version]) => [name, version])
    ),
  ].join('\n');
};

const method = (results: BenchResults): string => {
  const { plan } = results;
  return [
    '## Method',
    '',
    '- The emulator (`@duanxin/emulator`, HTTPS, flow control off) runs in its own process. Every',
    "  client's TLS connections to the providers' production hosts are sent to it by `redirectTls`,",
    '  which patches `tls.connect`: the same path for every client, ours included (no `endpoint` in',
    "  our config). After every process the emulator's inbox must hold exactly as many messages as",
    '  sends were made, or the run fails. Each pair process gets a fresh emulator process: its',
    '  Aliyun nonce store grows with every send and slows it down, to the cost of later pairs.',
    '- Each (client, provider) pair runs in its own `node` process (plain JavaScript, built first; no',
    '  loader), so JIT warm-up of one client cannot help another. Connectors are called as Logto',
    '  calls them: `createConnector` anew for every send, the config passed with it, a new mainland',
    "  number and code per send. The SDKs' clients are made once, as their READMEs show. The floors",
    '  send requests signed beforehand in the parent process: no signing, validation or number',
    '  handling in the measured process.',
    `- CPU per send: user + system CPU of the process (\`process.cpuUsage\`) over rounds of`,
    `  ${plan.pair.perRound} sequential sends after ${plan.pair.warmup} warm-up sends, in ${plan.passes}`,
    '  fresh process(es) per pair visited in alternating order; the median round is reported with',
    '  the quartiles.',
    '- Our own work outside got: each connector rebuilt from its sources with its own build options,',
    '  `got` replaced by a stub that answers at once (bench/src/stub-got.ts), then CPU per send as',
    '  above. Everything else a send does is left in: config lookup, number parsing, template',
    '  choice, signing, request building, proxy lookup, answer checks.',
    '- Where the time goes: `node --cpu-prof`; each sample is charged to the innermost frame in a',
    "  package or a bundled source file, so Node's crypto or http work counts for its caller.",
    `- Throughput and latency: ${plan.pair.concurrent.map((phase) => `${phase.sends} sends at concurrency ${phase.concurrency}`).join(', ')},`,
    '  each after a warm-up at that concurrency; latency is per send, wall clock.',
    '- Connections: counted where `tls.connect` is called, over the sequential rounds;',
    '  "resumed" handshakes reused a TLS session.',
    `- Cold start: the median of ${plan.coldStartRuns} fresh processes per client.`,
  ].join('\n');
};

const cpuSection = (results: BenchResults): string => {
  const rows = providers.flatMap((provider) => {
    const gotFloor = cpuPerSend(results, 'got-floor', provider);
    const logto = cpuPerSend(results, 'logto', provider);
    return pairsOf(results, provider).map((pair) => [
      `${providerNames[provider]}: ${label(pair.pair.client, provider)}`,
      us(pair.cpuPerSendUs),
      `${us(pair.cpuQuartilesUs[0])}–${us(pair.cpuQuartilesUs[1])}`,
      ratio(pair.cpuPerSendUs / gotFloor),
      isFloor(pair.pair.client) ? '' : ratio(pair.cpuPerSendUs / logto),
    ]);
  });
  return [
    '## 1. Client CPU per send',
    '',
    table(['client', 'µs/send', 'quartiles', '× got floor', "× Logto's"], rows),
  ].join('\n');
};

const ownWorkSection = (results: BenchResults): string => {
  const rows = providers.map((provider) => {
    const own = results.ownWork[provider];
    const top = own.bySource
      .slice(0, 6)
      .map((share) => `${share.label} ${us(share.share * own.usPerSend)}`)
      .join(', ');
    return [providerNames[provider], us(own.usPerSend), top];
  });
  const groups = [
    "the connector's own code",
    'got and its dependencies',
    'Node internals (sockets, TLS, HTTP parsing)',
    'garbage collector',
  ];
  const profileRows = results.profiles.map((profile) => {
    const cpu = cpuPerSend(results, profile.client, profile.provider);
    const shareOf = (group: string) =>
      profile.groups.find((candidate) => candidate.label === group)?.share ?? 0;
    const rest = 1 - groups.reduce((sum, group) => sum + shareOf(group), 0);
    return [
      `${providerNames[profile.provider]}: ${label(profile.client, profile.provider)}`,
      ...[...groups.map(shareOf), rest].map((share) => `${us(share * cpu)} (${percent(share)})`),
    ];
  });
  return [
    '## 2. Where the time goes',
    '',
    `Our own work per send outside got, and its largest parts (µs, from a profile of the same run):`,
    '',
    table(['provider', 'µs/send', 'largest parts (µs)'], rows),
    '',
    'A whole send, from `--cpu-prof` profiles (shares of CPU applied to the CPU per send of §1):',
    '',
    table(['client', 'own code', 'got + deps', 'Node I/O internals', 'GC', 'other'], profileRows),
  ].join('\n');
};

const latencyCells = (pair: PairMeasurement | undefined) => {
  const phases = [pair?.sequential, ...(pair?.concurrent ?? [])];
  return phases.map((phase) =>
    phase
      ? `${Math.round(phase.throughputPerSecond)} / ${ms(phase.p50Ms)} / ${ms(phase.p99Ms)}`
      : '–'
  );
};

const throughputSection = (results: BenchResults): string => {
  const concurrencies = [1, ...results.plan.pair.concurrent.map((phase) => phase.concurrency)];
  const rows = results.pairs.map((pair) => [
    `${providerNames[pair.pair.provider]}: ${label(pair.pair.client, pair.pair.provider)}`,
    ...latencyCells(pair),
  ]);
  const added = results.pairs
    .filter((pair) => !isFloor(pair.pair.client))
    .map((pair) => {
      const floors = (['got-floor', 'https-floor'] as const).map((client) =>
        find(results, client, pair.pair.provider)
      );
      const phasesOf = (candidate: PairMeasurement | undefined) => [
        candidate?.sequential,
        ...(candidate?.concurrent ?? []),
      ];
      const cells = phasesOf(pair).flatMap((phase, index) =>
        floors.map((floor) => {
          const base = phasesOf(floor)[index];
          return phase && base
            ? `${signedMs(phase.p50Ms - base.p50Ms)} / ${signedMs(phase.p99Ms - base.p99Ms)}`
            : '–';
        })
      );
      return [
        `${providerNames[pair.pair.provider]}: ${label(pair.pair.client, pair.pair.provider)}`,
        ...cells,
      ];
    });
  return [
    '## 3. Throughput and latency',
    '',
    'sends/s / p50 ms / p99 ms:',
    '',
    table(['client', ...concurrencies.map((c) => `concurrency ${c}`)], rows),
    '',
    'Latency added over the floors, p50 / p99 in ms (negative: faster than the floor, within noise):',
    '',
    table(
      ['client', ...concurrencies.flatMap((c) => [`c${c} over got`, `c${c} over node:https`])],
      added
    ),
  ].join('\n');
};

const connectionsSection = (results: BenchResults): string => {
  const rows = results.pairs.map((pair) => {
    const per1000 = (count: number, sends: number) => ((count / sends) * 1000).toFixed(1);
    const { connections: sequential, allConnections: all } = pair;
    return [
      `${providerNames[pair.pair.provider]}: ${label(pair.pair.client, pair.pair.provider)}`,
      per1000(sequential.opened, sequential.sends),
      per1000(sequential.opened - sequential.resumed, sequential.sends),
      per1000(all.opened, all.sends),
      per1000(all.opened - all.resumed, all.sends),
    ];
  });
  const [concurrent] = results.plan.pair.concurrent.slice(-1);
  return [
    '## 4. Connections and TLS handshakes per 1,000 sends',
    '',
    'A real provider is 30–300 ms away: every new TLS connection costs the user two to three',
    'round trips. Sequential: the sequential rounds after warm-up. Whole process: from the first',
    `send, warm-up and the concurrent phases (up to ${concurrent?.concurrency ?? '–'} at once) included.`,
    '',
    table(
      [
        'client',
        'sequential: connections',
        'full handshakes',
        'whole process: connections',
        'full handshakes',
      ],
      rows
    ),
  ].join('\n');
};

const coldStartSection = (results: BenchResults): string => {
  const rows = results.coldStarts.map((cold) => [
    `${providerNames[cold.pair.provider]}: ${label(cold.pair.client, cold.pair.provider)}`,
    ms(cold.importMs, 1),
    ms(cold.createMs, 1),
    ms(cold.firstSendMs, 1),
    ms(cold.totalMs, 1),
  ]);
  return [
    '## 5. Cold start',
    '',
    'ms, median of fresh processes. The first send includes the TLS handshake with the emulator.',
    '',
    table(['client', 'import', 'create', 'first send', 'node start → first send done'], rows),
  ].join('\n');
};

const sizeSection = (results: BenchResults): string => {
  const bundles = table(
    ['bundle', 'lib/index.js', 'gzip'],
    results.bundles.map((bundle) => [bundle.name, kib(bundle.bytes), kib(bundle.gzipBytes)])
  );
  const footprints = results.footprints.length
    ? table(
        ['npm install', 'packages', 'files', 'size'],
        results.footprints.map((footprint) => [
          footprint.name,
          String(footprint.packages),
          String(footprint.files),
          mib(footprint.bytes),
        ])
      )
    : `Not measured in a ${results.mode} run (it needs npm installs).`;
  return [
    '## 6. Size',
    '',
    'Each connector is one bundled file (what Logto loads; our own dependencies are inside it).',
    '',
    bundles,
    '',
    'Installed for a user who is not running Logto (`npm install` into an empty directory):',
    '',
    footprints,
  ].join('\n');
};

const notes = [
  '## Notes',
  '',
  '- Changed for these figures, behaviour unchanged: the Aliyun and Tencent request builders no',
  '  longer write `{ ...params, a, b, … }` (V8 adds every property after a leading spread on a slow',
  "  path, about 2 µs each: it was a fifth of the Aliyun connector's own work); the number check",
  '  calls libphonenumber-js `getType()` once instead of `isValid()` and then `getType()`, which',
  "  ran the same regular expressions twice; proxy-from-env is given the URL's parts instead of",
  '  `url.href`, which it re-parsed with the legacy URL parser; `percentEncode` skips its',
  '  `replace()` when nothing needs it.',
  '- What remains of our own work: libphonenumber-js (validity and type of the number, with',
  '  regular expressions the library compiles on every call), signing (Aliyun: HMAC-SHA1 over the',
  '  sorted, encoded parameters; Tencent: SHA-256 of the body and of the canonical request, then',
  '  HMAC-SHA256), and the proxy lookup, which reads twelve environment variables per send so that',
  '  a change of `HTTPS_PROXY` / `NO_PROXY` applies at once. Reading them once per process would',
  '  save that part, at the price of that behaviour.',
  '- The Logto connectors validate their whole config with zod on every send; duanxin validates a',
  '  config once and finds it again by value (`JSON.stringify`) on later sends.',
].join('\n');

export const renderReport = (results: BenchResults): string =>
  [
    '# Benchmarks',
    '',
    'Written by `pnpm bench`; rerun it rather than editing this file. duanxin against what a user',
    "would pick instead: Logto's official connectors, the vendors' SDKs, and two floors (a bare",
    '`got.post` and a bare `node:https` request with a keep-alive agent). Issue 6. §7 measures',
    '`@duanxin/verification` on its memory and Redis stores.',
    '',
    summary(results),
    '',
    machine(results),
    '',
    method(results),
    '',
    cpuSection(results),
    '',
    ownWorkSection(results),
    '',
    throughputSection(results),
    '',
    connectionsSection(results),
    '',
    coldStartSection(results),
    '',
    sizeSection(results),
    '',
    verifierSection(results.verifier, results.plan),
    '',
    notes,
    '',
  ].join('\n');
