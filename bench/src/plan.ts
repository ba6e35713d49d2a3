/** How many sends each phase makes: shared by the parent and the client processes. */
export type ConcurrentPhase = { concurrency: number; warmup: number; sends: number };

export type PairCounts = {
  /** Sequential sends before anything is measured (JIT, connection, config cache). */
  warmup: number;
  /** CPU per send is the median over rounds, so a burst of noise spoils one round, not all. */
  rounds: number;
  perRound: number;
  /** Only the first process of a pair runs these. */
  concurrent: ConcurrentPhase[];
};

export type BenchPlan = {
  /**
   * Fresh processes per pair for the CPU rounds, visited in alternating order: a noisy moment
   * on this shared machine then spoils a few rounds of several clients, not one client's figure.
   */
  passes: number;
  pair: PairCounts;
  /** Fresh processes per client for cold start; the median is reported. */
  coldStartRuns: number;
  /** Sends through duanxin with the transport stubbed out (our own work outside got). */
  ownWork: { warmup: number; rounds: number; perRound: number };
  /** Sequential sends profiled with --cpu-prof, per connector. */
  profileSends: number;
  /** npm installs into temporary directories (needs the npm registry or its cache). */
  footprint: boolean;
  /**
   * @duanxin/verification: send + verify pairs per phase (concurrency 1 and 64, each after its
   * warm-up), sequential pairs whose Redis commands are counted, and Redis outages timed.
   */
  verifier: { warmup: number; pairs: number; roundTripPairs: number; outageRounds: number };
};

const concurrentPhases = (sends: number, warmupPerWorker: number): ConcurrentPhase[] =>
  [8, 64].map((concurrency) => ({ concurrency, warmup: concurrency * warmupPerWorker, sends }));

export const fullPlan: BenchPlan = {
  passes: 2,
  // CPU per send still falls for the first ~3,000 sends of a process (JIT, heap growth): rounds
  // after a shorter warm-up measure the warm-up, not the steady state.
  pair: { warmup: 3000, rounds: 4, perRound: 500, concurrent: concurrentPhases(2000, 4) },
  coldStartRuns: 5,
  ownWork: { warmup: 3000, rounds: 7, perRound: 3000 },
  profileSends: 2000,
  footprint: true,
  verifier: { warmup: 2000, pairs: 5000, roundTripPairs: 200, outageRounds: 3 },
};

export const quickPlan: BenchPlan = {
  passes: 1,
  pair: { warmup: 1500, rounds: 3, perRound: 300, concurrent: concurrentPhases(800, 2) },
  coldStartRuns: 2,
  ownWork: { warmup: 1000, rounds: 3, perRound: 1500 },
  profileSends: 800,
  footprint: false,
  verifier: { warmup: 500, pairs: 2000, roundTripPairs: 100, outageRounds: 1 },
};

/** Only proves that the harness runs end to end (the smoke test). */
export const smokePlan: BenchPlan = {
  passes: 1,
  pair: { warmup: 2, rounds: 1, perRound: 6, concurrent: concurrentPhases(16, 1) },
  coldStartRuns: 1,
  ownWork: { warmup: 5, rounds: 1, perRound: 20 },
  profileSends: 10,
  footprint: false,
  verifier: { warmup: 5, pairs: 20, roundTripPairs: 5, outageRounds: 1 },
};

export const pairSends = (counts: PairCounts): number =>
  counts.warmup +
  counts.rounds * counts.perRound +
  counts.concurrent.reduce((sum, phase) => sum + phase.warmup + phase.sends, 0);
