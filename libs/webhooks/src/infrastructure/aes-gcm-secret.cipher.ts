import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SecretCipher } from '../application/secret-cipher.port';
import { WebhooksConfig } from '../webhooks.config';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM with WEBHOOK_SECRET_KEY; sealed = iv ‖ auth tag ‖ ciphertext, a fresh iv each time. */
@Injectable()
export class AesGcmSecretCipher extends SecretCipher {
  constructor(private readonly config: WebhooksConfig) {
    super();
  }

  encrypt(plain: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.config.secretKey, iv);
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
  }

  decrypt(sealed: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', this.config.secretKey, sealed.subarray(0, IV_BYTES));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }
}
