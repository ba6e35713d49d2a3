export * from './types.js';
export * from './primitives.js';
export * from './percent-encode.js';
