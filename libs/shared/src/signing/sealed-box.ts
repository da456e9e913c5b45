import { Injectable } from '@nestjs/common';
import { PlatformConfig } from '../config/platform.config';
import { openAesGcm, sealAesGcm } from './aes-gcm';

/**
 * Seals a secret that must travel through storage to a later step of this deployment (a job's
 * payload), so that it is never stored in the clear: AES-256-GCM with SEALING_KEY, as text.
 */
@Injectable()
export class SealedBox {
  constructor(private readonly config: PlatformConfig) {}

  seal(plain: string): string {
    return sealAesGcm(this.config.sealingKey, plain).toString('base64url');
  }

  /** The sealed secret, or null when it was not sealed with this key (or was altered). */
  open(sealed: string): string | null {
    try {
      return openAesGcm(this.config.sealingKey, Buffer.from(sealed, 'base64url'));
    } catch {
      return null;
    }
  }
}
