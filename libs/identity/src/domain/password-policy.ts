import { FieldError } from '@congocart/shared/kernel';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Rejects passwords that are too short or long (counted in characters, not bytes) and the
 * obvious ones: the account's own e-mail address, or one character repeated.
 */
export function passwordProblems(password: string, email: string, field = 'password'): FieldError[] {
  const characters = [...password];
  const problems: FieldError[] = [];
  if (characters.length < PASSWORD_MIN_LENGTH)
    problems.push({ field, message: `${field} must be at least ${PASSWORD_MIN_LENGTH} characters` });
  if (characters.length > PASSWORD_MAX_LENGTH)
    problems.push({ field, message: `${field} must be at most ${PASSWORD_MAX_LENGTH} characters` });
  if (problems.length) return problems;
  if (password.trim().toLowerCase() === email.trim().toLowerCase())
    problems.push({ field, message: `${field} must not be the e-mail address` });
  if (new Set(characters).size === 1) problems.push({ field, message: `${field} must not be one character repeated` });
  return problems;
}
