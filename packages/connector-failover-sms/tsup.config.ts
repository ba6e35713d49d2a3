import { connectorBuild } from '../../tsup.connector.js';

// lib/index.js is what Logto loads; lib/emulator.js (a failover config over the emulations, for
// tests and tools) is a separate entry so that none of it ends up in the connector Logto runs.
export default connectorBuild({ entry: { index: 'src/index.ts', emulator: 'emulator/index.ts' } });
