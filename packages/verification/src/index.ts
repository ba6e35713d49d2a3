export { createSmsVerifier, type SmsVerifier } from './verifier.js';
export type { SendRequest, SendResult, VerifyRequest, VerifyResult } from './verifier.js';
export type { BindingRequestInfo, UnbindProof } from './binding.js';
export type {
  PrefixCap,
  RollingCap,
  SendCap,
  SendCheck,
  SmsConnectorLike,
  SmsVerifierOptions,
} from './options.js';
export {
  SMS_VERIFICATION_ERROR_CODES,
  SmsVerificationError,
  isSmsVerificationError,
  type SmsVerificationErrorCode,
} from './errors.js';
export {
  defaultSceneTemplateTypes,
  type BuiltinScene,
  type TemplateTypeName,
  type VerificationScene,
} from './scenes.js';
export { createMemoryStore } from './store/memory.js';
export { createRedisStore, failFastRedisOptions, type RedisStoreOptions } from './store/redis.js';
export type * from './store/types.js';
