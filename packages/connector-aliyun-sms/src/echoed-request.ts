/**
 * Aliyun echoes its whole string to sign (or canonical request) in signature errors: noise, and
 * it holds every parameter of the request, the number and the code included.
 */
export const stripEchoedRequest = (message: string): string =>
  message.replace(/\s*server (string to sign|StringToSign|CanonicalRequest) is[\s\S]*$/i, '');
