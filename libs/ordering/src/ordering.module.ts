import { DynamicModule, Module, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CartModule } from '@congocart/cart';
import { CatalogModule } from '@congocart/catalog';
import { InventoryModule } from '@congocart/inventory';
import { PricingModule } from '@congocart/pricing';
import { IdempotencyModule } from '@congocart/shared';
import { AdminOrdersController } from './api/admin-orders.controller';
import { CheckoutController } from './api/checkout.controller';
import { GuestCheckoutController } from './api/guest-checkout.controller';
import { GuestOrdersController } from './api/guest-orders.controller';
import { OrdersController } from './api/orders.controller';
import { AttachGuestOrders } from './application/attach-guest-orders';
import { CancelOrder } from './application/cancel-order.use-case';
import { DeliverOrder } from './application/deliver-order.use-case';
import { ExpireUnpaidOrders } from './application/expire-unpaid-orders.use-case';
import { FulfilOrder } from './application/fulfil-order.use-case';
import { GetOrder } from './application/get-order.use-case';
import { GuestOrderAccess } from './application/guest-order-access';
import { ListOrders } from './application/list-orders.use-case';
import { OrderQueries } from './application/order-queries';
import { OrderRepository } from './application/order.repository';
import { OrderSettlement } from './application/order-settlement';
import { OrderTransitions } from './application/order-transitions';
import { PlaceOrder } from './application/place-order.use-case';
import { RefundOrder } from './application/refund-order.use-case';
import { OrderExpiryTask } from './infrastructure/order-expiry.task';
import { OrderHistoryEntity } from './infrastructure/order-history.entity';
import { OrderLineEntity } from './infrastructure/order-line.entity';
import { OrderEntity } from './infrastructure/order.entity';
import { SqlOrderQueries } from './infrastructure/sql-order.queries';
import { SqlOrderRepository } from './infrastructure/sql-order.repository';
import { OrderingConfig } from './ordering.config';

/**
 * Checkout and the order lifecycle. Uses cart, catalog and inventory through their public ports
 * (their modules export them). Its two payment ports, OrderRefunds and OrderPaymentRecords, are
 * implemented by the payments context: the composition root passes the module that exports them
 * to `forRoot` (payments depends on ordering, so ordering cannot import it by name), with the
 * identity module it configured (AccountDirectory: the customer's e-mail at checkout; AddressBook:
 * checkout to a saved address; EmailVerifiedHooks: a verified address attaches its guest orders).
 * The expiry sweep is a periodic task (the platform's registry; the worker runs it).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([OrderEntity, OrderLineEntity, OrderHistoryEntity]),
    CartModule,
    CatalogModule,
    InventoryModule,
    PricingModule,
    IdempotencyModule,
  ],
  controllers: [CheckoutController, OrdersController, AdminOrdersController, GuestCheckoutController, GuestOrdersController],
  providers: [
    { provide: OrderingConfig, useFactory: () => new OrderingConfig() },
    { provide: OrderRepository, useClass: SqlOrderRepository },
    { provide: OrderQueries, useClass: SqlOrderQueries },
    OrderTransitions,
    PlaceOrder,
    GetOrder,
    ListOrders,
    CancelOrder,
    FulfilOrder,
    DeliverOrder,
    RefundOrder,
    ExpireUnpaidOrders,
    OrderSettlement,
    OrderExpiryTask,
    GuestOrderAccess,
    AttachGuestOrders,
  ],
  exports: [OrderSettlement, ExpireUnpaidOrders, GuestOrderAccess],
})
export class OrderingModule {
  static forRoot(options: { payments: Type<unknown> | DynamicModule; identity: Type<unknown> | DynamicModule }): DynamicModule {
    return { module: OrderingModule, imports: [options.payments, options.identity] };
  }
}
