import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { requireBinary, systemBinaryAvailable } from './system-binary.js';

const install = 'apt-get install -y redis-server';

export const redisAvailable = systemBinaryAvailable('redis-server', install);

export type RedisServer = {
  url: string;
  port: number;
  /** Kills the server for good and removes its directory. */
  stop(): Promise<void>;
  /** Kills the server (SIGKILL: no goodbye to its clients); its data is gone. */
  kill(): Promise<void>;
  /** A new, empty server on the same port. */
  restart(): Promise<void>;
  /** Freezes the server (SIGSTOP): connections stay open, nothing is answered. */
  pause(): void;
  /** Thaws it (SIGCONT): it answers what it was sent meanwhile. */
  resume(): void;
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

type Running = { child: ChildProcess; exited: Promise<void> };

/** Starts redis-server with `args` in `dir`; undefined if its port was taken. */
const spawnRedis = async (
  args: string[],
  dir: string,
  readyWhen: string
): Promise<Running | undefined> => {
  const binary = requireBinary('redis-server', install, '/usr/bin/redis-server');
  const child = spawn(binary, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  let output = '';
  const ready = await new Promise<boolean>((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(readyWhen)) {
        resolve(true);
      }
    });
    child.once('exit', () => resolve(false));
    child.once('error', () => resolve(false));
  });
  if (ready) {
    return { child, exited };
  }
  child.kill('SIGKILL');
  await exited;
  // Most likely the port was taken between probing and binding: the caller tries another.
  if (!output.includes('Address already in use')) {
    throw new Error(`redis-server did not start:\n${output}`);
  }
  return undefined;
};

const serverArgs = (port: number) => [
  '--port',
  String(port),
  '--bind',
  '127.0.0.1',
  '--save',
  '',
  '--appendonly',
  'no',
];

/** A throwaway redis-server on a free loopback port: no persistence, killed by `stop()`. */
export const startRedisServer = async (): Promise<RedisServer> => {
  const dir = mkdtempSync(join(tmpdir(), 'duanxin-redis-'));
  let port = 0;
  let running: Running | undefined;
  for (let attempt = 0; attempt < 5 && !running; attempt++) {
    port = await freePort();
    running = await spawnRedis(serverArgs(port), dir, 'Ready to accept connections');
  }
  if (!running) {
    throw new Error('redis-server: no free port found in 5 attempts');
  }

  const kill = async () => {
    const current = running;
    running = undefined;
    current?.child.kill('SIGKILL');
    await current?.exited;
  };
  const signal = (name: NodeJS.Signals) => {
    running?.child.kill(name);
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    restart: async () => {
      await kill();
      for (let attempt = 0; attempt < 20 && !running; attempt++) {
        running = await spawnRedis(serverArgs(port), dir, 'Ready to accept connections');
        if (!running) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      if (!running) {
        throw new Error(`redis-server: port ${port} did not come free again`);
      }
    },
    pause: () => signal('SIGSTOP'),
    resume: () => signal('SIGCONT'),
    stop: async () => {
      signal('SIGCONT');
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

export type RedisSentinel = { port: number; masterName: string; stop(): Promise<void> };

/** A Redis Sentinel (redis-server --sentinel) watching the primary on `primaryPort`. */
export const startRedisSentinel = async (primaryPort: number): Promise<RedisSentinel> => {
  const dir = mkdtempSync(join(tmpdir(), 'duanxin-sentinel-'));
  const masterName = 'duanxin';
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    // Sentinel rewrites its config file: it must be its own, in a writable directory.
    const config = join(dir, 'sentinel.conf');
    writeFileSync(
      config,
      [
        `port ${port}`,
        'bind 127.0.0.1',
        `sentinel monitor ${masterName} 127.0.0.1 ${primaryPort} 1`,
        '',
      ].join('\n')
    );
    const running = await spawnRedis([config, '--sentinel'], dir, '+monitor master');
    if (running) {
      return {
        port,
        masterName,
        stop: async () => {
          running.child.kill('SIGKILL');
          await running.exited;
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
  }
  throw new Error('redis-server --sentinel: no free port found in 5 attempts');
};
