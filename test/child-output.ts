import type { ChildProcessWithoutNullStreams } from 'node:child_process';

export type ChildRun = { exitCode: number | null; stdout: string; stderr: string };

/** What a spawned process printed and how it ended, once it has; `stdin` is all it reads. */
export const outputOf = (child: ChildProcessWithoutNullStreams, stdin = ''): Promise<ChildRun> =>
  new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, stdout, stderr }));
    child.stdin.end(stdin);
  });
