import { Injectable } from '@nestjs/common';
import { ValidationFailedError } from '@congocart/shared';
import { emailProblem, normaliseEmail } from '../domain/email-address';
import { passwordProblems } from '../domain/password-policy';
import type { Role } from '../domain/role';
import type { User } from '../domain/user';
import { PasswordHasher } from './password-hasher.port';
import { UserRepository } from './user-repository.port';

export interface AccountSpec {
  email: string;
  password: string;
  name: string;
  role: Role;
}

/**
 * Creates or updates an enabled account with this e-mail, name, role and password (used by the
 * admin bootstrap and the demo seed). Idempotent: a password that still matches keeps its hash.
 */
@Injectable()
export class AccountProvisioning {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async ensureAccount(spec: AccountSpec): Promise<User> {
    const email = normaliseEmail(spec.email);
    const name = spec.name.trim();
    const problems = [emailProblem(email), ...passwordProblems(spec.password, email)].filter((problem) => problem !== undefined);
    if (name.length < 1 || name.length > 100) problems.push({ field: 'name', message: 'name must be 1 to 100 characters' });
    if (problems.length)
      throw new ValidationFailedError(problems, `Cannot provision ${email}: ${problems.map((p) => p.message).join('; ')}`);
    const existing = await this.users.findWithCredentials(email);
    const passwordHash =
      existing && (await this.hasher.verify(existing.passwordHash, spec.password))
        ? existing.passwordHash
        : await this.hasher.hash(spec.password);
    return this.users.upsert({ email, name, passwordHash, role: spec.role });
  }

  /** Whether an enabled account signs in with this password (the start-up check for published demo passwords). */
  async acceptsPassword(email: string, password: string): Promise<boolean> {
    const existing = await this.users.findWithCredentials(normaliseEmail(email));
    return Boolean(existing && !existing.disabled && (await this.hasher.verify(existing.passwordHash, password)));
  }
}
