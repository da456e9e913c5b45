import { DomainError } from '@congocart/shared/kernel';

export class ShippingUnavailableError extends DomainError {
  readonly code = 'SHIPPING_UNAVAILABLE';
  readonly status = 422;
  constructor(country: string) {
    super(`No active shipping method (or not the one chosen) ships to ${country}.`);
  }
}

export class ShippingCodeTakenError extends DomainError {
  readonly code = 'CODE_TAKEN';
  readonly status = 409;
  constructor(code: string) {
    super(`A shipping method with code "${code}" already exists.`);
  }
}

export class TaxRateExistsError extends DomainError {
  readonly code = 'TAX_RATE_EXISTS';
  readonly status = 409;
  constructor() {
    super('A rate for this country, region and tax category already exists.');
  }
}
