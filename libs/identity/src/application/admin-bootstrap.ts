import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigError, ValidationFailedError } from '@congocart/shared';
import { IdentityConfig } from '../identity.config';
import { AccountProvisioning } from './account-provisioning';

/** ADMIN_EMAIL + ADMIN_PASSWORD create or update the first admin at start-up (idempotent). */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    private readonly config: IdentityConfig,
    private readonly provisioning: AccountProvisioning,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminEmail, adminPassword } = this.config;
    if (!adminEmail || !adminPassword) return;
    try {
      const admin = await this.provisioning.ensureAccount({
        email: adminEmail,
        password: adminPassword,
        name: 'Administrator',
        role: 'admin',
      });
      this.logger.log(`Admin account ${admin.email} is ready`);
    } catch (error) {
      if (error instanceof ValidationFailedError) {
        const field = error.errors.some((problem) => problem.field === 'email') ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD';
        throw new ConfigError(field, `is not acceptable: ${error.errors.map((problem) => problem.message).join('; ')}`);
      }
      throw error;
    }
  }
}
