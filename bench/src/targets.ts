/** The targets of issue 6, and whether a run met them. */
import type { BenchResults } from './bench.js';
import { providers, type Provider } from './matrix.js';

/** duanxin's CPU per send as a multiple of Logto's official connector's, at most. */
export const cpuRatioTargets: Record<Provider, number> = {
  aliyun: 0.8,
  tencent: 0.9,
  yunpian: 1.0,
};

/** Our own work per send outside got, µs, less than. */
export const ownWorkTargetUs = 60;

export type TargetCheck = {
  provider: Provider;
  duanxinUs: number;
  logtoUs: number;
  ratio: number;
  met: boolean;
};

export const cpuPerSend = (results: BenchResults, client: string, provider: Provider): number =>
  results.pairs.find((pair) => pair.pair.client === client && pair.pair.provider === provider)
    ?.cpuPerSendUs ?? Number.NaN;

export const checkCpuTargets = (results: BenchResults): TargetCheck[] =>
  providers.map((provider) => {
    const duanxinUs = cpuPerSend(results, 'duanxin', provider);
    const logtoUs = cpuPerSend(results, 'logto', provider);
    const ratio = duanxinUs / logtoUs;
    return { provider, duanxinUs, logtoUs, ratio, met: ratio <= cpuRatioTargets[provider] };
  });

export const ownWorkMet = (results: BenchResults, provider: Provider): boolean =>
  results.ownWork[provider].usPerSend < ownWorkTargetUs;
