export * from './read.js';
export * from './providers.js';
