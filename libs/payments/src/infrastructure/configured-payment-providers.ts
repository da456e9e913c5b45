import { Injectable, Logger } from '@nestjs/common';
import { PlatformConfig } from '@congocart/shared';
import { PaymentProvider, PaymentProviders } from '../application/payment-provider.port';
import { SandboxPaymentProvider } from './sandbox-payment.provider';

/** The providers this deployment talks to; a real one would be added here next to the sandbox. */
@Injectable()
export class ConfiguredPaymentProviders extends PaymentProviders {
  readonly primary: PaymentProvider;
  private readonly byNameMap: Map<string, PaymentProvider>;

  constructor(sandbox: SandboxPaymentProvider, platform: PlatformConfig) {
    super();
    this.primary = sandbox;
    this.byNameMap = new Map([[sandbox.name, sandbox]]);
    // PaymentsConfig refuses to start production without PAYMENT_SANDBOX_ENABLED=true; say which is live.
    const logger = new Logger('Payments');
    if (platform.nodeEnv === 'production') logger.warn('Payment provider: sandbox (PAYMENT_SANDBOX_ENABLED=true): test tokens pay orders');
    else logger.log('Payment provider: sandbox');
  }

  byName(name: string): PaymentProvider | null {
    return this.byNameMap.get(name) ?? null;
  }
}
