import { afterAll, beforeAll, beforeEach } from 'vitest';

import {
  emulatorConnectorConfigs,
  startEmulator,
  type Emulator,
  type EmulatorOptions,
} from '@duanxin/emulator';

type Lab = { emulator: Emulator; configs: ReturnType<typeof emulatorConnectorConfigs> };

/**
 * An emulator in the test process for one file's tests (port 0, no flow control), its inbox,
 * request log and faults cleared before each test, and connector configs pointing at it.
 */
export const useEmulator = (options: EmulatorOptions = {}): Lab => {
  let lab: Lab | undefined;
  beforeAll(async () => {
    const emulator = await startEmulator({ port: 0, flowControl: false, ...options });
    lab = { emulator, configs: emulatorConnectorConfigs(emulator.url) };
  });
  afterAll(() => lab?.emulator.close());
  beforeEach(() => {
    lab?.emulator.inbox.clear();
    lab?.emulator.requests.clear();
    lab?.emulator.faults.clear();
  });
  const started = () => {
    if (!lab) throw new Error('the emulator starts in beforeAll');
    return lab;
  };
  return {
    get emulator() {
      return started().emulator;
    },
    get configs() {
      return started().configs;
    },
  };
};
