/**
 * Runs one client process (plain `node`, a built script) and reads its result. The process exits
 * by itself; one that hangs is killed after `timeoutMs`, by its own pid.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import type { ChildFailure } from './child/protocol.js';

export type ClientProcess = {
  script: string;
  /** Passed as one JSON argument; `resultFile` is added. */
  target: Record<string, unknown>;
  name: string;
  workDir: string;
  nodeArgs?: string[];
  timeoutMs: number;
};

/** A file of the run's results directory, which is made when needed. */
export const resultPath = (workDir: string, fileName: string): string => {
  const dir = path.join(workDir, 'results');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, fileName);
};

export const runClientProcess = async <T>(run: ClientProcess): Promise<T> => {
  const resultFile = resultPath(run.workDir, `${run.name}.json`);
  rmSync(resultFile, { force: true });
  const child = spawn(
    process.execPath,
    [...(run.nodeArgs ?? []), run.script, JSON.stringify({ ...run.target, resultFile })],
    { stdio: ['ignore', 'ignore', 'pipe'] }
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), run.timeoutMs);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  }).finally(() => clearTimeout(timer));
  let result: T | ChildFailure;
  try {
    result = JSON.parse(readFileSync(resultFile, 'utf8')) as T | ChildFailure;
  } catch {
    throw new Error(`${run.name} exited with ${code} and no result\n${stderr}`);
  }
  if (typeof result === 'object' && result !== null && 'error' in result) {
    throw new Error(`${run.name} failed: ${result.error}\n${stderr}`);
  }
  return result;
};
