import { EnvReader } from '@congocart/shared';

/** Settings of password reset, e-mail verification and the other account e-mails. */
export class AccountsConfig {
  readonly passwordResetTtlSeconds: number;
  readonly emailVerificationTtlSeconds: number;
  /** Reset requests one client IP may make per hour (whatever the addresses). */
  readonly passwordResetRequestsPerHourPerIp: number;
  /** Reset requests per e-mail address (known or not) and verification e-mails per account, per hour. */
  readonly accountMailsPerHour = 5;
  /** Password changes (right or wrong current password) per account per hour. */
  readonly passwordChangesPerHour = 10;

  constructor(env: EnvReader = new EnvReader()) {
    this.passwordResetTtlSeconds = env.int('PASSWORD_RESET_TTL_SECONDS', 3600, { min: 60, max: 86_400 });
    this.emailVerificationTtlSeconds = env.int('EMAIL_VERIFICATION_TTL_SECONDS', 7 * 86_400, { min: 60 });
    this.passwordResetRequestsPerHourPerIp = env.int('PASSWORD_RESET_REQUESTS_PER_HOUR_PER_IP', 60, { min: 1 });
  }
}
