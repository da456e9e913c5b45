export abstract class PasswordHasher {
  abstract hash(password: string): Promise<string>;
  abstract verify(hash: string, password: string): Promise<boolean>;
  /** Spends as long as a real verification, for sign-ins of unknown e-mail addresses. */
  abstract verifyAgainstDummy(password: string): Promise<void>;
}
