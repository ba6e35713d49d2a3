export * from './types.js';
export * from './percent-encode.js';
export * from './primitives.js';
export * from './tencent-tc3.js';
export * from './huawei-wsse.js';
