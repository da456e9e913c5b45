import type { DynamicModule, Type } from '@nestjs/common';
import { CartModule } from '@congocart/cart';
import { CatalogModule } from '@congocart/catalog';
import { IdentityModule } from '@congocart/identity';
import { InventoryModule } from '@congocart/inventory';
import { OrderingModule } from '@congocart/ordering';
import { NotificationsModule } from '@congocart/notifications';
import { PaymentPortsModule, PaymentsModule } from '@congocart/payments';
import { WebhooksModule } from '@congocart/webhooks';
import { PricingModule } from '@congocart/pricing';
import { AccountMailModule } from './wiring/account-mail.module';

/**
 * The bounded contexts served by the API, in dependency order, and the ports bound between them:
 * ordering's payment ports are implemented by payments (no global module carries them), and
 * identity's account e-mails go through notifications.
 */
export function contextModules(): (Type<unknown> | DynamicModule)[] {
  const identity = IdentityModule.forRoot({ accountMail: AccountMailModule });
  const ordering = OrderingModule.forRoot({ payments: PaymentPortsModule, identity });
  return [
    identity,
    InventoryModule,
    CatalogModule,
    PricingModule,
    CartModule,
    ordering,
    PaymentsModule.forRoot({ ordering }),
    WebhooksModule,
    NotificationsModule,
  ];
}
