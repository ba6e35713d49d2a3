export * from './define.js';
export type * from './types.js';
