/**
 * The verifier in its own process: send + verify pairs on one store, at each phase's
 * concurrency, then Redis round trips per operation. `node verifier-loop.js '<VerifierTarget>'`
 *
 * The connector hands the code straight back: what is measured is the verifier and its store,
 * not an SMS provider (§1–§3 measure those).
 */
import { Redis } from 'ioredis';

import {
  createMemoryStore,
  createRedisStore,
  createSmsVerifier,
  failFastRedisOptions,
} from '@duanxin/verification';

import type { ConcurrentPhase } from '../plan.js';
import { finish, readTarget } from './io.js';
import { concurrentPhase, createSequence } from './measure.js';
import type { VerifierResult, VerifierTarget } from './protocol.js';

const target = readTarget<VerifierTarget>();

/** A distinct mainland mobile, IPv4 address and session per pair; no two share a 10,000-block. */
const pairIdentity = (index: number) => ({
  phone: `+86${13_000_000_000 + index * 10_007}`,
  ip: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
  subject: `session-${index}`,
});

finish(target.resultFile, async () => {
  let commands = 0;
  let client: Redis | undefined;
  if (target.redisUrl) {
    client = new Redis(target.redisUrl, failFastRedisOptions());
    const sendCommand = client.sendCommand.bind(client);
    client.sendCommand = (command, stream) => {
      commands++;
      return sendCommand(command, stream);
    };
  }
  const codes = new Map<string, string>();
  const verifier = createSmsVerifier({
    connector: {
      sendMessage: async ({ to, payload }) => {
        codes.set(to, String(payload.code));
      },
    },
    store: client
      ? createRedisStore({ client, prefix: `bench:${process.pid}:` })
      : createMemoryStore(),
    secret: 'bench secret of at least thirty-two bytes',
    // Every default limit applies, but the ceiling on all sends would end the run.
    globalCap: { max: 100_000_000, window: 3600 },
  });

  const send = (index: number) => verifier.send({ ...pairIdentity(index), scene: 'sign-in' });
  const verify = (index: number) => {
    const identity = pairIdentity(index);
    const code = codes.get(identity.phone.slice(1));
    codes.delete(identity.phone.slice(1));
    return verifier.verify({ ...identity, scene: 'sign-in', code: code ?? '' });
  };
  const pair = async (index: number) => {
    await send(index);
    await verify(index);
  };

  const sequence = createSequence();
  const phases: VerifierResult['phases'] = [];
  for (const phase of target.phases as ConcurrentPhase[]) {
    phases.push(await concurrentPhase(pair, sequence, phase));
  }

  let roundTrips: VerifierResult['roundTrips'];
  if (client) {
    let sendCommands = 0;
    let verifyCommands = 0;
    for (let count = 0; count < target.roundTripPairs; count++) {
      const index = sequence.next();
      commands = 0;
      await send(index);
      sendCommands += commands;
      commands = 0;
      await verify(index);
      verifyCommands += commands;
    }
    roundTrips = {
      send: sendCommands / target.roundTripPairs,
      verify: verifyCommands / target.roundTripPairs,
    };
    client.disconnect();
  }
  return { pairs: sequence.used, phases, roundTrips } satisfies VerifierResult;
});
