import type { DynamicModule, Type } from '@nestjs/common';
import { CartModule } from '@congocart/cart';
import { CatalogModule } from '@congocart/catalog';
import { IdentityModule } from '@congocart/identity';
import { InventoryModule } from '@congocart/inventory';
import { OrderingModule } from '@congocart/ordering';
import { NotificationsModule } from '@congocart/notifications';
import { PaymentsModule } from '@congocart/payments';
import { WebhooksModule } from '@congocart/webhooks';
import { AccountMailModule } from './wiring/account-mail.module';

/** The bounded contexts served by the API, in dependency order; identity's account e-mails go through notifications. */
export function contextModules(): (Type<unknown> | DynamicModule)[] {
  return [
    IdentityModule.forRoot({ accountMail: AccountMailModule }),
    InventoryModule,
    CatalogModule,
    CartModule,
    OrderingModule,
    PaymentsModule,
    WebhooksModule,
    NotificationsModule,
  ];
}
