import type { VerificationStore } from '../../src/index.js';
import type { StoreOutage } from '../suite/index.js';

/**
 * For a store without a backend to stop (the memory store): while the outage lasts, every call
 * fails as a dead connection would, and the data is there again afterwards.
 */
export const simulatedOutage = (): {
  outage: StoreOutage;
  wrap(store: VerificationStore): VerificationStore;
} => {
  let down = false;
  return {
    outage: {
      begin: async () => {
        down = true;
      },
      end: async () => {
        down = false;
      },
    },
    wrap: (store) =>
      Object.fromEntries(
        Object.entries(store).map(([name, value]) => [
          name,
          typeof value === 'function'
            ? async (...args: unknown[]) => {
                if (down) {
                  throw new Error('simulated outage: the store does not answer');
                }
                return (value as (...args: unknown[]) => unknown).apply(store, args);
              }
            : value,
        ])
      ) as unknown as VerificationStore,
  };
};
