import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const benchDir = path.join(repoRoot, 'bench');
/**
 * Builds, signed requests, profiles and results of a run, one directory per mode so that the
 * smoke test and a full run never share one. A cache under bench/node_modules: ignored by git,
 * eslint and prettier alike, and the built scripts still find bench/node_modules.
 */
export const workDirFor = (mode: string): string =>
  path.join(benchDir, 'node_modules', '.cache', 'duanxin-bench', mode);
