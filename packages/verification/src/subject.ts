import { hashKey } from './code.js';
import { configError } from './errors.js';

/**
 * The store key of a code's subject (the user or session it was sent for), or undefined when
 * none was given. An empty or non-string subject is a bug in the caller, not a refusal.
 */
export const subjectKeyOf = (secret: Buffer, subject: unknown): string | undefined => {
  if (subject === undefined) {
    return undefined;
  }
  if (typeof subject !== 'string' || subject.length === 0) {
    throw configError('`subject` must be a non-empty string (a user or session id).');
  }
  return hashKey(secret, 'subject', subject);
};
