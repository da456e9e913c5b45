import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** One registry per app instance (tests boot several apps in one process). */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly jobRuns = new Counter({
    name: 'jobs_runs_total',
    help: 'Job runs by queue and outcome (completed, failed)',
    labelNames: ['queue', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly events = new Counter({
    name: 'domain_events_total',
    help: 'Committed domain events by type (counted when fanned out)',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });
  readonly ordersPlaced = new Counter({ name: 'orders_placed_total', help: 'Orders placed', registers: [this.registry] });
  readonly ordersPlacedValue = new Counter({
    name: 'orders_placed_value_minor_total',
    help: 'Total value of the orders placed, in minor units, by currency',
    labelNames: ['currency'] as const,
    registers: [this.registry],
  });
  readonly checkoutFailures = new Counter({
    name: 'checkout_failures_total',
    help: 'Refused checkouts by problem code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  readonly promotionRedemptions = new Counter({
    name: 'promotion_redemptions_total',
    help: 'Promotion uses taken by committed checkouts, by promotion id (releases on cancellation are not subtracted)',
    labelNames: ['promotion'] as const,
    registers: [this.registry],
  });
  readonly payments = new Counter({
    name: 'payments_total',
    help: 'Settled payments by outcome (succeeded, failed)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  /** The histogram's child per route, method and status: found again without building a label object or key string. */
  private readonly durationChildren = new Map<string, Map<string, Map<number, Observer>>>();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** One HTTP request's duration, allocation-free once its route, method and status have been seen. */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    let byMethod = this.durationChildren.get(route);
    if (!byMethod) this.durationChildren.set(route, (byMethod = new Map<string, Map<number, Observer>>()));
    let byStatus = byMethod.get(method);
    if (!byStatus) byMethod.set(method, (byStatus = new Map<number, Observer>()));
    let child = byStatus.get(status);
    if (!child) byStatus.set(status, (child = this.httpDuration.labels(method, route, String(status))));
    child.observe(seconds);
  }
}

interface Observer {
  observe(seconds: number): void;
}
