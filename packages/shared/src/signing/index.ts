export * from './types.js';
export * from './primitives.js';
export * from './percent-encode.js';
export * from './aliyun-rpc.js';
export * from './aliyun-acs3.js';
export * from './huawei-wsse.js';
