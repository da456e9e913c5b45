/** Encrypts endpoint signing secrets at rest; signing needs them back in the clear. */
export abstract class SecretCipher {
  abstract encrypt(plain: string): Buffer;
  abstract decrypt(sealed: Buffer): string;
}
