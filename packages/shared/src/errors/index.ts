export * from './connector-error.js';
export * from './redact.js';
export * from './table.js';
export * from './reply.js';
