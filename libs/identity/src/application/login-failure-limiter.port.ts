/**
 * Limits failed sign-ins per e-mail address. Each attempt takes a slot up front (so parallel
 * guesses cannot overrun the limit); an attempt that turns out not to be a failure gives its slot back.
 */
export abstract class LoginFailureLimiter {
  /** Takes a slot; returns the seconds to wait when the address has no slot left in this window. */
  abstract begin(email: string): Promise<{ retryAfterSeconds: number } | null>;
  /** The attempt had the right password: it does not count as a failure. */
  abstract forgive(email: string): Promise<void>;
}
