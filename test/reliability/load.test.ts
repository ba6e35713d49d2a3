import { describe, expect, it } from 'vitest';

import { providers } from './clients.js';
import { runLoad } from './load.js';

// A smaller run than `pnpm test:load` (10,000 per connector): the same checks, fewer sends.
describe.each(providers)('%s under load', (provider) => {
  it('loses nothing, duplicates nothing, stays within the agent limit', async () => {
    const figures = await runLoad({ provider, sends: 400, concurrency: 50 });
    expect(figures.firstError).toBeUndefined();
    expect(figures).toMatchObject({
      succeeded: 400,
      failed: 0,
      inbox: 400,
      lost: 0,
      duplicated: 0,
    });
    expect(figures.maxSockets).toBeLessThanOrEqual(figures.socketLimit);
  }, 60_000);
});
