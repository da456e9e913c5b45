import { Injectable } from '@nestjs/common';
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { PasswordHasher } from '../application/password-hasher.port';

// `Algorithm` is a const enum with no runtime value under per-file transpilers: 2 is Argon2id.
const ARGON2ID_ALGORITHM = 2 as Algorithm;

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. */
const ARGON2ID = { algorithm: ARGON2ID_ALGORITHM, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class Argon2PasswordHasher extends PasswordHasher {
  private dummyHash: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return hash(password, ARGON2ID);
  }

  async verify(stored: string, password: string): Promise<boolean> {
    try {
      return await verify(stored, password);
    } catch {
      return false; // a malformed stored hash never verifies
    }
  }

  async verifyAgainstDummy(password: string): Promise<void> {
    this.dummyHash ??= hash('not a real password: unknown accounts are checked against this', ARGON2ID);
    await this.verify(await this.dummyHash, password);
  }
}
