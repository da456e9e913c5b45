import { Injectable } from '@nestjs/common';
import { normaliseEmail } from '../domain/email-address';
import { AccountDisabledError, InvalidCredentialsError, TooManyLoginFailuresError } from '../domain/identity.errors';
import { LoginFailureLimiter } from './login-failure-limiter.port';
import { PasswordHasher } from './password-hasher.port';
import type { Session } from './session';
import { SessionIssuer } from './session-issuer';
import { UserRepository } from './user-repository.port';

export interface SignInCommand {
  email: string;
  password: string;
}

/**
 * Checks the password and starts a session. An unknown e-mail address costs the same argon2
 * verification and gets the same answer as a wrong password; failures are limited per address.
 */
@Injectable()
export class SignIn {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly failures: LoginFailureLimiter,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute(command: SignInCommand): Promise<Session> {
    const email = normaliseEmail(command.email);
    const refusal = await this.failures.begin(email);
    if (refusal) throw new TooManyLoginFailuresError(refusal.retryAfterSeconds);

    const user = await this.users.findWithCredentials(email);
    if (!user) {
      await this.hasher.verifyAgainstDummy(command.password);
      throw new InvalidCredentialsError();
    }
    if (!(await this.hasher.verify(user.passwordHash, command.password))) throw new InvalidCredentialsError();
    await this.failures.forgive(email);
    // Only someone who knows the password learns that the account is disabled.
    if (user.disabled) throw new AccountDisabledError();
    const { passwordHash: _hash, ...account } = user;
    return this.sessions.start(account);
  }
}
