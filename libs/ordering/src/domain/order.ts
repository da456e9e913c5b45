import type { OrderLine, OrderTotals } from './order-pricing';
import { assertTransition, OrderStatus } from './order-status';
import type { ShippingAddress } from './shipping-address';

/** `actor` is the acting user's id, or `system` for jobs and provider webhooks. */
export const SYSTEM_ACTOR = 'system';
/** The actor of what a guest (the holder of an order's token) does to their order. */
export const GUEST_ACTOR = 'guest';

export interface HistoryEntry {
  from: OrderStatus | null;
  to: OrderStatus;
  at: Date;
  actor: string;
  reason: string | null;
}

export interface Shipment {
  carrier: string;
  trackingNumber: string;
}

export interface OrderState extends OrderTotals {
  id: string;
  number: string;
  /** null: a guest order, held by its order token (until its e-mail address is verified by an account). */
  customerId: string | null;
  /** Where the order's e-mails go (the customer's address at checkout, or the guest's). */
  email: string | null;
  status: OrderStatus;
  currency: string;
  lines: OrderLine[];
  shippingAddress: ShippingAddress;
  shipment: Shipment | null;
  paymentDueAt: Date;
  /** The version read from storage; a save succeeds only if it is still current. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
  history: HistoryEntry[];
}

export interface PlaceOrderInput extends OrderTotals {
  id: string;
  number: string;
  customerId: string | null;
  email: string | null;
  currency: string;
  lines: OrderLine[];
  shippingAddress: ShippingAddress;
  paymentDueAt: Date;
  now: Date;
}

/** What a cancellation obliges the caller to do besides storing the new state. */
export interface CancellationEffects {
  releaseStock: true;
  refundPayment: boolean;
}

/** The order aggregate: every status change goes through the state machine and is recorded. */
export class Order {
  private readonly recorded: HistoryEntry[] = [];

  private constructor(private readonly state: OrderState) {}

  static place(input: PlaceOrderInput): Order {
    const { now, ...rest } = input;
    const order = new Order({
      ...rest,
      status: 'pending_payment',
      shipment: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
      history: [],
    });
    order.record({ from: null, to: 'pending_payment', at: now, actor: input.customerId ?? GUEST_ACTOR, reason: null });
    return order;
  }

  static restore(state: OrderState): Order {
    return new Order({ ...state, lines: [...state.lines], history: [...state.history] });
  }

  get id(): string {
    return this.state.id;
  }
  get number(): string {
    return this.state.number;
  }
  get customerId(): string | null {
    return this.state.customerId;
  }
  get status(): OrderStatus {
    return this.state.status;
  }
  get version(): number {
    return this.state.version;
  }
  get total(): number {
    return this.state.total;
  }
  get currency(): string {
    return this.state.currency;
  }

  /** A read-only view of everything (for responses and persistence). */
  snapshot(): Readonly<OrderState> {
    return { ...this.state, lines: [...this.state.lines], history: [...this.state.history] };
  }

  /** History entries added since the order was loaded or placed (to be stored). */
  newHistory(): readonly HistoryEntry[] {
    return this.recorded;
  }

  /** What inventory reserved for this order. */
  stockLines(): { variantId: string; quantity: number }[] {
    return this.state.lines.map(({ variantId, quantity }) => ({ variantId, quantity }));
  }

  markPaid(actor: string, reason: string | null = null, at = new Date()): void {
    this.moveTo('paid', actor, reason, at);
  }

  /** Before fulfilment only; a paid order's payment must then be refunded. */
  cancel(actor: string, reason: string, at = new Date()): CancellationEffects {
    const wasPaid = this.state.status === 'paid';
    this.moveTo('cancelled', actor, reason, at);
    return { releaseStock: true, refundPayment: wasPaid };
  }

  fulfil(actor: string, shipment: Shipment, at = new Date()): void {
    this.moveTo('fulfilled', actor, null, at);
    this.state.shipment = { ...shipment };
  }

  deliver(actor: string, at = new Date()): void {
    this.moveTo('delivered', actor, null, at);
  }

  refund(actor: string, reason: string | null, at = new Date()): void {
    this.moveTo('refunded', actor, reason, at);
  }

  /** Called by the repository once the row (and the new history) is stored at `version`. */
  markSaved(version: number): void {
    this.state.version = version;
    this.recorded.length = 0;
  }

  private moveTo(to: OrderStatus, actor: string, reason: string | null, at: Date): void {
    assertTransition(this.state.status, to);
    this.record({ from: this.state.status, to, at, actor, reason });
    this.state.status = to;
    this.state.updatedAt = at;
  }

  private record(entry: HistoryEntry): void {
    this.state.history.push(entry);
    this.recorded.push(entry);
  }
}
