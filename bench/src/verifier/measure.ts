/**
 * @duanxin/verification: send + verify pairs per second on the memory store and on a real
 * redis-server, Redis round trips per operation, and how fast a request fails once Redis is
 * killed or frozen.
 */
import { performance } from 'node:perf_hooks';

import { createRedisStore, createSmsVerifier, isSmsVerificationError } from '@duanxin/verification';

import {
  redisAvailable,
  startRedisServer,
  type RedisServer,
} from '../../../packages/verification/test/helpers/redis-server.js';
import type { VerifierResult, VerifierTarget } from '../child/protocol.js';
import { runClientProcess } from '../client-process.js';
import type { BenchContext } from '../context.js';

/** ms from a request to its STORE_UNAVAILABLE, one sample per outage. */
export type OutageTimings = {
  killed: { send: number[]; verify: number[] };
  frozen: { send: number[]; verify: number[] };
  /** ms from the restarted server accepting connections to the first send that succeeds. */
  recovery: number[];
};

export type VerifierMeasurement = {
  memory: VerifierResult;
  /** Undefined when redis-server is not installed. */
  redis: VerifierResult | undefined;
  outage: OutageTimings | undefined;
};

/** What the verifier's measurement needs: no emulator, only its own process script. */
export type VerifierBenchContext = Pick<BenchContext, 'plan' | 'workDir' | 'log'> & {
  /** verifier-loop.js as built by build.ts. */
  script: string;
};

const runLoop = (context: VerifierBenchContext, name: string, redisUrl?: string) => {
  const { warmup, pairs, roundTripPairs } = context.plan.verifier;
  return runClientProcess<VerifierResult>({
    script: context.script,
    target: {
      redisUrl,
      phases: [1, 64].map((concurrency) => ({ concurrency, warmup, sends: pairs })),
      roundTripPairs,
    } satisfies Omit<VerifierTarget, 'resultFile'>,
    name,
    workDir: context.workDir,
    timeoutMs: 600_000,
  });
};

/** ms until `request` fails with STORE_UNAVAILABLE; anything else ends the run. */
const timeToUnavailable = async (request: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  const error = await request().then(
    () => new Error('succeeded during an outage'),
    (error: unknown) => error
  );
  if (!isSmsVerificationError(error, 'STORE_UNAVAILABLE')) {
    throw new Error(`expected STORE_UNAVAILABLE during the outage, got ${String(error)}`);
  }
  return performance.now() - started;
};

/** The default store configuration, in this process, against a server killed and frozen. */
const measureOutages = async (server: RedisServer, rounds: number): Promise<OutageTimings> => {
  const store = createRedisStore({
    url: server.url,
    prefix: 'bench-outage:',
    log: () => undefined,
  });
  const verifier = createSmsVerifier({
    connector: { sendMessage: async () => undefined },
    store,
    secret: 'bench secret of at least thirty-two bytes',
  });
  let next = 0;
  const send = () =>
    verifier.send({ phone: `+86${13_900_000_000 + next++ * 10_007}`, scene: 'sign-in' });
  const verify = () =>
    verifier.verify({ phone: '+8613900000000', scene: 'sign-in', code: '123456' });
  const timings: OutageTimings = {
    killed: { send: [], verify: [] },
    frozen: { send: [], verify: [] },
    recovery: [],
  };
  try {
    await send();
    for (let round = 0; round < rounds; round++) {
      await server.kill();
      timings.killed.send.push(await timeToUnavailable(send));
      timings.killed.verify.push(await timeToUnavailable(verify));
      await server.restart();
      const restarted = performance.now();
      for (;;) {
        if (
          await send().then(
            () => true,
            () => false
          )
        ) {
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      timings.recovery.push(performance.now() - restarted);

      server.pause();
      try {
        timings.frozen.send.push(await timeToUnavailable(send));
        timings.frozen.verify.push(await timeToUnavailable(verify));
      } finally {
        server.resume();
      }
    }
  } finally {
    await store.close?.();
  }
  return timings;
};

export const measureVerifier = async (
  context: VerifierBenchContext
): Promise<VerifierMeasurement> => {
  context.log('  verifier on the memory store');
  const memory = await runLoop(context, 'verifier-memory');
  if (!redisAvailable) {
    return { memory, redis: undefined, outage: undefined };
  }
  const server = await startRedisServer();
  try {
    context.log('  verifier on redis-server');
    const redis = await runLoop(context, 'verifier-redis', server.url);
    context.log('  verifier during Redis outages');
    const outage = await measureOutages(server, context.plan.verifier.outageRounds);
    return { memory, redis, outage };
  } finally {
    await server.stop();
  }
};
