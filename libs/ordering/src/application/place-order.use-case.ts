import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CheckoutCart } from '@congocart/cart';
import { VariantCatalog } from '@congocart/catalog';
import { AccountDirectory } from '@congocart/identity';
import { InsufficientStockError, StockReservations } from '@congocart/inventory';
import { PlatformConfig, Transactional } from '@congocart/shared';
import { Order } from '../domain/order';
import { OrderLine, priceLines, totalsOf } from '../domain/order-pricing';
import { CartEmptyError, OrderOutOfStockError } from '../domain/ordering.errors';
import { shippingAddressFrom, ShippingAddress } from '../domain/shipping-address';
import { OrderingConfig } from '../ordering.config';
import { OrderRepository } from './order.repository';

export interface PlaceOrderInput {
  customerId: string;
  shippingAddress: ShippingAddress;
}

/**
 * Checkout: turns the customer's cart into an order waiting for payment. One transaction: the
 * cart is locked (a second checkout of the same cart waits, then finds it closed), priced at
 * today's catalog prices, its stock reserved all-or-nothing, the order stored and the cart closed.
 * Any failure rolls all of it back.
 */
@Injectable()
export class PlaceOrder {
  constructor(
    private readonly carts: CheckoutCart,
    private readonly catalog: VariantCatalog,
    private readonly stock: StockReservations,
    private readonly orders: OrderRepository,
    private readonly config: OrderingConfig,
    private readonly platform: PlatformConfig,
    private readonly accounts: AccountDirectory,
  ) {}

  @Transactional()
  async execute(input: PlaceOrderInput): Promise<Order> {
    const shippingAddress = shippingAddressFrom(input.shippingAddress);
    const cart = await this.carts.lockActiveCart(input.customerId);
    if (!cart || cart.lines.length === 0) throw new CartEmptyError();

    const quotes = await this.catalog.findVariants([...new Set(cart.lines.map((line) => line.variantId))]);
    const lines = priceLines(cart.lines, quotes, this.platform.currency);
    const totals = totalsOf(lines, this.config.shippingFeeMinor);
    const number = await this.orders.nextNumber();
    await this.reserve(lines, number);

    const now = new Date();
    const order = Order.place({
      id: randomUUID(),
      number,
      customerId: input.customerId,
      email: await this.accounts.emailOf(input.customerId),
      currency: this.platform.currency,
      lines,
      ...totals,
      shippingAddress,
      paymentDueAt: new Date(now.getTime() + this.config.paymentTtlSeconds * 1000),
      now,
    });
    await this.orders.insert(order);
    await this.carts.close(cart.cartId);
    return order;
  }

  /** Inventory answers per variant; the client also needs each short line's SKU. */
  private async reserve(lines: OrderLine[], reference: string): Promise<void> {
    try {
      await this.stock.reserve(
        lines.map(({ variantId, quantity }) => ({ variantId, quantity })),
        reference,
      );
    } catch (error) {
      if (!(error instanceof InsufficientStockError)) throw error;
      const skus = new Map(lines.map((line) => [line.variantId, line.sku]));
      throw new OrderOutOfStockError(
        error.lines.map((short) => ({
          variantId: short.variantId,
          sku: skus.get(short.variantId) ?? '',
          requested: short.requested,
          available: short.available,
        })),
      );
    }
  }
}
