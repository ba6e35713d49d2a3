/**
 * The NocoBase server of one run, on loopback, without pm2 (docs/nocobase.md §5): started in a
 * process group of its own, ready when its health check answers, stopped with its children.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

import { withYarn } from './install.js';

export type NocobaseServer = {
  /** `http://127.0.0.1:<port>` */
  url: string;
  log: string;
  stop(): Promise<void>;
};

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port'))
      );
    });
  });

/** Exited, and its output read to the end. */
const closed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.stdout?.readableEnded !== false && child.exitCode !== null) {
      resolve();
    } else {
      child.once('close', () => resolve());
    }
  });

const healthy = async (url: string) => {
  try {
    const response = await fetch(`${url}/api/__health_check`, {
      signal: AbortSignal.timeout(2000),
    });
    return (await response.text()) === 'ok';
  } catch {
    return false;
  }
};

export const startNocobase = async (
  appDir: string,
  env: NodeJS.ProcessEnv,
  { port, log, timeoutMs = 240_000 }: { port: number; log: string; timeoutMs?: number }
): Promise<NocobaseServer> => {
  const output = createWriteStream(log, { flags: 'a' });
  const child = spawn(path.join(appDir, 'node_modules', '.bin', 'nocobase-v1'), ['start'], {
    cwd: appDir,
    env: {
      ...withYarn(env),
      APP_LAUNCH_MODE: 'node',
      APP_HOST: '127.0.0.1',
      APP_PORT: String(port),
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(output);
  child.stderr?.pipe(output);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid, 'SIGTERM');
      const killed = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 15_000);
      await closed(child);
      clearTimeout(killed);
    }
    await new Promise((resolve) => output.end(resolve));
  };
  const deadline = Date.now() + timeoutMs;
  while (!(await healthy(url))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`NocoBase did not start on ${url}; see ${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return { url, log, stop };
};
