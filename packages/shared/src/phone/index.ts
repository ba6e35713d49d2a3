export * from './read.js';
export * from './reading.js';
