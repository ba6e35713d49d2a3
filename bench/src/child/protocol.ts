/** What the parent passes to a client process (one JSON argument) and what it gets back. */
import type { ClientKind, Provider } from '../matrix.js';

export type ClientTarget = {
  client: ClientKind;
  provider: Provider;
  /** The emulator's HTTPS port on loopback, where TLS to the provider hosts is redirected. */
  port: number;
  /** Built duanxin connector (lib/index.js), for client `duanxin`. */
  duanxinModule: string;
  /** Signed requests, for the floors. */
  floorRequestsFile?: string;
  /** Where the child writes its result as JSON. */
  resultFile: string;
};

export type LatencySummary = { throughputPerSecond: number; p50Ms: number; p99Ms: number };

export type PairResult = {
  /** Every send the process made, warm-up included: the emulator's inbox must hold as many. */
  sends: number;
  sequential: LatencySummary & { cpuPerSendUs: number; cpuRoundsUs: number[] };
  concurrent: (LatencySummary & { concurrency: number; cpuPerSendUs: number })[];
  /** Over the sequential rounds only, after warm-up. */
  connections: ConnectionCounts;
  /** Over the whole process: warm-up and the concurrent phases included. */
  allConnections: ConnectionCounts;
  /** process.hrtime in µs when warm-up ended, to leave start-up out of a profile. */
  measuredFromUs: number;
};

export type ConnectionCounts = { sends: number; opened: number; resumed: number };

export type ColdStartResult = {
  /** Node start → first line of the script. */
  bootMs: number;
  importMs: number;
  createMs: number;
  firstSendMs: number;
  /** Node start → first send done. */
  totalMs: number;
};

export type OwnWorkResult = { usPerSend: number; roundsUs: number[]; measuredFromUs: number };

export type ChildFailure = { error: string };

/** What the parent passes to the verifier process. */
export type VerifierTarget = {
  /** Absent: the memory store. */
  redisUrl?: string;
  phases: { concurrency: number; warmup: number; sends: number }[];
  /** Sequential pairs after the phases whose Redis commands are counted. */
  roundTripPairs: number;
  resultFile: string;
};

export type VerifierResult = {
  pairs: number;
  /** `sends` are send + verify pairs here; `cpuPerSendUs` is per pair. */
  phases: (LatencySummary & { concurrency: number; cpuPerSendUs: number })[];
  /** Redis commands (each one round trip: nothing is pipelined) per operation. */
  roundTrips?: { send: number; verify: number };
};
