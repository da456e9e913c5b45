import { Injectable } from '@nestjs/common';
import { PaymentProvider, PaymentProviders } from '../application/payment-provider.port';
import { SandboxPaymentProvider } from './sandbox-payment.provider';

/** The providers this deployment talks to; a real one would be added here next to the sandbox. */
@Injectable()
export class ConfiguredPaymentProviders extends PaymentProviders {
  readonly primary: PaymentProvider;
  private readonly byNameMap: Map<string, PaymentProvider>;

  constructor(sandbox: SandboxPaymentProvider) {
    super();
    this.primary = sandbox;
    this.byNameMap = new Map([[sandbox.name, sandbox]]);
  }

  byName(name: string): PaymentProvider | null {
    return this.byNameMap.get(name) ?? null;
  }
}
