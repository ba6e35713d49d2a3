/**
 * Masking of personal data and secrets in anything that may reach a log, an error or a terminal.
 * Phone numbers and codes appear only masked; secrets never appear at all.
 */

/** `13800138000` → `138****8000`; `+8613800138000` → `+86138****8000`. */
export const maskPhone = (phone: string): string => {
  const plus = phone.startsWith('+') ? '+' : '';
  const digits = plus ? phone.slice(1) : phone;
  if (digits.length <= 4) {
    return plus + '*'.repeat(digits.length);
  }
  if (digits.length < 8) {
    return plus + '*'.repeat(digits.length - 2) + digits.slice(-2);
  }
  // Keep the prefix and the last four digits, as Chinese apps show numbers: 138****8000.
  return plus + digits.slice(0, digits.length - 8) + '****' + digits.slice(-4);
};

/** Verification codes are never shown: only their length. */
export const maskCode = (code: string): string => '*'.repeat(Math.min(code.length, 12));

/**
 * Cleans a provider's free text (error messages may echo the number, the request's string to
 * sign — which holds the code — or parameters): known sensitive strings are replaced, and any
 * remaining run of 7+ digits is masked as a phone number.
 */
export const redactText = (
  text: string,
  sensitive: readonly (string | undefined)[] = []
): string => {
  let result = text;
  for (const value of sensitive) {
    if (value && value.length >= 3) {
      result = result.split(value).join('***');
    }
  }
  return result.replace(/\+?\d{7,}/g, (digits) => maskPhone(digits));
};

/** Aliyun echoes its string to sign in signature errors; it contains every parameter. */
export const stripEchoedRequest = (message: string): string =>
  message.replace(/\s*server (string to sign|StringToSign|CanonicalRequest) is[\s\S]*$/i, '');
