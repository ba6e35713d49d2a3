import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { requireBinary, systemBinaryAvailable } from './system-binary.js';

const install = 'apt-get install -y redis-server';

export const redisAvailable = systemBinaryAvailable('redis-server', install);

export type RedisServer = { url: string; port: number; stop(): Promise<void> };

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

const startOnce = async (binary: string): Promise<RedisServer | undefined> => {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'duanxin-redis-'));
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }
  );
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  let output = '';
  const ready = await new Promise<boolean>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        resolve(true);
      }
    });
    child.once('exit', () => resolve(false));
    child.once('error', () => resolve(false));
  });
  const stop = async () => {
    child.kill('SIGKILL');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  if (!ready) {
    await stop();
    // Most likely the port was taken between probing and binding: the caller tries another.
    if (!output.includes('Address already in use')) {
      throw new Error(`redis-server did not start:\n${output}`);
    }
    return undefined;
  }
  return { url: `redis://127.0.0.1:${port}`, port, stop };
};

/** A throwaway redis-server on a free loopback port: no persistence, killed by `stop()`. */
export const startRedisServer = async (): Promise<RedisServer> => {
  const binary = requireBinary('redis-server', install, '/usr/bin/redis-server');
  for (let attempt = 0; attempt < 5; attempt++) {
    const server = await startOnce(binary);
    if (server) {
      return server;
    }
  }
  throw new Error('redis-server: no free port found in 5 attempts');
};
