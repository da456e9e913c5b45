import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CheckoutCart } from '@congocart/cart';
import { VariantCatalog } from '@congocart/catalog';
import { AccountDirectory } from '@congocart/identity';
import { InsufficientStockError, StockReservations } from '@congocart/inventory';
import { OrderPricing, PromotionRedemptions } from '@congocart/pricing';
import { Money, PlatformConfig, Transactional, ValidationFailedError } from '@congocart/shared';
import { Order } from '../domain/order';
import { OrderLine, orderPricingOf, OrderTotals, purchasableLines } from '../domain/order-pricing';
import { CartEmptyError, OrderOutOfStockError, PriceChangedError, TooManyUnpaidOrdersError } from '../domain/ordering.errors';
import { shippingAddressFrom, ShippingAddress } from '../domain/shipping-address';
import { OrderingConfig } from '../ordering.config';
import { OrderRepository } from './order.repository';

export interface PlaceOrderInput {
  customerId: string;
  shippingAddress: ShippingAddress;
  /** Default: the cheapest active method serving the address's country. */
  shippingMethodId?: string;
  /** The total the shopper was shown; checkout refuses (409 PRICE_CHANGED) to charge another. */
  expectedTotal?: Money;
}

/**
 * Checkout: turns the customer's cart into an order waiting for payment. One transaction: the
 * cart is locked (a second checkout of the same cart waits, then finds it closed), priced at
 * today's catalog prices with the chosen shipping method and the destination's tax (through
 * pricing's OrderPricing, as the cart preview is), its stock reserved all-or-nothing, the order
 * stored and the cart closed. SHIPPING_UNAVAILABLE, PROMOTION_INVALID (the cart's code no longer
 * holds, or a usage limit is reached) and PRICE_CHANGED are decided before anything is reserved.
 * Any failure rolls all of it back.
 */
@Injectable()
export class PlaceOrder {
  constructor(
    private readonly carts: CheckoutCart,
    private readonly catalog: VariantCatalog,
    private readonly stock: StockReservations,
    private readonly orders: OrderRepository,
    private readonly pricing: OrderPricing,
    private readonly config: OrderingConfig,
    private readonly platform: PlatformConfig,
    private readonly accounts: AccountDirectory,
    private readonly promotions: PromotionRedemptions,
  ) {}

  @Transactional()
  async execute(input: PlaceOrderInput): Promise<Order> {
    const shippingAddress = shippingAddressFrom(input.shippingAddress);
    const cart = await this.carts.lockActiveCart(input.customerId);
    if (!cart || cart.lines.length === 0) throw new CartEmptyError();
    await this.refuseHoarding(input.customerId);

    const quotes = await this.catalog.findVariants([...new Set(cart.lines.map((line) => line.variantId))]);
    const currency = this.platform.currency;
    const priced = await this.pricing.price(
      {
        lines: purchasableLines(cart.lines, quotes, currency),
        quotes,
        currency,
        promotionCode: cart.promotionCode,
        customer: input.customerId,
      },
      { country: shippingAddress.country, region: shippingAddress.region ?? null },
      input.shippingMethodId ?? null,
    );
    const { lines, totals } = orderPricingOf(priced.breakdown, {
      method: priced.shippingMethod,
      pricesIncludeTax: priced.pricesIncludeTax,
    });
    const number = await this.orders.nextNumber();
    await this.promotions.redeem(priced, number, input.customerId);
    this.assertExpectedTotal(input.expectedTotal, totals);
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

  private assertExpectedTotal(expected: Money | undefined, totals: OrderTotals): void {
    if (!expected) return;
    const currency = this.platform.currency;
    if (expected.currency !== currency) {
      throw new ValidationFailedError([
        { field: 'expectedTotal.currency', message: `The currency must be the store currency ${currency}.` },
      ]);
    }
    if (expected.amount === totals.total) return;
    const money = (amount: number) => ({ amount, currency });
    throw new PriceChangedError({
      subtotal: money(totals.subtotal),
      discountTotal: money(totals.discountTotal),
      shippingFee: money(totals.shippingFee),
      taxTotal: money(totals.taxTotal),
      total: money(totals.total),
    });
  }

  /** Counted under the cart's lock, so parallel checkouts of one customer cannot overrun the limit. */
  private async refuseHoarding(customerId: string): Promise<void> {
    const { count, firstDueAt } = await this.orders.unpaidOf(customerId);
    if (count < this.config.maxUnpaidOrdersPerCustomer) return;
    const wait = firstDueAt ? Math.ceil((firstDueAt.getTime() - Date.now()) / 1000) : this.config.paymentTtlSeconds;
    throw new TooManyUnpaidOrdersError(this.config.maxUnpaidOrdersPerCustomer, Math.max(1, wait));
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
