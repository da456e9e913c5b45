import { Injectable } from '@nestjs/common';
import { Transactional, ValidationFailedError } from '@congocart/shared';
import { emailProblem, normaliseEmail } from '../domain/email-address';
import { EmailTakenError } from '../domain/identity.errors';
import { passwordProblems } from '../domain/password-policy';
import { PasswordHasher } from './password-hasher.port';
import type { Session } from './session';
import { SessionIssuer } from './session-issuer';
import { NewUser, UserRepository } from './user-repository.port';

export interface RegisterUserCommand {
  email: string;
  name: string;
  password: string;
}

/** Creates a customer account and signs it in. */
@Injectable()
export class RegisterUser {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute(command: RegisterUserCommand): Promise<Session> {
    const email = normaliseEmail(command.email);
    const problems = [emailProblem(email), ...passwordProblems(command.password, email)].filter((problem) => problem !== undefined);
    if (problems.length) throw new ValidationFailedError(problems);
    // Hashing is slow on purpose: it happens before a database connection is taken.
    const passwordHash = await this.hasher.hash(command.password);
    return this.store({ email, name: command.name.trim(), passwordHash, role: 'customer' });
  }

  @Transactional()
  private async store(user: NewUser): Promise<Session> {
    const created = await this.users.insert(user);
    if (!created) throw new EmailTakenError();
    return this.sessions.start(created);
  }
}
