import { FieldError } from '@congocart/shared/kernel';

export const EMAIL_MAX_LENGTH = 254;
const LOCAL_PART_MAX_LENGTH = 64;
// Pragmatic shape check: one @, no white space, a dotted domain whose labels are non-empty.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** The stored form of an e-mail address: trimmed and lower-cased (unique regardless of case). */
export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** Why a (normalised) address is not acceptable, or undefined when it is. */
export function emailProblem(email: string, field = 'email'): FieldError | undefined {
  if (email.length === 0) return { field, message: `${field} must not be empty` };
  if (email.length > EMAIL_MAX_LENGTH) return { field, message: `${field} must be at most ${EMAIL_MAX_LENGTH} characters` };
  const at = email.lastIndexOf('@');
  if (!EMAIL_SHAPE.test(email) || at > LOCAL_PART_MAX_LENGTH) return { field, message: `${field} must be a valid e-mail address` };
  return undefined;
}
