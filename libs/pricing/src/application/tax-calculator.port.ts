import type { Destination } from '../domain/destination';
import type { TaxPolicy } from '../domain/pricing-context';

/**
 * Decides which tax applies at a destination. The built-in adapter reads the admin's rate table;
 * an external tax service can replace it. It answers rates, not amounts: the one pricing
 * function applies them, so rounding and the sums stay the same whoever supplies the rates.
 */
export abstract class TaxCalculator {
  abstract policyFor(destination: Destination): Promise<TaxPolicy>;
}
