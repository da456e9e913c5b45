import { Injectable } from '@nestjs/common';
import { openAesGcm, sealAesGcm } from '@congocart/shared';
import { SecretCipher } from '../application/secret-cipher.port';
import { WebhooksConfig } from '../webhooks.config';

/** AES-256-GCM with WEBHOOK_SECRET_KEY (the kernel's sealAesGcm: iv ‖ auth tag ‖ ciphertext, a fresh iv each time). */
@Injectable()
export class AesGcmSecretCipher extends SecretCipher {
  constructor(private readonly config: WebhooksConfig) {
    super();
  }

  encrypt(plain: string): Buffer {
    return sealAesGcm(this.config.secretKey, plain);
  }

  decrypt(sealed: Buffer): string {
    return openAesGcm(this.config.secretKey, sealed);
  }
}
