import { readFileSync, writeFileSync } from 'node:fs';

import type { ChildFailure } from './protocol.js';

export const readTarget = <T>(): T => {
  const argument = process.argv[2];
  if (!argument) {
    throw new Error('expected the target as one JSON argument');
  }
  return JSON.parse(argument) as T;
};

export const readJsonFile = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/**
 * Writes the result and exits at once: kept-alive sockets would otherwise hold the process until
 * the emulator closes them.
 */
export const finish = (resultFile: string, work: () => Promise<unknown>): void => {
  work().then(
    (result) => {
      writeFileSync(resultFile, JSON.stringify(result));
      process.exit(0);
    },
    (error: unknown) => {
      const failure: ChildFailure = {
        error: error instanceof Error ? (error.stack ?? error.message) : JSON.stringify(error),
      };
      writeFileSync(resultFile, JSON.stringify(failure));
      process.exit(1);
    }
  );
};
