import type { BuiltFiles } from './build.js';
import type { EmulatorHandle } from './emulator-handle.js';
import type { BenchPlan } from './plan.js';

/** What every measurement needs: the plan, the built scripts, the emulator, a log. */
export type BenchContext = {
  plan: BenchPlan;
  /** See paths.ts. */
  workDir: string;
  built: BuiltFiles;
  emulator: EmulatorHandle;
  /**
   * A new emulator process in place of the current one. Its Aliyun nonce store grows with every
   * send and slows it down, which would favour whichever pair runs first.
   */
  restartEmulator: () => Promise<void>;
  log: (line: string) => void;
};

/** The emulator must have accepted every send: a benchmark of failing requests is worthless. */
export const expectAccepted = async (context: BenchContext, what: string, sends: number) => {
  const accepted = await context.emulator.takeInbox();
  if (accepted !== sends) {
    throw new Error(`${what}: ${sends} sends made, the emulator accepted ${accepted}`);
  }
};
