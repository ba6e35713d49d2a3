/** `@duanxin/verification/http`: the verifier's routes as a framework-neutral Web handler. */
export {
  createVerificationHandler,
  type HandlerContext,
  type VerificationHandler,
  type VerificationHandlerOptions,
  type Verified,
} from './http/handler.js';
export type { TrustProxy } from './http/client-ip.js';
export { toNodeListener, toWebRequest, writeWebResponse } from './http/node.js';
export { HTTP_ERROR_CODES, type ErrorBody, type HttpErrorCode } from './http/responses.js';
