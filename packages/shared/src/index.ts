export * from './signing/index.js';
export * from './errors/index.js';
export * from './phone/index.js';
export * from './templates.js';
export * from './http.js';
export * from './config.js';
export * from './form-items.js';
export * from './operator.js';
export type * from './emulation.js';
