/**
 * The loopback guard for a process a test starts (`node --import tsx --import <this file> …`):
 * a connection outside loopback is refused and the process exits non-zero.
 */
import { guardConnections } from './loopback-patch.js';

guardConnections((host) => {
  console.error(`loopback guard: refused a connection to ${host}`);
  process.exitCode = 70;
});
