import { Injectable } from '@nestjs/common';
import { NotFoundError, Transactional } from '@congocart/shared';
import { ShippingMethodRepository } from './shipping-method.repository';

/** DELETE deactivates: orders keep naming the method, and an admin can bring it back. */
@Injectable()
export class DeactivateShippingMethod {
  constructor(private readonly methods: ShippingMethodRepository) {}

  @Transactional()
  async execute(id: string): Promise<void> {
    if (!(await this.methods.update(id, { active: false }))) throw new NotFoundError('Shipping method');
  }
}
