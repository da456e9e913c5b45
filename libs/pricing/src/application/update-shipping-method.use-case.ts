import { Injectable } from '@nestjs/common';
import { NotFoundError, PlatformConfig, Transactional } from '@congocart/shared';
import type { ShippingMethod } from '../domain/shipping-method';
import { ShippingMethodInput, shippingMethodFields } from '../domain/shipping-method-input';
import { ShippingMethodRepository } from './shipping-method.repository';

/** Partial change; orders already placed keep the method and fee they were charged. */
@Injectable()
export class UpdateShippingMethod {
  constructor(
    private readonly methods: ShippingMethodRepository,
    private readonly platform: PlatformConfig,
  ) {}

  @Transactional()
  async execute(id: string, input: ShippingMethodInput): Promise<ShippingMethod> {
    const updated = await this.methods.update(id, shippingMethodFields(input, this.platform.currency));
    if (!updated) throw new NotFoundError('Shipping method');
    return updated;
  }
}
