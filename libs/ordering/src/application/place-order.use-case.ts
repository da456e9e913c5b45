import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CheckoutCart } from '@congocart/cart';
import { VariantCatalog } from '@congocart/catalog';
import { AccountDirectory, AddressBook } from '@congocart/identity';
import { InsufficientStockError, StockReservations } from '@congocart/inventory';
import { OrderPricing, PromotionRedemptions } from '@congocart/pricing';
import { money, Money, NotFoundError, PlatformConfig, Transactional, ValidationFailedError } from '@congocart/shared';
import { Order } from '../domain/order';
import { OrderLine, orderPricingOf, OrderTotals, purchasableLines } from '../domain/order-pricing';
import { CartEmptyError, OrderOutOfStockError, PriceChangedError, TooManyUnpaidOrdersError } from '../domain/ordering.errors';
import { OrderToken } from '../domain/order-token';
import { shippingAddressFrom, ShippingAddress } from '../domain/shipping-address';
import { OrderingConfig } from '../ordering.config';
import { OrderRepository } from './order.repository';

/** Who buys: a signed-in customer (their active cart), or a guest holding a cart's token and giving an e-mail address. */
export type Buyer = { customerId: string } | { guestCartId: string; cartToken: string | undefined; email: string };

/** Where to: an address given at checkout, or one of the customer's address book (copied into the order). */
export type ShipTo = { address: ShippingAddress } | { addressId: string };

export interface PlaceOrderInput {
  buyer: Buyer;
  shipTo: ShipTo;
  /** Default: the cheapest active method serving the address's country. */
  shippingMethodId?: string;
  /** The total the shopper was shown; checkout refuses (409 PRICE_CHANGED) to charge another. */
  expectedTotal?: Money;
}

/** Whose the order is: the customer's, or a guest's known by their (normalised) e-mail address. */
type OrderOwner = { customerId: string } | { guestEmail: string };

export interface PlacedOrder {
  order: Order;
  /** A guest order's token (shown once; only its hash is stored); null for a customer's order. */
  orderToken: string | null;
}

/**
 * Checkout: turns the buyer's cart (a customer's, or a guest's held by its token) into an order
 * waiting for payment. One transaction: the cart is locked (a second checkout of the same cart
 * waits, then finds it closed), priced at today's catalog prices with the chosen shipping method
 * and the destination's tax (through pricing's OrderPricing, as the cart preview is), its stock
 * reserved all-or-nothing, the order stored and the cart closed. SHIPPING_UNAVAILABLE,
 * PROMOTION_INVALID (the cart's code no longer holds, or a usage limit is reached) and
 * PRICE_CHANGED are decided before anything is reserved. Any failure rolls all of it back.
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
    private readonly addressBook: AddressBook,
    private readonly promotions: PromotionRedemptions,
  ) {}

  @Transactional()
  async execute(input: PlaceOrderInput): Promise<PlacedOrder> {
    const { buyer } = input;
    const shippingAddress = await this.shippingAddressOf(buyer, input.shipTo);
    const cart =
      'customerId' in buyer
        ? await this.carts.lockActiveCart(buyer.customerId)
        : await this.carts.lockGuestCart(buyer.guestCartId, buyer.cartToken);
    if (!cart || cart.lines.length === 0) throw new CartEmptyError();
    const owner: OrderOwner = 'customerId' in buyer ? { customerId: buyer.customerId } : { guestEmail: buyer.email.trim().toLowerCase() };
    await this.refuseHoarding(owner);
    // Per-customer promotion limits count a guest by their e-mail address.
    const customerRef = 'customerId' in owner ? owner.customerId : owner.guestEmail;

    const quotes = await this.catalog.findVariants([...new Set(cart.lines.map((line) => line.variantId))]);
    const currency = this.platform.currency;
    const priced = await this.pricing.price(
      {
        lines: purchasableLines(cart.lines, quotes, currency),
        quotes,
        currency,
        promotionCode: cart.promotionCode,
        customer: customerRef,
      },
      { country: shippingAddress.country, region: shippingAddress.region ?? null },
      input.shippingMethodId ?? null,
    );
    const { lines, totals } = orderPricingOf(priced.breakdown, {
      method: priced.shippingMethod,
      pricesIncludeTax: priced.pricesIncludeTax,
    });
    const number = await this.orders.nextNumber();
    await this.promotions.redeem(priced, number, customerRef);
    this.assertExpectedTotal(input.expectedTotal, totals);
    await this.reserve(lines, number);

    const now = new Date();
    const order = Order.place({
      id: randomUUID(),
      number,
      customerId: 'customerId' in owner ? owner.customerId : null,
      email: 'customerId' in owner ? await this.accounts.emailOf(owner.customerId) : owner.guestEmail,
      currency: this.platform.currency,
      lines,
      ...totals,
      shippingAddress,
      paymentDueAt: new Date(now.getTime() + this.config.paymentTtlSeconds * 1000),
      now,
    });
    const orderToken = 'customerId' in owner ? null : OrderToken.generate();
    await this.orders.insert(order, orderToken ? { orderToken } : undefined);
    await this.carts.close(cart.cartId);
    return { order, orderToken };
  }

  /** The address given, or a copy of the customer's own address-book entry (another's or unknown → 404). */
  private async shippingAddressOf(buyer: Buyer, shipTo: ShipTo): Promise<ShippingAddress> {
    if ('address' in shipTo) return shippingAddressFrom(shipTo.address);
    const saved = 'customerId' in buyer ? await this.addressBook.findOwn(buyer.customerId, shipTo.addressId) : null;
    if (!saved) throw new NotFoundError('Address');
    return shippingAddressFrom(saved, 'shippingAddressId');
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
    throw new PriceChangedError({
      subtotal: money(totals.subtotal, currency),
      discountTotal: money(totals.discountTotal, currency),
      shippingFee: money(totals.shippingFee, currency),
      taxTotal: money(totals.taxTotal, currency),
      total: money(totals.total, currency),
    });
  }

  /**
   * Counted under the cart's lock (a guest's: under a lock on their e-mail), so parallel checkouts
   * of one buyer cannot overrun the limit.
   */
  private async refuseHoarding(owner: OrderOwner): Promise<void> {
    const { count, firstDueAt } = await this.orders.unpaidOf(owner);
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
