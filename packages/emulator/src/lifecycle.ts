/**
 * How a long-running command (the emulator, the example app) ends: on SIGINT, SIGTERM or SIGHUP,
 * and when the command the user started is gone. Between the user and the server there are often
 * launchers that do not pass a signal on: `npx pnpm emulator` is npm → sh → pnpm → sh → node, and
 * `kill <pid of npx>` ends npm alone, leaving pnpm and the server holding the port. So the server
 * watches its launcher chain — the ancestors that are node, npm, npx, pnpm or a plain `sh`, up to
 * the first other process (the user's own shell, a supervisor) — and stops when one of them exits.
 * A server started with `nohup` or from a terminal that closes keeps running: those are not
 * launchers. Reading ancestors needs Linux's /proc; elsewhere only the direct parent is watched.
 */
import { readFileSync } from 'node:fs';

type ProcessStat = { comm: string; state: string; ppid: number };

const readStat = (pid: number): ProcessStat | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const [state, ppid] = stat.slice(close + 2).split(' ');
    return { comm: stat.slice(stat.indexOf('(') + 1, close), state: state!, ppid: Number(ppid) };
  } catch {
    return undefined;
  }
};

const launcher = /^(node|npm|npx|pnpm|sh|dash)$|^npm /;

/** The ancestors that launched this process, nearest first, each with its own parent. */
const launcherChain = (): { pid: number; ppid: number }[] => {
  const chain: { pid: number; ppid: number }[] = [];
  let pid = process.ppid;
  while (pid > 1 && chain.length < 16) {
    const stat = readStat(pid);
    if (!stat || !launcher.test(stat.comm)) {
      break;
    }
    chain.push({ pid, ppid: stat.ppid });
    pid = stat.ppid;
  }
  return chain;
};

/** True when a launcher has exited: gone, a zombie, or its child was re-parented. */
const launcherGone = (chain: readonly { pid: number; ppid: number }[]): boolean =>
  chain.some(({ pid, ppid }) => {
    const stat = readStat(pid);
    return !stat || stat.state === 'Z' || stat.ppid !== ppid;
  });

export const stopWithParent = (
  stop: () => Promise<void>,
  { pollMs = 250 }: { pollMs?: number } = {}
): void => {
  const parent = process.ppid;
  const chain = launcherChain();
  let stopping = false;
  const end = (): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    void stop()
      .catch(() => undefined)
      .finally(() => process.exit(0));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, end);
  }
  setInterval(() => {
    if (process.ppid !== parent || launcherGone(chain)) {
      end();
    }
  }, pollMs).unref();
};
