/**
 * `pnpm test:load`: 10,000 sends per connector at concurrency 50 through the emulator, a new
 * connector for every send. Fails unless nothing is lost or duplicated, sockets stay within the
 * agent limit, and the heap comes back near where it started.
 */
import { providers } from '../test/reliability/clients.js';
import { runLoad } from '../test/reliability/load.js';

const sends = Number(process.env.LOAD_SENDS ?? 10_000);
let failures = 0;
for (const provider of providers) {
  const figures = await runLoad({ provider, sends, concurrency: 50 });
  const heapGrowthMb = figures.heapAfterMb - figures.heapBeforeMb;
  const problems = [
    figures.failed > 0 && `${figures.failed} failed (${figures.firstError})`,
    figures.lost > 0 && `${figures.lost} lost`,
    figures.duplicated > 0 && `${figures.duplicated} duplicated`,
    figures.maxSockets > figures.socketLimit && `${figures.maxSockets} sockets`,
    heapGrowthMb > 20 && `heap grew ${heapGrowthMb.toFixed(1)} MB`,
  ].filter(Boolean);
  failures += problems.length;
  console.log(
    `${provider}: ${figures.succeeded}/${sends} sent, inbox ${figures.inbox}, lost ${figures.lost}, duplicated ${figures.duplicated}, max sockets ${figures.maxSockets}/${figures.socketLimit}, heap ${figures.heapBeforeMb.toFixed(1)} → ${figures.heapAfterMb.toFixed(1)} MB, ${(figures.wallMs / 1000).toFixed(1)} s${problems.length ? ` — ${problems.join(', ')}` : ''}`
  );
}
process.exitCode = failures > 0 ? 1 : 0;
