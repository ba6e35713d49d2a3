import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const workerScript = fileURLToPath(new URL('./verifier-worker.ts', import.meta.url));

export type WorkerReply = {
  ok: boolean;
  value?: unknown;
  code?: string;
  retryAfterSeconds?: number;
  message?: string;
};

export type WorkerProcess = {
  pid: number;
  call(method: 'send' | 'verify', args: Record<string, unknown>): Promise<WorkerReply>;
  stop(): Promise<void>;
};

/** A verifier in a child process of its own, run from sources with tsx. */
export const startWorker = async (env: Record<string, string>): Promise<WorkerProcess> => {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', workerScript], {
    cwd: repositoryRoot,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const pending = new Map<number, (reply: WorkerReply) => void>();
  let nextId = 1;
  const ready = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`verifier worker exited (${code}) before it was ready:\n${stderr}`))
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === 'ready') {
        resolve();
        return;
      }
      const { id, ...reply } = JSON.parse(line) as WorkerReply & { id: number };
      pending.get(id)?.(reply);
      pending.delete(id);
    });
  });
  await ready;

  return {
    pid: child.pid ?? 0,
    call: (method, args) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        child.stdin?.write(`${JSON.stringify({ id, method, args })}\n`);
      }),
    stop: async () => {
      child.stdin?.end();
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
};
