import { Injectable } from '@nestjs/common';
import { Transactional, ValidationFailedError } from '@congocart/shared';
import { emailProblem, normaliseEmail } from '../domain/email-address';
import { EmailTakenError } from '../domain/identity.errors';
import { passwordProblems } from '../domain/password-policy';
import { AccountMailDispatch } from './account-mail-dispatch';
import type { AccountMail } from './account-mailer.port';
import { EmailVerificationIssuer } from './email-verification-issuer';
import { PasswordHasher } from './password-hasher.port';
import type { Session } from './session';
import { SessionIssuer } from './session-issuer';
import { NewUser, UserRepository } from './user-repository.port';

export interface RegisterUserCommand {
  email: string;
  name: string;
  password: string;
}

/** Creates a customer account, signs it in and sends it a verification e-mail (after the commit). */
@Injectable()
export class RegisterUser {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionIssuer,
    private readonly verification: EmailVerificationIssuer,
    private readonly mails: AccountMailDispatch,
  ) {}

  async execute(command: RegisterUserCommand): Promise<Session> {
    const email = normaliseEmail(command.email);
    const problems = [emailProblem(email), ...passwordProblems(command.password, email)].filter((problem) => problem !== undefined);
    if (problems.length) throw new ValidationFailedError(problems);
    // Hashing is slow on purpose: it happens before a database connection is taken.
    const passwordHash = await this.hasher.hash(command.password);
    const { session, mail } = await this.store({ email, name: command.name.trim(), passwordHash, role: 'customer' });
    if (mail) this.mails.dispatch(mail);
    return session;
  }

  @Transactional()
  private async store(user: NewUser): Promise<{ session: Session; mail: AccountMail | null }> {
    const created = await this.users.insert(user);
    if (!created) throw new EmailTakenError();
    return { session: await this.sessions.start(created), mail: await this.verification.issue(created.id) };
  }
}
