import { Injectable } from '@nestjs/common';
import { PlatformConfig, Transactional } from '@congocart/shared';
import type { ShippingMethod } from '../domain/shipping-method';
import { ShippingMethodInput, shippingMethodFields } from '../domain/shipping-method-input';
import { ShippingMethodRepository } from './shipping-method.repository';

/** Adds a shipping method; its code must be new (409 CODE_TAKEN). */
@Injectable()
export class CreateShippingMethod {
  constructor(
    private readonly methods: ShippingMethodRepository,
    private readonly platform: PlatformConfig,
  ) {}

  @Transactional()
  execute(input: ShippingMethodInput & { code: string; name: string; price: ShippingMethodInput['price'] }): Promise<ShippingMethod> {
    const fields = shippingMethodFields(input, this.platform.currency);
    return this.methods.insert({
      code: input.code,
      name: input.name,
      description: fields.description ?? null,
      price: fields.price ?? 0,
      freeOver: fields.freeOver ?? null,
      countries: fields.countries ?? [],
      deliveryDays: fields.deliveryDays ?? null,
      active: fields.active ?? true,
    });
  }
}
