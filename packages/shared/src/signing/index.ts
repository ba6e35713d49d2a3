export * from './types.js';
export * from './primitives.js';
export * from './percent-encode.js';
export * from './huawei-wsse.js';
